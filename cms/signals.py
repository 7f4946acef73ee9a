"""Keeping derived data in step with the content that owns it."""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from .models import ActivityPage, Venue
from .venues.sync import move_activities

# Sent with ``activity_ids`` when stored dates change without the page being
# saved (the daily refresh): the search index keeps occurrence dates too.
occurrences_refreshed = Signal()


@receiver(post_save, sender=ActivityPage)
def refresh_occurrences(sender, instance: ActivityPage, update_fields=None, **kwargs) -> None:
    """Re-expand an activity's dates whenever its dates may have changed."""
    if update_fields is not None and not {"starts_at", "ends_at", "recurrence"} & set(
        update_fields
    ):
        return
    instance.rebuild_occurrences()


@receiver(post_save, sender=Venue)
def move_activities_with_their_venue(sender, instance: Venue, **kwargs) -> None:
    """A venue's new name, address or point reaches every activity held there."""
    move_activities(instance)
