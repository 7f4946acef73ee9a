"""The categories of activities, as the site's lists, filters and search page show them."""

from __future__ import annotations

from cms.content_version.memo import remembered
from cms.models import Category


def categories() -> list[Category]:
    """Every category, in the platform's order.

    Remembered per content version during a public read (``cms.content_version.memo``):
    the home page, every activity list and the search page asked for the same few rows,
    which only a commit changes. The categories must not be changed by callers.
    """
    return remembered(("categories",), lambda: list(Category.objects.all()))
