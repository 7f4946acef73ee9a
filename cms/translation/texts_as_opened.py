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
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import pgettext

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


def keep_newer_texts(form: forms.BaseModelForm, cleaned: dict[str, Any]) -> None:
    """Merge per field, or refuse what both changed (from ``clean``; see the module's text).

    ``form.instance`` still holds the stored texts here: Django copies the
    cleaned data into it only after ``clean``.
    """
    as_opened = _parsed(cleaned.get(FIELD) or "")
    instance = form.instance
    if not as_opened or instance.pk is None:
        return
    for column in text_columns(instance):
        if column not in form.fields or column not in cleaned or column not in as_opened:
            continue
        stored = getattr(instance, column, None)
        if text_fingerprint(stored) == as_opened[column]:
            continue  # nobody else changed it
        if text_fingerprint(cleaned[column]) == as_opened[column]:
            cleaned[column] = stored  # this form left it alone: keep the newer text
            continue
        name, _sep, code = column.rpartition("_")
        form.add_error(
            column,
            pgettext(
                "translation desk",
                "Someone else changed this text (%(field)s, %(language)s) after you opened "
                "the page. Nothing was saved. Copy your text, open the page again to see "
                "theirs, and save once more.",
            )
            % {"field": name, "language": name_in_admin(code)},
        )
