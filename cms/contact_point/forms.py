"""What a question must look like: the one validation for the API and the site's form.

The spam checks (honeypot, minimum fill time, rate limit) come before this and
live in the guard every anonymous submission passes (``public.guard``), for both ways in.

Messages are in the active language: the site shows them in the page's
language, the API answers in English (its error messages always are).
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from cms.bounded_input import BoundedInputError, clean_text
from cms.translation.languages import supported_languages

from ..models import ContactMethod, QuestionTopic

# The form's name in its spam-check token (``public.guard``), the same for the API and the site.
FORM_NAME = "question"
TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 2000
CONTACT_MAX_LENGTH = 200
# E.164 allows at most 15 digits; fewer than 8 is no number anyone can call.
PHONE_DIGITS = (8, 15)
PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def language_choices() -> list[tuple[str, str]]:
    return [(language.code, language.native_name) for language in supported_languages()]


def normalised_phone(value: str) -> str:
    """``+48 (600) 123-456`` → ``+48600123456``; raises ValidationError if it is no number."""
    compact = PHONE_SEPARATORS.sub("", value)
    digits = compact[1:] if compact.startswith("+") else compact
    if not digits.isdigit() or not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        raise ValidationError(_("This is not a phone number we can call."), code="invalid")
    return compact


def _without_control_characters(value: str) -> str:
    """``value`` without bidi controls; control characters (NUL, ...) are refused.

    See ``cms.bounded_input.clean_text`` for why one is removed and the other refused.
    """
    try:
        return clean_text(value)
    except BoundedInputError:
        raise ValidationError(
            _("Remove the control characters (such as NUL) from this text."),
            code="control_characters",
        ) from None


class QuestionForm(forms.Form):
    """A question: language, topic, text, and optionally one way to reach the asker.

    Why a method and a value rather than one free "how to reach you" field:
    the editor knows at once whether to call, text or mail; the value can be
    checked (a mistyped address means an answer that never arrives); and an
    answer can be e-mailed without anyone copying addresses around.
    """

    language = forms.ChoiceField(
        label=_("Language of your question"),
        choices=language_choices,
        error_messages={
            "required": _("Choose a language."),
            "invalid_choice": _("Choose one of the languages offered."),
        },
    )
    topic = forms.ChoiceField(
        label=_("What is your question about?"),
        choices=QuestionTopic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what your question is about."),
            "invalid_choice": _("Choose one of the topics offered."),
        },
    )
    text = forms.CharField(
        label=_("Your question"),
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your question."),
            "min_length": _("Please write a little more: at least %(limit_value)d characters."),
            "max_length": _("Your question is too long: at most %(limit_value)d characters."),
        },
    )
    contact_method = forms.ChoiceField(
        label=_("How can we reach you? (optional)"),
        choices=[("", _("Not at all: I stay anonymous")), *ContactMethod.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the ways offered.")},
    )
    contact_value = forms.CharField(
        label=_("Your e-mail address or phone number"),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _("This is too long: at most %(limit_value)d characters."),
        },
    )

    def clean_text(self) -> str:
        return _without_control_characters(self.cleaned_data["text"])

    def clean_contact_value(self) -> str:
        return _without_control_characters(self.cleaned_data["contact_value"])

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        value = cleaned.get("contact_value", "")
        if "contact_method" not in cleaned or "contact_value" not in cleaned:
            return cleaned
        if method and not value:
            self.add_error(
                "contact_value",
                ValidationError(
                    _("Fill in your e-mail address or phone number, or choose not to be reached."),
                    code="required",
                ),
            )
        elif value and not method:
            self.add_error(
                "contact_method",
                ValidationError(_("Choose how we can reach you."), code="required"),
            )
        elif method == ContactMethod.EMAIL:
            try:
                validate_email(value)
            except ValidationError:
                self.add_error(
                    "contact_value",
                    ValidationError(_("This is not an e-mail address."), code="invalid"),
                )
        elif method:
            try:
                cleaned["contact_value"] = normalised_phone(value)
            except ValidationError as error:
                self.add_error("contact_value", error)
        return cleaned
