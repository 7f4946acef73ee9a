"""A translator's municipalities: which texts a translator of Polish for Tiel may work on.

A ``TranslatorAssignment`` names a language and, optionally, a municipality
(its Wagtail site). A translator for Tiel works on what is shown in Tiel:
activities, guides and partners published to Tiel (a regional guide published
to Tiel as well as to its neighbours included), Tiel's plan and its actions,
Tiel's own site texts (home, lists), and what every municipality shows
(categories, building blocks, the glossary). An assignment without a
municipality, a coordinator, or an install with one municipality: everything.

One rule in two forms, side by side: ``scoped`` narrows a queryset (the
queue, the XLIFF download), ``in_scope`` judges one object (the desk, the
XLIFF upload, a machine draft, a review).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from ..municipalities import lookup
from ..municipalities.registry import MunicipalityInfo
from ..permissions.roles import is_coordinator
from .site_texts import SITE_KINDS, holder
from .translators import translator_sites

# Shown wherever they are published (``municipalities``), by kind.
PUBLISHED_TO = ("activity", "guide", "partner")

Scope = tuple[MunicipalityInfo, ...] | None  # None: every municipality


def translator_scope(user: AbstractBaseUser | AnonymousUser, language: str) -> Scope:
    """The municipalities ``user`` translates ``language`` for (None: all of them)."""
    if is_coordinator(user) or not lookup.is_regional():
        return None
    sites = translator_sites(user, language)
    if None in sites:
        return None
    return tuple(m for m in lookup.municipalities() if m.site_id in sites)


def _under(field: str, scope: tuple[MunicipalityInfo, ...]) -> Q:
    within = Q(pk__in=[])
    for municipality in scope:
        within |= Q(**{f"{field}__startswith": municipality.root_path})
    return within


def scoped(kind: str, items: QuerySet, scope: Scope) -> QuerySet:
    """``items`` of ``kind``, only those shown in one of ``scope``'s municipalities."""
    if scope is None:
        return items
    if kind in PUBLISHED_TO:
        pks = [m.pk for m in scope]
        return items.filter(pk__in=items.model.objects.filter(municipalities__in=pks).values("pk"))
    if kind == "action":
        return items.filter(_under("plan__path", scope))
    if kind == "survey":
        return items.filter(municipality__in=[m.pk for m in scope])
    if kind in SITE_KINDS and SITE_KINDS[kind].held:
        return items.filter(_under("path", scope))
    return items  # the region's own: categories, building blocks, the glossary


def shown_in(kind: str, obj: Any) -> set[int] | None:
    """The municipalities (pks) where ``obj`` is shown; None: every one of them."""
    if kind in PUBLISHED_TO:
        return set(obj.municipalities.values_list("pk", flat=True))
    if kind == "action":
        path = obj.plan.path
        return {m.pk for m in lookup.municipalities() if path.startswith(m.root_path)}
    if kind == "survey":
        return {obj.municipality_id} if obj.municipality_id else None
    if kind in SITE_KINDS and SITE_KINDS[kind].held:
        found = holder(obj)
        return {found.pk} if found is not None else None
    return None


def in_scope(kind: str, obj: Any, scope: Scope) -> bool:
    """Is ``obj`` (of ``kind``) shown in one of ``scope``'s municipalities?"""
    if scope is None:
        return True
    where = shown_in(kind, obj)
    return where is None or bool(where & {m.pk for m in scope})
