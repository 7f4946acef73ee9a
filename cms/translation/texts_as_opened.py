"""No silent overwrite: a page form's texts are checked against what they were when it was opened.

Two people on one object: a translator submits Polish at the desk while an
editor has the page open in the page editor. The editor's form still holds
the Polish text as it was when they opened it; saving it as it is would put
the old text back over the translator's, and nobody would notice (Wagtail's
own revision check only stops its autosave). So the page form carries, in one
hidden field, a fingerprint of every text (each field in each language) as
opened, and on save, per text:

- nobody else changed it since: the posted text is saved;
- someone else changed it, and this form left it as it was: the newer text is
  kept and the form's other changes are saved (merged per field);
- someone else changed it, and this form changed it too: the save is refused,
  naming the text; nothing is saved and the person's text stays in the form
  to copy. Saving that form again is refused again: only a form opened after
  the other person's change can replace it, so nobody replaces it unseen.

Texts are compared as the words a reader sees (``words.as_plain_text``): the
rich-text editor writes its own markup around an untouched paragraph, which
must not count as a change. A form posted without the field (a page opened
before this check existed, a script) is not checked: as with Wagtail's
revision check, too little is known to refuse.

The same holds for the other forms with texts in 13 languages: partners,
policy actions with their progress updates, surveys with their questions and
options, glossary terms (``guard_snippet_form``). Their inline children's
texts travel in the same hidden field, keyed ``<relation>/<child id>/<column>``,
and are merged or refused the same way, each in its own row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import pgettext
from wagtail.admin.forms import WagtailAdminModelForm

from .languages import language_codes, name_in_admin
from .provenance import translated_fields
from .status import fingerprint
from .words import as_plain_text

FIELD = "texts_as_opened"


def text_columns(instance: models.Model) -> list[str]:
    """Every translated column of ``instance``: each text in each language."""
    return [f"{name}_{code}" for name in translated_fields(instance) for code in language_codes()]


def text_fingerprint(value: Any) -> str:
    """A digest of the words of a value (its markup left out)."""
    return fingerprint([as_plain_text(value)])


def opened(instance: models.Model) -> str:
    """The hidden field's value: each text column's fingerprint, as the form is opened."""
    return json.dumps(
        {
            column: text_fingerprint(getattr(instance, column, None))
            for column in text_columns(instance)
        }
    )


def hidden_field() -> forms.CharField:
    return forms.CharField(required=False, widget=forms.HiddenInput)


def _parsed(raw: str) -> dict[str, str] | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def set_opened(form: forms.BaseForm) -> None:
    """Give an unbound form of a saved object its fingerprints (from ``__init__``)."""
    if FIELD in form.fields and not form.is_bound and form.instance.pk:
        form.initial[FIELD] = opened(form.instance)


def keep_newer_texts(
    form: forms.BaseModelForm, cleaned: dict[str, Any], *, page: bool = True
) -> None:
    """Merge per field, or refuse what both changed (from ``clean``; see the module's text).

    ``form.instance`` still holds the stored texts here: Django copies the
    cleaned data into it only after ``clean``.
    """
    as_opened = _parsed(cleaned.get(FIELD) or "")
    instance = form.instance
    if not as_opened or instance.pk is None:
        return
    stored = {column: getattr(instance, column, None) for column in text_columns(instance)}
    _merge(form, cleaned, stored, as_opened, "", page)


def _merge(
    form: forms.BaseForm,
    cleaned: dict[str, Any],
    stored: dict[str, Any],
    as_opened: dict[str, str],
    prefix: str,
    page: bool,
) -> bool:
    """Per text of one form (or one inline row): keep, merge, or refuse; False if refused."""
    merged = True
    for column, now in stored.items():
        key = prefix + column
        if column not in form.fields or column not in cleaned or key not in as_opened:
            continue
        if text_fingerprint(now) == as_opened[key]:
            continue  # nobody else changed it
        if text_fingerprint(cleaned[column]) == text_fingerprint(now):
            continue  # what is posted is what is stored (also: already merged)
        if text_fingerprint(cleaned[column]) == as_opened[key]:
            cleaned[column] = now  # this form left it alone: keep the newer text
            continue
        form.add_error(column, _refusal(column, page))
        merged = False
    return merged


def _refusal(column: str, page: bool) -> str:
    name, _sep, code = column.rpartition("_")
    if page:
        message = pgettext(
            "translation desk",
            "Someone else changed this text (%(field)s, %(language)s) after you opened "
            "the page. Nothing was saved. Copy your text, open the page again to see "
            "theirs, and save once more.",
        )
    else:
        message = pgettext(
            "translation desk",
            "Someone else changed this text (%(field)s, %(language)s) after you opened "
            "this form. Nothing was saved. Copy your text, open the form again to see "
            "theirs, and save once more.",
        )
    return message % {"field": name, "language": name_in_admin(code)}


# --- forms other than the page editor -------------------------------------------------


def _rows(form: forms.BaseForm, prefix: str = "") -> Iterator[tuple[str, forms.BaseModelForm]]:
    """Every saved inline row of ``form`` (an action's updates, a survey's options too)."""
    for relation, formset in getattr(form, "formsets", {}).items():
        for row in formset.forms:
            if row.instance.pk is None:
                continue
            row_prefix = f"{prefix}{relation}/{row.instance.pk}/"
            yield row_prefix, row
            yield from _rows(row, row_prefix)


def opened_with_rows(form: forms.BaseModelForm) -> str:
    """The hidden field's value for a form with inline rows: the object's texts and theirs."""
    texts = json.loads(opened(form.instance))
    for prefix, row in _rows(form):
        texts.update(
            {
                prefix + column: text_fingerprint(getattr(row.instance, column, None))
                for column in text_columns(row.instance)
            }
        )
    return json.dumps(texts)


def _stored_row(row: forms.BaseModelForm, columns: list[str]) -> dict[str, Any]:
    """A row's texts as stored now (its instance already holds the posted ones)."""
    model = type(row.instance)
    return model._base_manager.filter(pk=row.instance.pk).values(*columns).first() or {}


def keep_newer_row_texts(form: forms.BaseModelForm) -> bool:
    """``keep_newer_texts`` for each inline row (after every row is cleaned); False if refused."""
    as_opened = _parsed((getattr(form, "cleaned_data", None) or {}).get(FIELD) or "")
    if not as_opened:
        return True
    merged = True
    for prefix, row in _rows(form):
        cleaned = getattr(row, "cleaned_data", None)
        if not cleaned or cleaned.get("DELETE"):
            continue
        columns = [c for c in text_columns(row.instance) if prefix + c in as_opened]
        if not columns:
            continue
        stored = _stored_row(row, columns)
        if not _merge(row, cleaned, stored, as_opened, prefix, page=False):
            merged = False
            continue
        for column in columns:  # the row's instance was filled before this check
            setattr(row.instance, column, cleaned[column])
    return merged


class KeepsNewerTexts:
    """Mixed into a snippet's admin form: its texts and its rows' are never saved over unseen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = hidden_field()
        if not self.is_bound and self.instance.pk:
            self.initial[FIELD] = opened_with_rows(self)

    def clean(self):
        cleaned = super().clean()
        keep_newer_texts(self, cleaned, page=False)
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return keep_newer_row_texts(self) and valid


def guard_snippet_form(model: type[models.Model]) -> None:
    """Give ``model``'s admin form the check (call before its edit handler is built)."""
    base = getattr(model, "base_form_class", None) or WagtailAdminModelForm
    model.base_form_class = type(f"{base.__name__}KeepingNewerTexts", (KeepsNewerTexts, base), {})
