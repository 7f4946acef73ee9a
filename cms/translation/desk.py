"""The side-by-side editor's logic: an object's texts in one language, and applying a translation.

A translator sees, per text, the Dutch source beside the text in their
language; for an outdated text also what changed in the Dutch since their
version (a line diff against the kept ``SourceText``). Bodies (StreamFields)
are edited as plain text in the import's format (blank lines between
paragraphs, ``- `` for bullets) and stored as one text block.

``apply_translation`` writes a translation to the **live** object only in the
target language's columns, never anything else: a page's unpublished draft is
not published; the same texts are carried into its latest draft revision, so
that publishing the draft later does not undo the translation. Two people on
one object: each form carries a fingerprint of every target text as it was
opened; if someone else changed a text since (live, or in the page's
unpublished draft), the save is refused, naming it, and nothing is written.
The page editor checks the same way in the other direction
(``texts_as_opened``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from ..importing.values import body_blocks
from ..safe_html import clean_html
from .fallback import has_text
from .provenance import (
    Origin,
    State,
    records_for,
    review,
    saving_as,
    source_at,
    state,
)
from .records import TranslationRecord
from .site_texts import desk_fields
from .status import fingerprint
from .words import as_plain_text


class TranslationConflict(Exception):
    """Someone else changed these texts since the form was opened; nothing was saved."""

    def __init__(self, fields: list[str]):
        self.fields = fields
        super().__init__(", ".join(fields))


def is_body(obj: Any, name: str) -> bool:
    return not isinstance(
        type(obj)._meta.get_field(f"{name}_{settings.SOURCE_LANGUAGE}"),
        models.CharField | models.TextField,
    )


@dataclass(frozen=True)
class DeskText:
    """One text of the object, in Dutch and in the target language."""

    name: str
    source: str
    target: str
    state: State
    base: str  # fingerprint of the target as opened
    multiline: bool
    entry: TranslationRecord | None
    changes: list[str] | None  # the Dutch diff since the translated version (outdated only)


def target_fingerprint(obj: Any, name: str, language: str) -> str:
    return fingerprint([getattr(obj, f"{name}_{language}", None)])


def desk_texts(obj: Any, language: str) -> list[DeskText]:
    """Every translated text of ``obj`` with a Dutch source, ready for the editor."""
    entries = records_for([obj])
    texts = []
    for name in desk_fields(obj):
        source_value = getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)
        if not has_text(source_value):
            continue
        entry = entries.get((obj.pk, name, language))
        current = state(obj, name, language, entry)
        source = as_plain_text(source_value)
        changes = None
        if current == State.OUTDATED and entry is not None:
            old = source_at(obj, name, entry.source_version)
            old_text = as_plain_text(_from_json(obj, name, old)) if old is not None else ""
            changes = [
                line
                for line in difflib.unified_diff(
                    old_text.splitlines(), source.splitlines(), lineterm="", n=1
                )
                if not line.startswith(("---", "+++", "@@"))
            ]
        texts.append(
            DeskText(
                name,
                source,
                as_plain_text(getattr(obj, f"{name}_{language}", None)),
                current,
                target_fingerprint(obj, name, language),
                is_body(obj, name) or "\n" in source or len(source) > 120,
                entry,
                changes,
            )
        )
    return texts


def _from_json(obj: Any, name: str, stored: Any) -> Any:
    if isinstance(stored, str):
        return stored
    field = type(obj)._meta.get_field(f"{name}_{settings.SOURCE_LANGUAGE}")
    return field.to_python(stored)


def stored_value(obj: Any, name: str, text: str) -> Any:
    """What a translator's text becomes in the column (a body: one rich-text block)."""
    if is_body(obj, name):
        return [(kind, RichText(clean_html(value.source))) for kind, value in body_blocks(text)]
    return text.strip()


def apply_translation(
    obj: models.Model,
    language: str,
    texts: dict[str, str],
    bases: dict[str, str],
    user: AbstractBaseUser,
) -> list[str]:
    """Write ``texts`` (field name → text) in ``language`` to the live object; return what changed.

    Only names among the object's translated fields are accepted (the caller
    checked the language). Raises ``TranslationConflict`` when a text changed
    since ``bases`` was taken; nothing is written then.
    """
    allowed = set(desk_fields(obj))
    unknown = sorted(set(texts) - allowed)
    if unknown:
        raise ValueError(f"not a translated text: {', '.join(unknown)}")
    with transaction.atomic():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        draft = _unpublished_draft(live)
        conflicts, changed = [], {}
        for name, text in texts.items():
            now_stored = target_fingerprint(live, name, language)
            wanted = stored_value(live, name, text)
            live_text = as_plain_text(getattr(live, f"{name}_{language}", None))
            if live_text == as_plain_text(
                wanted if not isinstance(wanted, list) else _blocks(live, name, wanted)
            ):
                continue
            if bases.get(name) != now_stored or (
                # An editor changed this language's text in the page's unpublished draft:
                # carrying ours into that draft would overwrite theirs.
                draft is not None
                and as_plain_text(getattr(draft, f"{name}_{language}", None)) != live_text
            ):
                conflicts.append(name)
                continue
            changed[name] = wanted
        if conflicts:
            raise TranslationConflict(conflicts)
        if not changed:
            return []
        columns = [f"{name}_{language}" for name in changed]
        for name, value in changed.items():
            setattr(live, f"{name}_{language}", value)
        update = list(columns)
        if hasattr(live, "refresh_translation_sources"):
            live.refresh_translation_sources()
            update.append("translation_sources")
        with saving_as(Origin.HUMAN, user):
            live.save(update_fields=update)
        if isinstance(live, Page):
            _carry_into_draft(live, columns)
        return sorted(changed)


def _blocks(obj: Any, name: str, blocks: list) -> Any:
    field = type(obj)._meta.get_field(f"{name}_{settings.SOURCE_LANGUAGE}")
    return field.to_python(blocks)


def _unpublished_draft(obj: models.Model) -> Any | None:
    """A page's latest revision as a page, when it is a draft not yet published."""
    if not isinstance(obj, Page) or not obj.has_unpublished_changes:
        return None
    if obj.latest_revision_id is None:
        return None
    return obj.get_latest_revision_as_object()


def _carry_into_draft(page: Page, columns: list[str]) -> None:
    """Put the applied texts into the page's latest revision too, if it is an unpublished draft."""
    if not page.has_unpublished_changes or page.latest_revision_id is None:
        return
    revision = page.latest_revision
    field_values = type(page)(**{column: getattr(page, column) for column in columns})
    serialised = field_values.serializable_data()
    for column in columns:
        revision.content[column] = serialised[column]
    revision.save(update_fields=["content"])


def mark_reviewed(obj: Any, language: str, names: list[str], user: AbstractBaseUser) -> None:
    """A translator approves texts as they are (a machine draft read and found right)."""
    for name in names:
        review(obj, name, language, user)
