"""The status line beside each translated field in the admin: origin, who, when, reviewed, outdated.

``annotate_translated_fields`` adds it to the help text of every
``<field>_<code>`` input of a model form, so Wagtail shows it right under the
input it describes (``Machine translation · 3 Dec 2026 · not reviewed ·
outdated``). One query per form, for all of the object's records.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import pgettext

from .languages import language_codes
from .provenance import State, records_for, state, translated_fields
from .records import Origin, TranslationRecord

# The message context of the desk's strings ("Imported", "reviewed" mean other things elsewhere).
DESK = "translation desk"

# Translated where shown (status_parts), with the DESK context.
ORIGIN_LABELS = {
    Origin.HUMAN: "Written by a person",
    Origin.MACHINE: "Machine translation",
    Origin.AGENCY: "Translation agency",
    Origin.IMPORT: "Imported",
}


def status_parts(entry: TranslationRecord, current: State) -> list[str]:
    """The pieces of one status line, in the admin's language."""
    parts = [pgettext(DESK, ORIGIN_LABELS[Origin(entry.origin)])]
    if entry.saved_by is not None:
        parts.append(entry.saved_by.get_full_name() or entry.saved_by.get_username())
    parts.append(formats.date_format(timezone.localtime(entry.saved_at), "SHORT_DATETIME_FORMAT"))
    if entry.language != settings.SOURCE_LANGUAGE:
        parts.append(
            pgettext(DESK, "reviewed") if entry.reviewed else pgettext(DESK, "not reviewed")
        )
        if current == State.OUTDATED:
            parts.append(pgettext(DESK, "outdated: the Dutch text changed since"))
    return parts


def annotate_translated_fields(form: forms.BaseForm, instance) -> None:
    """Append each translated input's provenance to its help text (nothing for a new object)."""
    if instance is None or instance.pk is None:
        return
    fields = translated_fields(instance)
    if not fields:
        return
    entries = records_for([instance])
    for name in fields:
        for code in language_codes():
            form_field = form.fields.get(f"{name}_{code}")
            entry = entries.get((instance.pk, name, code))
            if form_field is None or entry is None:
                continue
            current = state(instance, name, code, entry)
            line = format_html(
                '<span class="translation-provenance" data-translation-provenance="{}">{}</span>',
                f"{name}_{code}:{entry.origin}:{'reviewed' if entry.reviewed else 'unreviewed'}"
                f":{current}",
                " · ".join(status_parts(entry, current)),
            )
            form_field.help_text = (
                format_html_join(" ", "{}", [(form_field.help_text,), (line,)])
                if form_field.help_text
                else line
            )
