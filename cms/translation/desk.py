"""The side-by-side editor's logic: an object's texts in one language, and applying a translation.

A translator sees, per text, the Dutch source beside the text in their
language; for an outdated text also what changed in the Dutch since their
version (a line diff against the kept ``SourceText``). A body (StreamField)
is translated block by block, its markup kept (``desk_blocks``); an object's
inline children (a survey's questions and options, an action's progress
updates) are texts of the object too (``children``).

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
import json
from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils.text import capfirst
from wagtail.models import Page
from wagtail.rich_text import RichText

from . import children
from .children import is_child_name, record_of, texts_with_records
from .desk_blocks import BlockText, block_texts, earlier_texts, same_body, translated_body
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
    """One text of the object, in Dutch and in the target language.

    A body's blocks and an inline child's fields are texts of their own
    (``desk_blocks``, ``children``); ``base_name`` names the text whose
    fingerprint guards it against a concurrent change (a block: its body).
    """

    name: str
    source: str
    target: str
    state: State
    base: str  # fingerprint of the target as opened
    multiline: bool
    entry: TranslationRecord | None
    changes: list[str] | None  # the Dutch diff since the translated version (outdated only)
    label: str = ""
    rich: bool = False
    base_name: str = ""


def target_fingerprint(obj: Any, name: str, language: str) -> str:
    return fingerprint([getattr(obj, f"{name}_{language}", None)])


def _diff(old_text: str, new_text: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(
            old_text.splitlines(), new_text.splitlines(), lineterm="", n=1
        )
        if not line.startswith(("---", "+++", "@@"))
    ]


def _label(obj: Any, name: str) -> str:
    return capfirst(str(type(obj)._meta.get_field(name).verbose_name))


def _plain_texts(obj: Any, name: str, language: str, entry, current: State) -> DeskText:
    source = as_plain_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None))
    changes = None
    if current == State.OUTDATED and entry is not None:
        old = source_at(obj, name, entry.source_version)
        changes = _diff(as_plain_text(old) if isinstance(old, str) else "", source)
    return DeskText(
        name=name,
        source=source,
        target=as_plain_text(getattr(obj, f"{name}_{language}", None)),
        state=current,
        base=target_fingerprint(obj, name, language),
        multiline="\n" in source or len(source) > 120,
        entry=entry,
        changes=changes,
        label=_label(obj, name),
        base_name=name,
    )


def _block_texts(obj: Any, name: str, language: str, entry, current: State) -> list[DeskText]:
    """A body's texts, block by block; an outdated body says which blocks changed, and how."""
    earlier = None
    if current == State.OUTDATED and entry is not None:
        earlier = earlier_texts(obj, name, source_at(obj, name, entry.source_version))
    base = target_fingerprint(obj, name, language)
    texts = []
    for block in block_texts(obj, name, language):
        changes = None
        if earlier is not None:
            before = earlier.get(block.name)
            if before is None:
                changes = [f"+ {line}" for line in _words(block).splitlines()]
            elif before != block.source:
                changes = _diff(_words(block, before), _words(block))
            changes = changes or None
        texts.append(
            DeskText(
                name=block.name,
                source=block.source,
                target=block.target,
                state=current,
                base=base,
                multiline=True,
                entry=entry,
                changes=changes,
                label=block.label,
                rich=block.rich,
                base_name=name,
            )
        )
    return texts


def _words(block: BlockText, text: str | None = None) -> str:
    text = block.source if text is None else text
    return as_plain_text(RichText(text)) if block.rich else text


def _child_texts(obj: Any, language: str) -> list[DeskText]:
    found, entries = texts_with_records([obj])
    texts = []
    for child in found.get(obj.pk, []):
        if not has_text(child.source):
            continue
        entry = record_of(entries, child, language)
        current = state(child.row, child.field, language, entry)
        text = _plain_texts(child.row, child.field, language, entry, current)
        texts.append(replace(text, name=child.name, label=child.label, base_name=child.name))
    return texts


def desk_texts(obj: Any, language: str) -> list[DeskText]:
    """Every translated text of ``obj`` with a Dutch source, ready for the editor.

    Its own fields (a body block by block), then its inline children's texts.
    """
    entries = records_for([obj])
    texts = []
    for name in desk_fields(obj):
        if not has_text(getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)):
            continue
        entry = entries.get((obj.pk, name, language))
        current = state(obj, name, language, entry)
        if is_body(obj, name):
            texts += _block_texts(obj, name, language, entry, current)
        else:
            texts.append(_plain_texts(obj, name, language, entry, current))
    return texts + _child_texts(obj, language)


