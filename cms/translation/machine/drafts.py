"""Machine drafts of one object, or of everything missing in a language: all of it, or nothing.

The texts of an object are translated in one call per kind (plain and rich
text), then written in one transaction as ``machine``, unreviewed
(``cms.translation.provenance``). Only missing texts are drafted: a person's
translation is never overwritten by a machine. A page's draft waits in an
unpublished revision unless the coordinator chose to publish unreviewed
machine drafts for that language (``MACHINE_DRAFTS_PUBLISHED_LANGUAGES``); the
site and the API label them either way. When the provider fails or the budget
is spent, nothing is written and the characters are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction

from ..exchange.importing import apply_translations
from ..exchange.segments import Segment, find_object, segments_of, select
from ..fallback import has_text
from ..provenance import Origin, saving_as
from .budget import INSTALLATION, release, reserve
from .deepl_provider import DeepLTranslator, is_configured
from .provider import BudgetSpent, MachineTranslationFailed, MachineTranslator, ProviderUnavailable


class MachineDraftsOff(MachineTranslationFailed):
    """No provider is configured."""


@dataclass
class DraftReport:
    language: str
    objects: list[str] = field(default_factory=list)
    segments: int = 0
    characters: int = 0
    stopped: str = ""


def translator() -> MachineTranslator:
    if not is_configured():
        raise MachineDraftsOff("Machine drafts are off: no DEEPL_AUTH_KEY is set.")
    return DeepLTranslator()


def publishes_unreviewed(language: str) -> bool:
    """Did the coordinator choose to publish unreviewed machine drafts in ``language``?"""
    return language in settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES


def _translate(machine: MachineTranslator, segments: list[Segment], language: str) -> list[str]:
    texts: dict[str, str] = {}
    for rich in (False, True):
        chosen = [segment for segment in segments if segment.rich == rich]
        sources = [segment.source for segment in chosen]
        results = machine.translate(sources, settings.SOURCE_LANGUAGE, language, html=rich)
        if len(results) != len(sources):
            raise ProviderUnavailable(
                "The translation service answered with a wrong number of texts."
            )
        texts.update({segment.id: text for segment, text in zip(chosen, results, strict=True)})
    return [texts[segment.id] for segment in segments]


def draft_object(
    kind: str,
    slug: str,
    language: str,
    user: Any = None,
    machine: MachineTranslator | None = None,
    scope: str = INSTALLATION,
) -> DraftReport:
    """Draft the missing texts of one object in ``language``; raises what went wrong."""
    obj = find_object(kind, slug)
    if obj is None:
        raise LookupError(f"{kind}/{slug}: no such object")
    report = DraftReport(language)
    missing = [s for s in segments_of(kind, obj, language) if not has_text(s.target)]
    if not missing:
        return report
    machine = machine or translator()
    characters = sum(len(segment.source) for segment in missing)
    reserve(characters, scope)
    try:
        texts = _translate(machine, missing, language)
        with transaction.atomic(), saving_as(Origin.MACHINE, user):
            apply_translations(
                kind,
                obj,
                language,
                list(zip(missing, texts, strict=True)),
                publish=publishes_unreviewed(language),
            )
    except Exception:
        release(characters, scope)
        raise
    report.objects.append(f"{kind}/{slug}")
    report.segments, report.characters = len(missing), characters
    return report


def draft_missing(
    language: str, user: Any = None, machine: MachineTranslator | None = None
) -> DraftReport:
    """Draft every object with missing texts in ``language``, one object at a time.

    Stops at the first failure (budget spent, provider down): what was drafted before
    stays, each object whole; the report says where it stopped and why.
    """
    machine = machine or translator()
    report = DraftReport(language)
    objects = dict.fromkeys(tuple(s.id.split("/")[:2]) for s in select(language, only=["missing"]))
    for kind, slug in objects:
        try:
            done = draft_object(kind, slug, language, user, machine)
        except (BudgetSpent, MachineTranslationFailed) as failure:
            report.stopped = str(failure)
            break
        report.objects += done.objects
        report.segments += done.segments
        report.characters += done.characters
    return report
