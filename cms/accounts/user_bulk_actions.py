"""Wagtail's user bulk actions, held to the rules of the single-user views (issue #21, point 2).

Wagtail's "assign role" and "set active state" ask only for ``auth.change_user``,
which the Coordinators group holds: through them a coordinator could put anyone
(themselves too) in any group, the Coordinators group included, and switch off
a superuser's or another coordinator's account. Here, as in ``user_admin``:

- an account the actor may not manage (``may_manage_user``) is left out of
  every bulk action, and Wagtail lists it as one they have no access to;
- a non-superuser assigns only partners' groups (``assignable_groups``); any
  other group is refused by the form, so nothing changes.

Registered with the same ``action_type`` as Wagtail's own, and later (``order``),
so the bulk action registry keeps ours (the registry keeps the last one per type).
"""

from __future__ import annotations

from wagtail import hooks
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .user_admin import assignable_groups, may_manage_user


class ManagedUsersOnlyMixin:
    def check_perm(self, obj) -> bool:
        return super().check_perm(obj) and may_manage_user(self.request.user, obj)


class NarrowedAssignRoleBulkAction(ManagedUsersOnlyMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class NarrowedSetActiveStateBulkAction(ManagedUsersOnlyMixin, SetActiveStateBulkAction):
    pass


class NarrowedDeleteBulkAction(ManagedUsersOnlyMixin, DeleteBulkAction):
    pass


for action_class in (
    NarrowedAssignRoleBulkAction,
    NarrowedSetActiveStateBulkAction,
    NarrowedDeleteBulkAction,
):
    # After Wagtail's own (order 0), whatever the order of INSTALLED_APPS.
    hooks.register("register_bulk_action", action_class, order=1)
