"""Machine drafts of one object, or of everything missing in a language: all of it, or nothing.

The texts of an object are translated in one call per kind (plain and rich
text), then written in one transaction as ``machine``, unreviewed
(``cms.translation.provenance``). Only missing texts are drafted: a person's
translation is never overwritten by a machine. A page's draft waits in an
unpublished revision unless every municipality the page is shown in chose to
publish unreviewed machine drafts in that language (``cms.translation.municipal``);
the site and the API label them either way, and the label stays when an editor
publishes that draft (``parked``). Where a municipality the object is shown in
requires a second reader (``municipal.review_required``), no machine text goes
into the object at all, live or draft, page or not, published or new: the
drafts wait in the review queue (``exchange.held``) until a translator reads
them. The characters are counted against
the budget of the municipality asking (``budget``). When the provider fails or
the budget is spent, nothing is written and the characters are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from ...municipalities.registry import MunicipalityInfo
from ..exchange.held import hold, own_translation_waits
from ..exchange.importing import apply_translations
from ..exchange.segments import Segment, find_object, segments_of, select
from ..fallback import has_text
from ..municipal import publishes_unreviewed, review_required
from ..parked import mark_machine_texts
from ..provenance import Origin, saving_as
from ..scope import shown_in as where_shown
from .budget import release, reserve
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
    held: list[str] = field(default_factory=list)  # objects whose drafts wait for review


def translator() -> MachineTranslator:
    if not is_configured():
        raise MachineDraftsOff("Machine drafts are off: no DEEPL_AUTH_KEY is set.")
    return DeepLTranslator()


def shown_in(kind: str, obj: Any) -> list[int]:
    """The municipalities a page is shown in (the rest go live as they are saved).

    A municipality's own page (its home, its lists) is shown there only; none
    known: the installation's default decides.
    """
    if not isinstance(obj, Page):
        return []
    return sorted(where_shown(kind, obj) or ())


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
    municipality: MunicipalityInfo | None = None,
) -> DraftReport:
    """Draft the missing texts of one object in ``language``; raises what went wrong.

    The characters count against ``municipality``'s budget (None: the default one's).
    """
    obj = find_object(kind, slug)
    if obj is None:
        raise LookupError(f"{kind}/{slug}: no such object")
    report = DraftReport(language)
    missing = [s for s in segments_of(kind, obj, language) if not has_text(s.target)]
    if not missing:
        return report
    held = review_required(obj)
    if held and user is None:
        raise MachineTranslationFailed(
            f"{kind}/{slug}: its drafts would wait for review, which needs the person who asks"
        )
    if held and own_translation_waits(obj, language, user):
        raise MachineTranslationFailed(
            f"{kind}/{slug}: your own translation of it waits for review; "
            "a machine draft does not replace it"
        )
    machine = machine or translator()
    characters = sum(len(segment.source) for segment in missing)
    reserve(characters, municipality)
    try:
        texts = _translate(machine, missing, language)
        drafted = list(zip(missing, texts, strict=True))
        with transaction.atomic(), saving_as(Origin.MACHINE, user):
            if held:
                hold(obj, language, drafted, user, Origin.MACHINE)
            else:
                parked = apply_translations(
                    kind,
                    obj,
                    language,
                    drafted,
                    publish=publishes_unreviewed(language, shown_in(kind, obj)),
                )
                if parked is not None:
                    mark_machine_texts(parked, language, [s.id.split("/")[2] for s in missing])
    except Exception:
        release(characters, municipality)
        raise
    if held:
        report.held.append(f"{kind}/{slug}")
    report.objects.append(f"{kind}/{slug}")
    report.segments, report.characters = len(missing), characters
    return report


def draft_missing(
    language: str,
    user: Any = None,
    machine: MachineTranslator | None = None,
    municipality: MunicipalityInfo | None = None,
) -> DraftReport:
    """Draft every object shown in ``municipality`` with missing texts in ``language``.

    One object at a time, each counted against ``municipality``'s budget.
    Stops at the first failure (budget spent, provider down): what was drafted before
    stays, each object whole; the report says where it stopped and why.
    """
    machine = machine or translator()
    report = DraftReport(language)
    missing = select(language, only=["missing"], municipality=municipality)
    objects = dict.fromkeys(tuple(segment.id.split("/")[:2]) for segment in missing)
    for kind, slug in objects:
        try:
            done = draft_object(kind, slug, language, user, machine, municipality)
        except (BudgetSpent, MachineTranslationFailed) as failure:
            report.stopped = str(failure)
            break
        report.objects += done.objects
        report.held += done.held
        report.segments += done.segments
        report.characters += done.characters
    return report