def _sorted_names(obj: Any, texts: dict[str, str]) -> tuple[dict, dict, set]:
    """``texts`` as (own plain fields, bodies' block texts per body, child names).

    Raises ``ValueError`` naming what is no text of ``obj`` (a whole body
    among them: it is translated block by block).
    """
    fields = set(desk_fields(obj))
    bodies = {name for name in fields if is_body(obj, name)}
    own = {name: text for name, text in texts.items() if name in fields - bodies}
    blocks: dict[str, dict[str, str]] = {}
    for name, text in texts.items():
        body = name.split("/", 1)[0]
        if body in bodies and "/" in name:
            blocks.setdefault(body, {})[name] = text
    child_names = {name for name in texts if is_child_name(name)}
    unknown = sorted(set(texts) - set(own) - child_names - {n for b in blocks.values() for n in b})
    if unknown:
        raise ValueError(f"not a translated text: {', '.join(unknown)}")
    return own, blocks, child_names


def check_texts(obj: Any, texts: dict[str, str]) -> None:
    """Refuse, before anything is kept for review or saved, texts that could not be saved.

    ``ValueError`` for a name that is no text of ``obj``; ``BodyRefused`` for
    a body's markup or a body translated in part, naming the blocks.
    """
    _own, blocks, child_names = _sorted_names(obj, texts)
    for body, block_texts_ in blocks.items():
        translated_body(obj, body, block_texts_)
    known = set(children.locked(obj, child_names)) if child_names else set()
    if child_names - known:
        raise ValueError(f"not a translated text: {', '.join(sorted(child_names - known))}")


def stored_value(obj: Any, name: str, text: str) -> Any:
    """What a translator's plain text becomes in the column."""
    return text.strip()


def apply_translation(
    obj: models.Model,
    language: str,
    texts: dict[str, str],
    bases: dict[str, str],
    user: AbstractBaseUser,
) -> list[str]:
    """Write ``texts`` (text name → text) in ``language`` to the live object; return what changed.

    Names are the object's plain fields, its bodies' block texts
    (``desk_blocks``) and its children's texts (``children``); the caller
    checked the language. Raises ``ValueError`` for another name,
    ``BodyRefused`` for markup that cannot be saved, and ``TranslationConflict``
    when a text changed since ``bases`` was taken; nothing is written then.
    Returns the names of the fields changed (a body as one, a child's as its name).
    """
    own, blocks, child_names = _sorted_names(obj, texts)
    with transaction.atomic():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        draft = _unpublished_draft(live)
        conflicts, changed = [], {}
        wanted_values = {name: stored_value(live, name, text) for name, text in own.items()}
        for body, body_texts in blocks.items():
            built = translated_body(live, body, body_texts)
            if built is not None:
                wanted_values[body] = built
        for name, wanted in wanted_values.items():
            now_stored = target_fingerprint(live, name, language)
            stored = getattr(live, f"{name}_{language}", None)
            live_text = as_plain_text(stored)
            if same_body(stored, wanted) if isinstance(wanted, list) else live_text == wanted:
                continue
            if bases.get(name) != now_stored or (
                # An editor changed this language's text in the page's unpublished draft:
                # carrying ours into that draft would overwrite theirs.
                draft is not None
                and as_plain_text(getattr(draft, f"{name}_{language}", None)) != live_text
            ):
                conflicts.append(name)
                continue
            changed[name] = _blocks(live, name, wanted) if isinstance(wanted, list) else wanted
        rows = children.locked(live, child_names) if child_names else {}
        unknown = sorted(child_names - set(rows))
        if unknown:
            raise ValueError(f"not a translated text: {', '.join(unknown)}")
        changed_rows = []
        for name, child in rows.items():
            wanted = texts[name].strip()
            if as_plain_text(getattr(child.row, f"{child.field}_{language}", None)) == wanted:
                continue
            if bases.get(name) != target_fingerprint(child.row, child.field, language):
                conflicts.append(name)
                continue
            changed_rows.append((name, child, wanted))
        if conflicts:
            raise TranslationConflict(conflicts)
        with saving_as(Origin.HUMAN, user):
            for _name, child, wanted in changed_rows:
                setattr(child.row, f"{child.field}_{language}", wanted)
                child.row.save(update_fields=[f"{child.field}_{language}"])
        if changed:
            _write(live, language, changed, user)
        return sorted([*changed, *(name for name, _child, _wanted in changed_rows)])


def _write(live: models.Model, language: str, changed: dict[str, Any], user) -> None:
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


def _blocks(obj: Any, name: str, blocks: list) -> Any:
    field = type(obj)._meta.get_field(f"{name}_{settings.SOURCE_LANGUAGE}")
    return field.to_python(json.dumps(blocks))


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
    fields = set(desk_fields(obj))
    own = {name.split("/", 1)[0] for name in names if name.split("/", 1)[0] in fields}
    for name in sorted(own):
        review(obj, name, language, user)
    child_names = {name for name in names if is_child_name(name)}
    for child in children.children_of([obj]).get(obj.pk, []) if child_names else []:
        if child.name in child_names:
            review(child.row, child.field, language, user)
