"""What a visitor can keep on the phone for use without a connection.

The guides and the next four weeks of activities, in one language: the pages
a labour migrant in housing with poor reception looks up again (where is the
GP, when is the language café). The service worker fetches these addresses
when the visitor asks to keep them; the pages themselves stay the database's,
rendered as usual.

Per municipality: a visitor of Tiel's site keeps what Tiel's site lists (its
own and the shared guides and activities), at Tiel's address: each
municipality's site is its own origin, so its phone holds its own copies.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cms.models import ActivityPage
from cms.municipalities.registry import MunicipalityInfo
from cms.municipalities.scoping import published_to
from cms.public_urls import SECTION_PATHS, public_path
from cms.publishing import published

from .activities import by_dates
from .guides import guides

# How far ahead the activities kept offline reach.
OFFLINE_WINDOW = timedelta(weeks=4)


def offline_paths(
    language: str, now: datetime, municipality: MunicipalityInfo | None = None
) -> list[str]:
    """The addresses in ``language`` to keep offline on ``municipality``'s site: lists
    first, then each page published to it (None: every municipality's).

    Two queries: the guides, and the activities with an occurrence in the window.
    """
    lists = [f"/{language}/"] + [
        f"/{language}/{SECTION_PATHS[kind]}/" for kind in ("activity", "guide")
    ]
    shown = published_to(published(ActivityPage.objects.all()), municipality)
    coming = by_dates(shown, now, now + OFFLINE_WINDOW)
    activity_slugs = coming.order_by("slug").values_list("slug", flat=True)
    guide_slugs = (
        published_to(guides(), municipality).order_by("slug").values_list("slug", flat=True)
    )
    return (
        lists
        + [public_path("guide", slug, language) for slug in guide_slugs]
        + [public_path("activity", slug, language) for slug in activity_slugs]
    )
