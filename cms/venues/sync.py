"""An activity held at a venue shows the venue's name, address and point.

The activity keeps them in its own location columns, so that everything that
reads an activity's place (the API's ``location``, the ``near`` filter on the
indexed lat/lon, the calendar feed, the search document, structured data)
stays as it was and costs no extra query. Two moments keep the copy true:

- an activity is saved (edited, published, imported): ``take_venue_location``
  copies its venue's place onto it, so a draft written before the venue moved
  publishes the venue's place of today;
- a venue is saved: ``move_activities`` rewrites the place of every activity
  held there, and says so with ``venue_moved`` (the search index listens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.dispatch import Signal

if TYPE_CHECKING:
    from ..models import ActivityPage
    from .models import Venue

# Sent with ``activity_ids`` after a venue's place was copied onto its
# activities without saving the pages.
venue_moved = Signal()


def location_of(venue: Venue) -> dict[str, object]:
    """The activity's location columns, as the venue fills them."""
    lat, lon = venue.point or (None, None)
    return {
        "location_name": venue.name,
        "location_address": venue.address,
        "lat": lat,
        "lon": lon,
    }


def take_venue_location(activity: ActivityPage) -> None:
    """Copy the venue's place onto the (unsaved) activity; nothing without a venue."""
    if activity.venue_id is None:
        return
    for name, value in location_of(activity.venue).items():
        setattr(activity, name, value)


def move_activities(venue: Venue) -> list[int]:
    """Give every activity held at ``venue`` its current place; returns their ids."""
    from ..models import ActivityPage

    held_here = ActivityPage.objects.filter(venue=venue)
    ids = list(held_here.values_list("pk", flat=True))
    if ids:
        held_here.update(**location_of(venue))
        venue_moved.send(sender=type(venue), activity_ids=ids)
    return ids
