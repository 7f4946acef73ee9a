"""Site texts: what migrants read on every visit but no partner owns, on the desk like the rest.

The home page's intro, the intros of the activity and guide lists, the
categories' names, the policy plan's intro and its building blocks' names and
descriptions are translated per language like partners' content, but nobody's
queue would find them otherwise. Each is a **kind** of the desk (``home``,
``activities``, ``guides``, ``category``, ``plan``, ``block``) with the texts
it shows (a list page's title is not among them: the site names its sections
through the interface catalogs).

A municipality's pages (home, lists, plan) are addressed by the municipality's
slug, since every municipality has a ``/activiteiten/`` of its own:
``home/tiel/intro``; categories and building blocks, which the whole region
shares, by their own slug: ``category/sport/name``. Provenance, outdated
detection and the review hold are the common ones (``provenance``,
``review``): the models are registered for translation like the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from wagtail.models import Page

from ..models import (
    ActivityIndexPage,
    BuildingBlock,
    Category,
    GuideIndexPage,
    HomePage,
    PolicyPlanPage,
)
from ..municipalities import lookup
from ..municipalities.registry import MunicipalityInfo
from .provenance import translated_fields
from .records import TranslationRecord


@dataclass(frozen=True)
class SiteKind:
    """One kind of site text: its model, the texts migrants see, held by one municipality?"""

    model: type[Model]
    fields: tuple[str, ...]
    held: bool  # a page in one municipality's part of the tree (else the region's)


SITE_KINDS: dict[str, SiteKind] = {
    "home": SiteKind(HomePage, ("intro",), True),
    "activities": SiteKind(ActivityIndexPage, ("intro",), True),
    "guides": SiteKind(GuideIndexPage, ("intro",), True),
    "category": SiteKind(Category, ("name",), False),
    "plan": SiteKind(PolicyPlanPage, ("intro",), True),
    "block": SiteKind(BuildingBlock, ("name", "description"), False),
}
# In the queue: what every visitor meets comes before the activities (the home
# first); the plan is read with its actions, so it comes with them at the end.
BEFORE_CONTENT = ("home", "activities", "guides", "category")
WITH_ACTIONS = ("plan", "block")
_BY_MODEL = {spec.model: kind for kind, spec in SITE_KINDS.items()}


def site_kind(obj: Any) -> str | None:
    """The site kind of ``obj`` (None: a partner's content, or another text)."""
    return _BY_MODEL.get(type(obj))


def desk_fields(obj: Any) -> tuple[str, ...]:
    """The texts of ``obj`` that the desk translates: a site kind's own, else every one."""
    kind = site_kind(obj)
    return SITE_KINDS[kind].fields if kind else translated_fields(obj)


def holder(obj: Any) -> MunicipalityInfo | None:
    """The municipality whose part of the page tree holds a site page (None: not one's own)."""
    if not isinstance(obj, Page):
        return None
    holders = [m for m in lookup.municipalities() if obj.path.startswith(m.root_path)]
    return max(holders, key=lambda m: len(m.root_path), default=None)


def address(kind: str, obj: Any) -> str:
    """The slug part of a segment id: a municipality's page by its municipality's slug."""
    if kind in SITE_KINDS and SITE_KINDS[kind].held:
        found = holder(obj)
        if found is not None:
            return found.slug
    return obj.slug


def label(kind: str, obj: Any) -> str:
    """How the queue names a site text: the Dutch title, and whose it is in a region."""
    name = getattr(obj, "title_nl", None) or getattr(obj, "name_nl", None) or str(obj)
    found = holder(obj) if lookup.is_regional() else None
    return f"{name} ({found.name})" if found is not None else name


def objects(kind: str, municipalities: Iterable[MunicipalityInfo] | None = None) -> QuerySet:
    """The published site texts of ``kind``; ``municipalities``: only the pages they hold."""
    spec = SITE_KINDS[kind]
    items = spec.model.objects.all()
    if issubclass(spec.model, Page):
        items = items.live()
    if municipalities is not None and spec.held and lookup.is_regional():
        within = Q(pk__in=[])
        for municipality in municipalities:
            within |= Q(path__startswith=municipality.root_path)
        items = items.filter(within)
    return items.order_by("path" if issubclass(spec.model, Page) else "sort_order", "pk")


def records_by_model(
    objects: Iterable[Any],
) -> dict[type[Model], dict[tuple[int, str, str], TranslationRecord]]:
    """The records of site texts of several models in one query (``records_for``'s keys, per model).

    Six small kinds on every queue and coverage count: one query, not one per kind.
    """
    by_model: dict[type[Model], list[int]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    found: dict[type[Model], dict[tuple[int, str, str], TranslationRecord]] = {
        model: {} for model in by_model
    }
    if not by_model:
        return found
    models = {ContentType.objects.get_for_model(model).pk: model for model in by_model}
    wanted = Q(pk__in=[])
    for type_pk, model in models.items():
        wanted |= Q(content_type_id=type_pk, object_id__in=by_model[model])
    for entry in TranslationRecord.objects.filter(wanted).select_related("saved_by", "reviewed_by"):
        found[models[entry.content_type_id]][(entry.object_id, entry.field, entry.language)] = entry
    return found


def find(kind: str, slug: str) -> Any | None:
    """The object a segment id names (``home/tiel``, ``category/sport``), or None."""
    spec = SITE_KINDS[kind]
    if spec.held:
        municipality = lookup.by_slug(slug)
        if municipality is not None:
            return objects(kind, [municipality]).first()
    return spec.model.objects.filter(slug=slug).first()
