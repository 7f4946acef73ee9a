"""Policy actions: the coordinators own the plan, partners report their progress.

Each municipality has its own plan (a ``PolicyPlanPage`` under its home):
its coordinators manage that plan's actions, regional coordinators every
plan's. An editor of a partner that is *responsible* for an action may open
that action and post progress updates on it; nothing else about the action
(title, status, who is responsible, dates) is theirs to change. Actions their
partner is not responsible for are neither listed nor opened for them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from .municipal import coordinated_home_paths
from .roles import User, editor_partner_ids, is_coordinator


def manages_action(user: User, action) -> bool:
    """Is ``action`` (as stored) in the plan of a municipality the user coordinates?"""
    if is_coordinator(user):
        return True
    homes = coordinated_home_paths(user)
    if not homes or action.pk is None:
        return False
    stored = type(action).objects.filter(pk=action.pk).values_list("plan__path", flat=True)
    path = stored.first()
    return path is not None and path.startswith(homes)


def plans_managed_by(user: User, plans: QuerySet) -> QuerySet:
    """The plan pages of ``plans`` whose actions the user manages."""
    if is_coordinator(user):
        return plans
    query = Q(pk__in=[])
    for home in coordinated_home_paths(user):
        query |= Q(path__startswith=home)
    return plans.filter(query)


def may_report_on(user: User, action) -> bool:
    """Does the user manage ``action``, or edit for a partner responsible for it (as stored)?"""
    if manages_action(user, action):
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
    reported = Q(responsible__in=editor_partner_ids(user))
    for home in coordinated_home_paths(user):
        reported |= Q(plan__path__startswith=home)
    return actions.filter(reported).distinct()


class PolicyActionPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed for editors to their partner's actions."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "change":
            return may_report_on(user, instance)
        return manages_action(user, instance)

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
    """The action form; for a partner's editor it keeps only the progress updates.

    A municipality's coordinator keeps every field of their own plan's actions
    (a new action too), with only their own plans to choose from.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or is_coordinator(user):
            return
        if self.instance.pk is None:
            manages = bool(coordinated_home_paths(user))
        else:
            manages = manages_action(user, self.instance)
        if manages:
            plan = self.fields.get("plan")
            if plan is not None:
                plan.queryset = plans_managed_by(user, plan.queryset)
            return
        # Fields left out of a model form are neither shown nor saved.
        for name in list(self.fields):
            del self.fields[name]
