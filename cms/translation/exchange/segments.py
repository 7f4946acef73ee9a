"""Every translatable text, addressed by a stable segment id: ``<kind>/<slug>/<field>``.

The site's own texts (``home/tiel/intro``, ``category/sport/name``, ...) are
kinds too (``cms.translation.site_texts``).

A guide's rich-text body blocks are segments of their own,
``guide/<slug>/body/<block id>``: an agency translates paragraphs, not a
StreamField. Slugs, not database ids, so that a file exported from one copy of
the database (a staging site) still fits the production one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, Q

from ...glossary.models import GlossaryTerm
from ...models import ActivityPage, GuidePage, Partner, PolicyAction
from ...municipalities.lookup import is_regional
from ...municipalities.registry import MunicipalityInfo
from ...municipalities.scoping import published_to
from ..fallback import has_text
from ..provenance import State, state
from ..scope import Scope, scoped
from ..site_texts import SITE_KINDS, address
from ..site_texts import find as find_site_text
from ..site_texts import objects as site_objects

# kind → (model, plain-text fields); pages also carry their body's text blocks.
KINDS: dict[str, tuple[type[Model], tuple[str, ...]]] = {
    "activity": (ActivityPage, ("title", "summary", "training_times")),
    "guide": (GuidePage, ("title", "summary")),
    "action": (PolicyAction, ("title", "description")),
    "partner": (Partner, ("description",)),
    "glossary": (GlossaryTerm, ("term", "explanation")),
    **{kind: (spec.model, spec.fields) for kind, spec in SITE_KINDS.items()},
}
PAGE_KINDS = ("activity", "guide")
BODY = "body"
RICH_BLOCK = "text"


@dataclass(frozen=True)
class Segment:
    """One text to translate: its id, the Dutch source, the target's text now, if it is rich."""

    id: str
    source: str
    target: str
    rich: bool
    outdated: bool = False


def _outdated(obj: Any, field: str, language: str) -> bool:
    return state(obj, field, language) == State.OUTDATED


def _body_blocks(value: Any) -> dict[str, str]:
    """Rich-text blocks of a StreamField value: block id → stored HTML."""
    if not value:
        return {}
    return {
        block.id: block.value.source
        for block in value
        if block.block_type == RICH_BLOCK and block.id
    }


def segments_of(kind: str, obj: Any, language: str, judge: bool = False) -> Iterator[Segment]:
    """The segments of one object whose Dutch source has text, with the target's text now.

    ``judge``: also say whether each is outdated (the Dutch changed since it was translated,
    ``cms.translation.provenance.state``; a body block shares its body's state).
    """
    source = settings.SOURCE_LANGUAGE
    _, fields = KINDS[kind]
    for field in fields:
        text = getattr(obj, f"{field}_{source}", None)
        if has_text(text):
            target = getattr(obj, f"{field}_{language}", None) or ""
            outdated = judge and _outdated(obj, field, language)
            yield Segment(f"{kind}/{address(kind, obj)}/{field}", text, target, False, outdated)
    if kind in PAGE_KINDS:
        targets = _body_blocks(getattr(obj, f"{BODY}_{language}", None))
        outdated = judge and _outdated(obj, BODY, language)
        for block_id, html in _body_blocks(getattr(obj, f"{BODY}_{source}", None)).items():
            if has_text(html):
                target = targets.get(block_id, "")
                yield Segment(f"{kind}/{obj.slug}/{BODY}/{block_id}", html, target, True, outdated)


def _objects(
    kind: str,
    partner: str | None,
    municipality: MunicipalityInfo | None = None,
    scope: Scope = None,
) -> Iterable[Any]:
    if kind in SITE_KINDS:
        if partner:
            return []  # no partner's: the site's own
        return site_objects(kind, [municipality] if municipality is not None else scope)
    model, _ = KINDS[kind]
    objects = scoped(kind, model.objects.all(), scope)
    if kind in PAGE_KINDS:
        objects = objects.live()
    if kind in ("activity", "guide", "partner"):
        objects = published_to(objects, municipality)
    elif kind == "action" and municipality is not None and is_regional():
        objects = objects.filter(plan__path__startswith=municipality.root_path)
    if partner:
        by_partner = {
            "activity": Q(organiser__slug=partner) | Q(co_organisers__slug=partner),
            "guide": Q(author__slug=partner),
            "action": Q(responsible__slug=partner),
            "partner": Q(slug=partner),
            "glossary": Q(pk__in=[]),
        }[kind]
        objects = objects.filter(by_partner).distinct()
    return objects.order_by("pk")


def select(
    language: str,
    partner: str | None = None,
    only: Iterable[str] = (),
    municipality: MunicipalityInfo | None = None,
    scope: Scope = None,
) -> list[Segment]:
    """The segments to send for ``language``: all, or ``only`` the missing and/or outdated ones.

    Outdated is exact, per field: the Dutch source changed since the translation was
    saved (``cms.translation.provenance``). ``municipality``: only what is shown there
    (the glossary is every municipality's). ``scope``: only what is shown in one of these
    (a translator's municipalities, ``cms.translation.scope``).
    """
    only = set(only)
    chosen = []
    for kind in KINDS:
        for obj in _objects(kind, partner, municipality, scope):
            for segment in segments_of(kind, obj, language, judge="outdated" in only):
                missing = not has_text(segment.target)
                if (
                    not only
                    or ("missing" in only and missing)
                    or ("outdated" in only and segment.outdated)
                ):
                    chosen.append(segment)
    return chosen


def find_object(kind: str, slug: str) -> Any | None:
    """The object a segment id names, or None."""
    if kind not in KINDS:
        return None
    if kind in SITE_KINDS:
        return find_site_text(kind, slug)
    model, _ = KINDS[kind]
    return model.objects.filter(slug=slug).first()
