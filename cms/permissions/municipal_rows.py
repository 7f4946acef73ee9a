"""Rows a municipality holds (surveys, question routing): the policy and the admin's views.

Regional coordinators manage every row; a municipality's coordinators only the
rows of their municipality, decided from the row *as stored* (a form cannot
move a row into someone's reach) and from the form's choice (a row cannot be
moved, or created, out of theirs). Everyone else: nothing, whatever Django
permissions a group was given by hand.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from .coordinator_only import coordinators
from .municipal import coordinated_rows
from .roles import User, coordinated_municipality_ids, coordinates, is_coordinator


def manages_municipal_rows(user: User) -> bool:
    """A regional coordinator, or the coordinator of at least one municipality."""
    return is_coordinator(user) or bool(coordinated_municipality_ids(user))


def stored_municipality_id(instance) -> int | None:
    """The row's municipality as in the database (the instance may carry a form's change)."""
    if instance.pk is None:
        return instance.municipality_id
    stored = type(instance)._default_manager.filter(pk=instance.pk)
    return stored.values_list("municipality_id", flat=True).first()


def may_manage_row(user: User, instance) -> bool:
    return coordinates(user, stored_municipality_id(instance))


class MunicipalRowsPermissionPolicy(ModelPermissionPolicy):
    """Every action for the coordinators of the row's municipality (regional ones: all rows)."""

    def user_has_permission(self, user, action) -> bool:
        return manages_municipal_rows(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return manages_municipal_rows(user)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return may_manage_row(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return may_manage_row(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return coordinated_rows(user, self.model._default_manager.all())

    def users_with_any_permission(self, actions) -> QuerySet:
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(pk__in=coordinators().values("pk"))
                | Q(groups__coordinated_municipality__isnull=False)
            )
            .distinct()
        )


def narrow_municipality_choice(form: forms.BaseForm, user: User | None) -> None:
    """Offer a municipality coordinator only their own municipalities (and make one required)."""
    field = form.fields.get("municipality")
    if field is None or user is None or is_coordinator(user):
        return
    field.queryset = field.queryset.filter(pk__in=coordinated_municipality_ids(user))
    field.required = True
    partner = form.fields.get("partner")
    if partner is not None:
        partner.queryset = partner.queryset.filter(
            municipalities__in=coordinated_municipality_ids(user)
        ).distinct()


class MunicipalRowObjectMixin:
    """For the admin views of one row: refused unless the user manages its municipality."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not may_manage_row(self.request.user, instance):
            raise PermissionDenied
        return instance


class MunicipalRowListingMixin:
    """For the listing: only the rows of the user's municipalities."""

    def get_base_queryset(self):
        return coordinated_rows(self.request.user, super().get_base_queryset())
