"""Who manages which venues, and which venues an editor may hold an activity at.

- **coordinators** manage every venue, the platform's own (no partner) too;
- a **municipality coordinator** manages the venues in the municipalities
  they coordinate (the village hall of their municipality), not elsewhere;
- a partner's **editors** add venues for their partner and change or delete
  only those; they see the platform's venues but cannot change them;
- a partner's **contributors** may hold their activities at their partner's
  venues and the platform's, but change none: a venue's address is shown on
  live activities, and a contributor's words go live only after approval.

The policy decides from roles alone, like the contact point's, so that no
group needs a permission granted for this to hold.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from ..contact_point.permissions import question_handlers
from ..permissions.roles import (
    User,
    coordinated_municipality_ids,
    editor_partner_ids,
    is_coordinator,
    partner_ids,
)
from .models import Venue


def usable_venues(user: User | None, keep: int | None = None) -> QuerySet[Venue]:
    """The venues ``user`` may choose for an activity (plus ``keep``, the one it has now)."""
    venues = Venue.objects.all()
    if user is not None and is_coordinator(user):
        return venues
    allowed = Q(partner__isnull=True)
    if user is not None:
        allowed |= Q(partner__in=partner_ids(user))
        allowed |= Q(municipality__in=coordinated_municipality_ids(user))
    if keep is not None:
        allowed |= Q(pk=keep)
    return venues.filter(allowed)


def managed_venues(user: User) -> QuerySet[Venue]:
    """The venues ``user`` may change and delete."""
    if is_coordinator(user):
        return Venue.objects.all()
    return Venue.objects.filter(
        Q(partner__in=editor_partner_ids(user))
        | Q(municipality__in=coordinated_municipality_ids(user))
    )


def may_manage(user: User, venue: Venue) -> bool:
    """May the user change this venue, as it is stored now?"""
    if is_coordinator(user):
        return True
    if venue.pk is None:
        return False
    return managed_venues(user).filter(pk=venue.pk).exists()


class VenuePermissionPolicy(BasePermissionPolicy):
    """View for every member; add for editors; change and delete of one's own venues."""

    def user_has_permission(self, user, action) -> bool:
        if is_coordinator(user):
            return True
        if action == "view":
            return bool(partner_ids(user)) or bool(coordinated_municipality_ids(user))
        if action in ("add", "change", "delete"):
            return bool(editor_partner_ids(user)) or bool(coordinated_municipality_ids(user))
        return False

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action == "view":
            return usable_venues(user).filter(pk=instance.pk).exists()
        return may_manage(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return Venue.objects.none()
        if set(actions) <= {"view"}:
            return usable_venues(user)
        return managed_venues(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        # Coordinators and partner editors: the people who handle questions too.
        return question_handlers()
