"""Surveys and their results are the coordinator's alone.

Answers come from people who may fear their employment agency; even counts
per village are sensitive. Partner editors and contributors therefore get no
survey rights at all, whatever Django permissions a group was given by hand:
the policy asks ``is_coordinator`` and nothing else.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import COORDINATORS_GROUP, User, is_coordinator


def may_see_surveys(user: User) -> bool:
    """May the user edit surveys, see their results and download their QR codes?"""
    return is_coordinator(user)


class CoordinatorOnlyPermissionPolicy(ModelPermissionPolicy):
    """Every action on the model for coordinators (and superusers), none for anyone else."""

    def user_has_permission(self, user, action) -> bool:
        return may_see_surveys(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return may_see_surveys(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=COORDINATORS_GROUP))
            .distinct()
        )
