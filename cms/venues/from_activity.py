"""A coordinator turns an activity's one-off place into a venue.

When the third activity lists "Dorpshuis De Kern, Dorpsstraat 1" by hand, the
coordinator makes it a venue from one of them: the venue takes the place as
typed (its village from the point, when the point is a village's centre) and
the activity is held there from then on. The page's row and its latest
revision both name the venue, so a draft published later keeps it.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Revision

from ..models import ActivityPage, Partner
from .activity_place import village_at
from .models import Venue


def may_become_venue(page: ActivityPage) -> bool:
    """A one-off place with at least a name or an address, and a point to put it on."""
    return (
        page.venue_id is None
        and bool(page.location_name or page.location_address)
        and page.lat is not None
        and page.lon is not None
    )


@transaction.atomic
def venue_from_activity(page: ActivityPage, partner: Partner | None) -> Venue:
    """Make a venue of ``page``'s one-off place, managed by ``partner`` (None: the platform's)."""
    if not may_become_venue(page):
        raise ValueError("The activity has no one-off place to turn into a venue.")
    village = village_at(page.lat, page.lon)
    venue = Venue(
        name=page.location_name or page.location_address,
        address=page.location_address,
        village=village.slug if village else "",
        lat=None if village else page.lat,
        lon=None if village else page.lon,
        partner=partner,
    )
    venue.full_clean()
    venue.save()
    ActivityPage.objects.filter(pk=page.pk).update(venue=venue)
    if page.latest_revision_id:
        revision = Revision.objects.select_for_update().get(pk=page.latest_revision_id)
        revision.content["venue"] = venue.pk
        revision.save(update_fields=["content"])
    page.venue = venue
    return venue
