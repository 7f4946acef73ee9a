"""A page's view restrictions without two queries per page view, when it has none.

Before serving a page, Wagtail asks ``page.get_view_restrictions()``, which reads
the page's ancestors (to resolve aliases) and then the restrictions on any of
them: two queries on every page view, though a platform's public pages have no
restriction at all. Where a page, its ancestors and none of them an alias hold
no restriction, there is none to find: the tree paths of restricted pages and of
aliases, remembered per content version (``cms.content_version.memo``; every
restriction, alias and move is a commit that moves it), say so without asking.
Any other page gets Wagtail's own answer. Wagtail has no such shortcut.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from .content_version.memo import remembered


def _paths_to_check() -> tuple[str, ...]:
    """Tree paths of restricted pages and of aliases: below them, ask Wagtail."""
    # Unordered: SQLite refuses ORDER BY (Page's default) inside a UNION's parts.
    restricted = PageViewRestriction.objects.order_by().values_list("page__path", flat=True)
    aliases = Page.objects.filter(~Q(alias_of=None)).order_by().values_list("path", flat=True)
    return tuple(restricted.union(aliases))


class ViewRestrictionsByPathMixin:
    """For page types: no restriction queries for a page outside every restricted part."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        checked = remembered(("restricted or aliased paths",), _paths_to_check)
        if not any(self.path.startswith(path) for path in checked):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
