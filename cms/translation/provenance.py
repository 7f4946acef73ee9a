"""Provenance of translations: the one API to record, read and judge where a text came from.

Every translated field of every object (``cms.translation.registration``)
has, per language, a ``TranslationRecord``: its **origin** (``human``,
``machine``, ``agency``, ``import``), who saved it and when, the **source
version** of the Dutch field it translates, and whether a person reviewed it.

Recording is automatic: ``track_saves`` (connected in ``CmsConfig.ready``)
compares each saved object with its stored row and records every language
whose text changed. Who saved and what kind of text it is come from the
surrounding ``saving_as`` block (the admin's middleware, ``import_content``,
the calendar import, the translation desk); outside any block a save counts
as ``human`` by nobody known. ``record`` does the same for one text on demand.

The **source version** is a digest of the Dutch value itself
(``source_version``), never a timestamp: re-saving without changing the Dutch
text leaves every translation current, and a change to it makes exactly that
field's translations ``outdated`` (``state``). A reviewed translation of an
unchanged source stays reviewed. Every Dutch version is kept (``SourceText``)
so that ``source_at`` can give the text a translation was made from.

The API of this module, stable for other parts of the desk (XLIFF, machine
drafts): ``Origin``, ``saving_as``, ``record``, ``review``, ``source_version``,
``source_at``, ``state``, ``State``, ``records_for``, ``machine_translated``,
``unreviewed_machine_keys``, ``translated_fields``.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from ..content_version.memo import remembered
from .fallback import fallback_chain, has_text
from .languages import language_codes
from .records import Origin, SourceText, TranslationRecord
from .status import _plain, fingerprint

__all__ = [
    "Origin",
    "State",
    "machine_translated",
    "record",
    "records_for",
    "review",
    "saving_as",
    "source_at",
    "source_version",
    "state",
    "translated_fields",
    "unreviewed_machine_keys",
]

# Translated by modeltranslation, but page settings rather than texts for migrants.
NOT_TRACKED = frozenset({"seo_title", "search_description"})


class State(StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    CURRENT = "current"


@dataclass(frozen=True)
class SavingContext:
    """Who is saving, and what kind of text each language's new texts are."""

    origin: str = Origin.HUMAN
    user: AbstractBaseUser | None = None
    origins: Mapping[str, str] = field(default_factory=dict)
    reviewed: bool = False

    def origin_for(self, language: str) -> str:
        return self.origins.get(language, self.origin)


_NOBODY_KNOWN = SavingContext()
_saving: contextvars.ContextVar[SavingContext | None] = contextvars.ContextVar(
    "translation_saving", default=None
)


@contextmanager
def saving_as(
    origin: str = Origin.HUMAN,
    user: AbstractBaseUser | None = None,
    *,
    origins: Mapping[str, str] | None = None,
    reviewed: bool = False,
) -> Iterator[SavingContext]:
    """Texts saved inside this block come from ``origin`` (or ``origins[language]``), by ``user``.

    ``reviewed``: the person saving has checked the texts (a reviewer's approval).
    """
    context = SavingContext(
        Origin(origin),
        user if user is not None and user.is_authenticated else None,
        {code: Origin(value) for code, value in (origins or {}).items()},
        reviewed,
    )
    token = _saving.set(context)
    try:
        yield context
    finally:
        _saving.reset(token)


def current_saving() -> SavingContext:
    return _saving.get() or _NOBODY_KNOWN


# --- what is translated ---------------------------------------------------------


def translated_fields(model: type[models.Model] | models.Model) -> tuple[str, ...]:
    """The texts of a model that exist once per language, in a stable order."""
    try:
        model_class = model if isinstance(model, type) else type(model)
        options = translator.get_options_for_model(model_class)
    except NotRegistered:
        return ()
    return tuple(sorted(name for name in options.all_fields if name not in NOT_TRACKED))


def source_version(obj: Any, field_name: str) -> str:
    """The version of the Dutch text of ``field_name``: a digest of the value itself."""
    return fingerprint([getattr(obj, f"{field_name}_{settings.SOURCE_LANGUAGE}", None)])


def _content_type(obj: Any) -> ContentType:
    return ContentType.objects.get_for_model(type(obj))


# --- recording ------------------------------------------------------------------


