"""Who sees which sign-ups and buddy lists: each partner only its own people.

- **sign-ups**: the editors of the activity's organiser see, mark attended and
  cancel them; coordinators see all. Contributors see none: a name and a
  phone number are for who needs them, not for everyone who writes pages.
- **buddy offers, requests and matches**: the editors of the buddy project
  they were handed to; coordinators see all (and handle those no project
  covers).
- nobody adds them in the admin (they come from the public), and only
  coordinators delete them.

The policies decide from roles alone, like the contact point's, so that no
group needs a permission granted for this to hold.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from ..contact_point.permissions import question_handlers
from ..models import BuddyMatch, BuddyOffer, BuddyRequest, Signup
from ..permissions.roles import User, editor_partner_ids, is_coordinator

HANDLING_ACTIONS = frozenset({"view", "change"})

# The path from each model to the partner whose editors handle it.
PARTNER_PATHS: dict[type[Model], str] = {
    Signup: "signup_list__activity__organiser",
    BuddyOffer: "project__partner",
    BuddyRequest: "project__partner",
    BuddyMatch: "request__project__partner",
}


def handled_by_user(user: User, model: type[Model], rows: QuerySet | None = None) -> QuerySet:
    """The rows of ``model`` the user may see: all for coordinators, their partners' for editors."""
    rows = model._default_manager.all() if rows is None else rows
    if is_coordinator(user):
        return rows
    own = editor_partner_ids(user)
    if not own:
        return rows.none()
    return rows.filter(**{f"{PARTNER_PATHS[model]}__in": own})


def may_handle(user: User, instance: Model) -> bool:
    """May the user see and change this row, as stored in the database now?"""
    if is_coordinator(user):
        return True
    if instance.pk is None:
        return False
    return handled_by_user(user, type(instance)).filter(pk=instance.pk).exists()


class PartnerPeoplePermissionPolicy(BasePermissionPolicy):
    """View and change for the handling partner's editors; delete for coordinators; no add."""

    def user_has_permission(self, user, action) -> bool:
        if action in HANDLING_ACTIONS:
            return is_coordinator(user) or bool(editor_partner_ids(user))
        if action == "delete":
            return is_coordinator(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and may_handle(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return handled_by_user(user, self.model)

    def users_with_any_permission(self, actions) -> QuerySet:
        return question_handlers()
