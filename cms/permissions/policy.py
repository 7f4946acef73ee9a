"""Policy actions: the coordinator owns the plan, partners report their progress.

An editor of a partner that is *responsible* for an action may open that
action and post progress updates on it; nothing else about the action (title,
status, who is responsible, dates) is theirs to change. Actions their partner
is not responsible for are neither listed nor opened for them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import User, editor_partner_ids, is_coordinator


def may_report_on(user: User, action) -> bool:
    """Is the user an editor of a partner responsible for ``action`` (as stored)?"""
    if is_coordinator(user):
        return True
    own = editor_partner_ids(user)
    if not own or action.pk is None:
        return False
    through = type(action).responsible.through
    return through.objects.filter(policyaction_id=action.pk, partner_id__in=own).exists()


def actions_reported_on_by(user: User, actions: QuerySet) -> QuerySet:
    """The actions of ``actions`` that the user may report progress on."""
    if is_coordinator(user):
        return actions
    return actions.filter(responsible__in=editor_partner_ids(user)).distinct()


class PolicyActionPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed for editors to their partner's actions."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and may_report_on(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return actions_reported_on_by(
            user, super().instances_user_has_any_permission_for(user, actions)
        )


class ResponsiblePartnerObjectMixin:
    """For the snippet views that open one action: refuse actions the user may not report on."""

    object_permission = "change"

    # Wagtail's views disagree on the signature: the edit and delete views take a
    # queryset, the history and usage views take nothing. Pass on what was given.
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.object_permission, obj
        ):
            raise PermissionDenied
        return obj


class PolicyActionForm(WagtailAdminModelForm):
    """The action form; for a partner's editor it keeps only the progress updates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not is_coordinator(self.for_user):
            # Fields left out of a model form are neither shown nor saved.
            for name in list(self.fields):
                del self.fields[name]
