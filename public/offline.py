"""What a visitor can keep on the phone for use without a connection.

The guides and the next four weeks of activities, in one language: the pages
a labour migrant in housing with poor reception looks up again (where is the
GP, when is the language café). The service worker fetches these addresses
when the visitor asks to keep them; the pages themselves stay the database's,
rendered as usual.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cms.models import ActivityPage
from cms.public_urls import SECTION_PATHS, public_path
from cms.publishing import published

from .activities import by_dates
from .guides import guides

# How far ahead the activities kept offline reach.
OFFLINE_WINDOW = timedelta(weeks=4)


def offline_paths(language: str, now: datetime) -> list[str]:
    """The site's addresses in ``language`` to keep offline: lists first, then each page.

    Two queries: the guides, and the activities with an occurrence in the window.
    """
    lists = [f"/{language}/"] + [
        f"/{language}/{SECTION_PATHS[kind]}/" for kind in ("activity", "guide")
    ]
    coming = by_dates(published(ActivityPage.objects.all()), now, now + OFFLINE_WINDOW)
    activity_slugs = coming.order_by("slug").values_list("slug", flat=True)
    guide_slugs = guides().order_by("slug").values_list("slug", flat=True)
    return (
        lists
        + [public_path("guide", slug, language) for slug in guide_slugs]
        + [public_path("activity", slug, language) for slug in activity_slugs]
    )
