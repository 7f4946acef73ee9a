"""Wagtail's user admin, narrowed for coordinators (issue #21, point 2).

The Coordinators group holds ``auth.add_user`` and ``auth.change_user`` so that
coordinators can manage the people of the partners. Wagtail's own user forms
then offer the "Administrator" (``is_superuser``) box, every group (the
Coordinators group too) and the password fields, also on a superuser's
account. Here a coordinator who is not a superuser:

- never sees or sets ``is_superuser`` (a posted value is ignored);
- assigns only partners' groups (editor, contributor), roles below their own;
- cannot open, change, delete or see the history of a superuser's, another
  coordinator's or a municipality coordinator's account (403), so never sets
  their password or address;
- never changes an address here, their own or a partner person's: that takes
  a confirmation from the new address (``email_change``). Switching a partner
  person's account off or on stays: that is deliberate, never silent.

The user listing's bulk actions follow the same rules (``user_bulk_actions``).
Superusers keep Wagtail's forms unchanged. Plugged in by
``cms.accounts.apps.WegwijsUsersAppConfig`` (``INSTALLED_APPS``), Wagtail's documented way to
replace its user viewset.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from ..permissions.roles import COORDINATORS_GROUP, User


def may_manage_user(actor: User, target: User) -> bool:
    """May ``actor`` open and change ``target``'s account in the user admin?"""
    if actor.is_superuser or actor.pk == target.pk:
        return True
    return not (target.is_superuser or _holds_a_coordinators_group(target))


def _holds_a_coordinators_group(target: User) -> bool:
    # Read from the groups, not from roles.is_coordinator: that one answers no for a
    # disabled account, which would let a coordinator set a disabled coordinator's
    # address and password and enable it again. A municipality's coordinator is named
    # on that municipality's page, not here: their account is out of reach too.
    return target.groups.filter(
        Q(name=COORDINATORS_GROUP) | Q(coordinated_municipality__isnull=False)
    ).exists()


def assignable_groups(actor: User) -> QuerySet[Group]:
    """The groups ``actor`` may give: all for a superuser, else partners' groups only."""
    if actor.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(partner_group__isnull=False)


def _narrow_for(form, actor: User) -> None:
    if actor.is_superuser:
        return
    form.fields.pop("is_superuser", None)  # left out of the form: neither shown nor saved
    if "groups" in form.fields:
        form.fields["groups"].queryset = assignable_groups(actor)


class NarrowedFormMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        _narrow_for(form, self.request.user)
        return form


class ManagedUserMixin:
    """Views of one account: refused unless ``may_manage_user``."""

    def get_object(self, *args, **kwargs):
        target = super().get_object(*args, **kwargs)
        if not may_manage_user(self.request.user, target):
            raise PermissionDenied
        return target


class UserCreateView(NarrowedFormMixin, users.CreateView):
    pass


class UserEditView(ManagedUserMixin, NarrowedFormMixin, users.EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            # An address nobody confirmed would draw the next invitation or password
            # reset to whoever typed it (issue #21, point 1): a new address goes
            # through the account page's confirmed change (``email_change``).
            # Shown, never saved: Django keeps a disabled field's stored value.
            form.fields["email"].disabled = True
        return form


class UserDeleteView(ManagedUserMixin, users.DeleteView):
    pass


class UserHistoryView(ManagedUserMixin, users.HistoryView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView
    history_view_class = UserHistoryView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
