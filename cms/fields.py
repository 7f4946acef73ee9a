"""Model fields shared by several content types."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.db.models.lookups import Contains
from django.utils.text import capfirst

from .translation.languages import language_codes


class LanguageCodesField(models.JSONField):
    """A list of the platform's language codes, edited as checkboxes.

    Stored as JSON so that it works the same on SQLite and PostgreSQL; filter
    with :func:`offers_language`, never with database-specific JSON lookups.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value or [] if code not in language_codes()]
        if unknown:
            raise ValidationError(f"Unknown language code(s): {', '.join(unknown)}.")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=[(code, code) for code in language_codes()],
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def offers_language(field: str, code: str) -> Q:
    """Rows whose language list contains ``code``.

    The JSON text always holds codes in double quotes, and codes are validated
    against a fixed list, so matching the quoted code is exact on every database.
    The column is cast to text first: a JSONField's own ``contains`` is JSON
    containment on PostgreSQL, which would look for the string '"pl"' itself.
    """
    return Q(Contains(Cast(field, output_field=TextField()), f'"{code}"'))