def record(
    obj: models.Model,
    field_name: str,
    language: str,
    origin: str = Origin.HUMAN,
    user: AbstractBaseUser | None = None,
    reviewed: bool = False,
) -> TranslationRecord:
    """Record that the stored ``field_name`` of ``obj`` in ``language`` comes from ``origin``.

    The source version is the Dutch text as it is now. Call it after the text
    is saved; saves of the object record by themselves (``track_saves``).
    """
    now = timezone.now()
    _keep_source(obj, field_name, now)
    user = user if user is not None and user.is_authenticated else None
    entry, _ = TranslationRecord.objects.update_or_create(
        content_type=_content_type(obj),
        object_id=obj.pk,
        field=field_name,
        language=language,
        defaults={
            "origin": Origin(origin),
            "saved_by": user,
            "saved_at": now,
            "source_version": source_version(obj, field_name),
            "reviewed": reviewed,
            "reviewed_by": user if reviewed else None,
            "reviewed_at": now if reviewed else None,
        },
    )
    return entry


def review(obj: models.Model, field_name: str, language: str, user: AbstractBaseUser) -> int:
    """A person approves the current text: it stays reviewed while the Dutch source is unchanged."""
    return TranslationRecord.objects.filter(
        content_type=_content_type(obj), object_id=obj.pk, field=field_name, language=language
    ).update(reviewed=True, reviewed_by=user, reviewed_at=timezone.now())


def _keep_source(obj: Any, field_name: str, when) -> None:
    _keep_sources(obj, [field_name], when)


def _keep_sources(obj: Any, field_names: list[str], when) -> None:
    """Keep the Dutch text of each field at its version, in one INSERT.

    A version already kept stays as it is (``ignore_conflicts`` on the unique
    (object, field, version)): a ``get_or_create`` per field cost a query and a
    savepoint each on every save, three saves per imported page.
    """
    content_type = _content_type(obj)
    kept = []
    for name in field_names:
        value = getattr(obj, f"{name}_{settings.SOURCE_LANGUAGE}", None)
        if has_text(value):
            kept.append(
                SourceText(
                    content_type=content_type,
                    object_id=obj.pk,
                    field=name,
                    version=source_version(obj, name),
                    text=_plain(value),
                    saved_at=when,
                )
            )
    if kept:
        SourceText.objects.bulk_create(kept, ignore_conflicts=True)


def source_at(obj: Any, field_name: str, version: str) -> Any | None:
    """The Dutch text of ``field_name`` as it was at ``version`` (None when not kept)."""
    return (
        SourceText.objects.filter(
            content_type=_content_type(obj), object_id=obj.pk, field=field_name, version=version
        )
        .values_list("text", flat=True)
        .first()
    )


def stored_texts(obj: models.Model) -> dict[str, Any] | None:
    """The translated columns of ``obj`` as stored (None for an object not saved yet)."""
    fields = translated_fields(obj)
    if obj.pk is None or not fields:
        return None
    columns = [f"{name}_{code}" for name in fields for code in language_codes()]
    return type(obj)._base_manager.filter(pk=obj.pk).values(*columns).first()


def record_changes(obj: models.Model, before: Mapping[str, Any] | None, fields=None) -> None:
    """Record every language of every translated field whose text changed in this save.

    ``before``: the stored columns before the save (None: a new object). A
    text that became empty loses its record; an unchanged text keeps its own
    (with the source version it was made from).
    """
    context = current_saving()
    names = [name for name in translated_fields(obj) if fields is None or name in fields]
    if not names:
        return
    content_type = _content_type(obj)
    existing = {
        (entry.field, entry.language): entry
        for entry in TranslationRecord.objects.filter(
            content_type=content_type, object_id=obj.pk, field__in=names
        )
    }
    now = timezone.now()
    to_create, to_update, to_delete = [], [], []
    _keep_sources(obj, names, now)
    for name in names:
        version = source_version(obj, name)
        for code in language_codes():
            column = f"{name}_{code}"
            value = getattr(obj, column, None)
            entry = existing.get((name, code))
            if not has_text(value):
                if entry is not None:
                    to_delete.append(entry.pk)
                continue
            changed = before is None or _plain(before.get(column)) != _plain(value)
            if not changed and entry is not None:
                continue
            values = {
                "origin": context.origin_for(code),
                "saved_by": context.user,
                "saved_at": now,
                "source_version": version,
                "reviewed": context.reviewed,
                "reviewed_by": context.user if context.reviewed else None,
                "reviewed_at": now if context.reviewed else None,
            }
            if not changed:
                # A text from before provenance was kept: known to exist, not who wrote it.
                values.update(origin=Origin.IMPORT, saved_by=None)
            if entry is None:
                to_create.append(
                    TranslationRecord(
                        content_type=content_type,
                        object_id=obj.pk,
                        field=name,
                        language=code,
                        **values,
                    )
                )
            else:
                for key, item in values.items():
                    setattr(entry, key, item)
                to_update.append(entry)
    if to_delete:
        TranslationRecord.objects.filter(pk__in=to_delete).delete()
    if to_create:
        TranslationRecord.objects.bulk_create(to_create)
    if to_update:
        TranslationRecord.objects.bulk_update(to_update, list(values))


