"""An agency's XLIFF file into the database: every translation in it, or none.

Every unit is judged first (``checks``); one problem anywhere refuses the whole
file, with every problem named by its segment id, and nothing is written. A
unit whose Dutch source changed since the export is refused, never applied:
the agency translated a text that no longer exists. Units without a target
are left alone (the agency skipped them).

Every text applied is recorded with origin ``agency`` (``cms.translation.provenance``).
An agency's file (the command, a coordinator's upload) is trusted as the
municipality's own contractor's and applied at once. A translator's file
(``review=True``: their upload in the admin, ``translations import
--translator``) goes where their desk submit would: for an object shown in a
municipality that requires a second reader, its texts wait for review
(``held``) and the object is not changed.
Pages get a new revision (the history shows the import); a page that is live
and has no unpublished draft is published with it, one with a draft keeps the
translation in the draft, for the editor to publish with their own changes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from ..languages import is_supported
from ..municipal import review_required
from ..provenance import Origin, saving_as
from ..scope import Scope, in_scope
from .checks import problems_of, stored_rich_text
from .held import hold
from .segments import BODY, RICH_BLOCK, Segment, find_object, segments_of
from .xliff import UnreadableFile, read


class ExchangeRefused(Exception):
    """The file was not applied; ``problems`` names each one (by segment id where it has one)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class ImportReport:
    language: str
    applied: list[str] = field(default_factory=list)
    objects: int = 0
    held: list[str] = field(default_factory=list)  # waiting for a second reader


def _kind_and_slug(segment_id: str) -> tuple[str, str]:
    parts = segment_id.split("/")
    return (parts[0], parts[1]) if len(parts) >= 3 else ("", "")


def _judge(
    units, language, scope: Scope = None
) -> tuple[list[str], dict[tuple[str, str], list[tuple[Segment, str]]]]:
    problems: list[str] = []
    accepted: dict[tuple[str, str], list[tuple[Segment, str]]] = defaultdict(list)
    seen: set[str] = set()
    known: dict[tuple[str, str], dict[str, Segment] | None] = {}  # None: not theirs
    for unit in units:
        if not unit.target.strip():
            continue
        if unit.id in seen:
            problems.append(f"{unit.id}: appears twice in the file")
            continue
        seen.add(unit.id)
        kind, slug = _kind_and_slug(unit.id)
        if (kind, slug) not in known:
            obj = find_object(kind, slug)
            known[(kind, slug)] = (
                {s.id: s for s in segments_of(kind, obj, language)} if obj is not None else {}
            )
            if obj is not None and not in_scope(kind, obj, scope):
                known[(kind, slug)] = None
        if known[(kind, slug)] is None:
            problems.append(f"{unit.id}: not shown in a municipality you translate for")
            continue
        segment = known[(kind, slug)].get(unit.id)
        if segment is None:
            problems.append(f"{unit.id}: unknown segment (no such text to translate)")
            continue
        if unit.source.strip() != segment.source.strip():
            problems.append(
                f"{unit.id}: the Dutch source changed since the export; "
                "export it again and translate the new text"
            )
            continue
        problems += [f"{unit.id}: {problem}" for problem in problems_of(unit.target, segment.rich)]
        # A link comes back as the site renders it (rel="noopener"): stored as Wagtail keeps it.
        target = stored_rich_text(unit.target) if segment.rich else unit.target
        accepted[(kind, slug)].append((segment, target))
    return problems, accepted


def _translated_body(obj: Any, language: str, blocks: dict[str, str]) -> str:
    """The target body: the Dutch blocks' order, translated text blocks, other blocks kept."""
    source = getattr(obj, f"{BODY}_{settings.SOURCE_LANGUAGE}")
    target = getattr(obj, f"{BODY}_{language}", None)
    current = {block["id"]: block for block in (target.raw_data if target else [])}
    body = []
    for block in source.raw_data:
        if block["type"] == RICH_BLOCK and block["id"] in blocks:
            body.append({**block, "value": blocks[block["id"]]})
        else:
            body.append(current.get(block["id"], block))
    return json.dumps(body)


def apply_translations(
    kind: str,
    obj: Any,
    language: str,
    translations: list[tuple[Segment, str]],
    publish: bool = True,
) -> Any | None:
    """Write ``translations`` (segment, text) into ``obj``; a page gets a revision.

    The revision is published when ``publish`` and the page is live without a pending
    draft; otherwise the translation waits in the draft, and that revision is returned.
    """
    # Every page (a partner's, or the site's own home and lists) gets a revision.
    is_page = isinstance(obj, Page)
    if is_page and obj.has_unpublished_changes:
        obj = obj.get_latest_revision_as_object()
        publish = False
    else:
        publish = publish and is_page and obj.live
    blocks = {}
    for segment, target in translations:
        name = segment.id.split("/")[2]
        if name == BODY:
            blocks[segment.id.split("/")[3]] = target
        else:
            setattr(obj, f"{name}_{language}", target)
    if blocks:
        setattr(obj, f"{BODY}_{language}", _translated_body(obj, language, blocks))
    if is_page:
        revision = obj.save_revision()
        if not publish:
            return revision
        revision.publish()
    else:
        obj.save()
    return None


def target_language(data: bytes) -> str:
    """The target language a file names ("" when it cannot be read: ``import_xliff`` says why)."""
    try:
        return read(data)[0]
    except UnreadableFile:
        return ""


def import_xliff(
    data: bytes,
    user: Any = None,
    languages: Collection[str] | None = None,
    origin: str = Origin.AGENCY,
    review: bool = False,
    scope: Scope = None,
) -> ImportReport:
    """Apply an XLIFF file (1.2 or 2.0) atomically; ``ExchangeRefused`` names every problem.

    The texts are recorded as ``origin`` (the agency's, or a translator's own
    work: ``Origin.HUMAN``), saved by ``user`` when known. ``languages``: the
    only target languages accepted (a translator's own); None: any. ``review``:
    a translator's file, held for a second reader where that is required
    (``user`` is then its author). ``scope``: the municipalities whose texts may
    be changed (a translator's; ``cms.translation.scope``); a unit of a text
    shown elsewhere refuses the file.
    """
    if review and user is None:
        raise ValueError("a file held for review needs its author")
    try:
        language, units = read(data)
    except UnreadableFile as error:
        raise ExchangeRefused([f"file: {error}"]) from None
    if not is_supported(language) or language == settings.SOURCE_LANGUAGE:
        raise ExchangeRefused(
            [f"file: target language {language!r} is not one Wegwijs translates into"]
        )
    if languages is not None and language not in languages:
        raise ExchangeRefused([f"file: target language {language!r} is not one you translate into"])
    problems, accepted = _judge(units, language, scope)
    if problems:
        raise ExchangeRefused(problems)
    report = ImportReport(language)
    with transaction.atomic(), saving_as(origin, user):
        for (kind, slug), translations in accepted.items():
            obj = find_object(kind, slug)
            if review and review_required(obj):
                hold(obj, language, translations, user, origin)
                report.held += [segment.id for segment, _ in translations]
                continue
            apply_translations(kind, obj, language, translations)
            report.applied += [segment.id for segment, _ in translations]
            report.objects += 1
    return report
