"""For what only coordinators handle: surveys and their results, the contact point's routing.

Decided from the role alone (``is_coordinator``), not from Django model
permissions, so a permission a partner's group was given by hand changes nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import COORDINATORS_GROUP, is_coordinator


def coordinators() -> QuerySet:
    """Active superusers and members of the Coordinators group."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=COORDINATORS_GROUP))
        .distinct()
    )


class CoordinatorOnlyPermissionPolicy(ModelPermissionPolicy):
    """Every action on the model for coordinators (and superusers), none for anyone else."""

    def user_has_permission(self, user, action) -> bool:
        return is_coordinator(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return is_coordinator(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        return coordinators()