_BEFORE = "_translation_texts_before"


def remember_stored(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save: keep the stored texts, to see after the save which ones changed."""
    fields = translated_fields(sender)
    if raw or not fields:
        return
    if update_fields is not None and not any(
        column == name or column.startswith(f"{name}_")
        for name in fields
        for column in update_fields
    ):
        return
    setattr(instance, _BEFORE, stored_texts(instance))


def record_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """post_save: record the provenance of the texts this save changed."""
    if raw or not hasattr(instance, _BEFORE):
        return
    before = getattr(instance, _BEFORE)
    delattr(instance, _BEFORE)
    fields = None
    if update_fields is not None:
        # Wagtail's bookkeeping saves name their columns; only texts among them count.
        fields = {name.rsplit("_", 1)[0] for name in update_fields} | set(update_fields)
    record_changes(instance, before, fields)


def track_saves() -> None:
    """Connect the recording to the save of every translated model (from ``ready``)."""
    from django.db.models.signals import post_save, pre_save

    for model in translator.get_registered_models():
        pre_save.connect(remember_stored, sender=model, dispatch_uid=f"provenance-pre-{model}")
        post_save.connect(record_saved, sender=model, dispatch_uid=f"provenance-post-{model}")


# --- reading --------------------------------------------------------------------


def records_for(objects: Iterable[models.Model]) -> dict[tuple[int, str, str], TranslationRecord]:
    """``{(object id, field, language): record}`` for objects of one model, in one query."""
    objects = list(objects)
    if not objects:
        return {}
    return {
        (entry.object_id, entry.field, entry.language): entry
        for entry in TranslationRecord.objects.filter(
            content_type=_content_type(objects[0]), object_id__in=[o.pk for o in objects]
        ).select_related("saved_by", "reviewed_by")
    }


def state(
    obj: Any, field_name: str, language: str, entry: TranslationRecord | None | bool = False
) -> State:
    """missing, outdated (the Dutch source changed since this text was saved) or current.

    ``entry``: the record when already loaded (None: there is none); left out, it is read.
    """
    if not has_text(getattr(obj, f"{field_name}_{language}", None)):
        return State.MISSING
    if language == settings.SOURCE_LANGUAGE:
        return State.CURRENT
    if entry is False:
        entry = TranslationRecord.objects.filter(
            content_type=_content_type(obj), object_id=obj.pk, field=field_name, language=language
        ).first()
    if entry is not None and entry.source_version != source_version(obj, field_name):
        return State.OUTDATED
    return State.CURRENT


MachineKeys = frozenset[tuple[str, int, str, str]]


def unreviewed_machine_keys(languages: Iterable[str]) -> MachineKeys:
    """``(model label, object id, field, language)`` of every unreviewed machine text.

    One query for a whole API answer or page, whatever it holds (none when this
    process read them at the request's content version); the model label comes
    through a join, so no content-type lookup runs.
    """
    codes = tuple(languages)

    def compute() -> MachineKeys:
        rows = TranslationRecord.objects.filter(
            language__in=list(codes), origin=Origin.MACHINE, reviewed=False
        ).values_list(
            "content_type__app_label", "content_type__model", "object_id", "field", "language"
        )
        return frozenset((f"{app}.{model}", pk, name, code) for app, model, pk, name, code in rows)

    # Only a content commit changes them (translation records are content): during a
    # public read, remembered per content version.
    return remembered(("unreviewed machine keys", codes), compute)


def machine_translated(
    obj: Any, language: str, keys: MachineKeys | None = None, fields: Iterable[str] | None = None
) -> bool:
    """Is any text of ``obj`` shown in ``language`` machine output that no person reviewed?

    Each field is judged in the language it is shown in (along the fallback
    chain). ``keys``: ``unreviewed_machine_keys`` already loaded (else one query).
    """
    chain = fallback_chain(language)
    if keys is None:
        keys = unreviewed_machine_keys(chain)
    label = type(obj)._meta.label_lower
    for name in fields if fields is not None else translated_fields(obj):
        for code in chain:
            if has_text(getattr(obj, f"{name}_{code}", None)):
                if (label, obj.pk, name, code) in keys:
                    return True
                break
    return False
