"""What a question must look like: the one validation for the API and the site's form.

The spam checks (honeypot, minimum fill time, rate limit) come before this and
live in the guard every anonymous submission passes (``public.guard``), for both ways in.

Messages are in the active language: the site shows them in the page's
language, the API answers in English (its error messages always are).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cms.translation.languages import supported_languages

from ..contact import CONTACT_MAX_LENGTH, checked_contact
from ..models import ContactMethod, QuestionTopic
from ..typed_text import without_control_characters

# Plural forms: Romanian says "20 de caractere", Polish "5 znaków", "2 znaki".
TOO_LONG = ngettext_lazy(
    "This is too long: at most %(limit_value)d character.",
    "This is too long: at most %(limit_value)d characters.",
    "limit_value",
)

# The form's name in its spam-check token (``public.guard``), the same for the API and the site.
FORM_NAME = "question"
TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 2000


def language_choices() -> list[tuple[str, str]]:
    return [(language.code, language.native_name) for language in supported_languages()]


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
            "min_length": ngettext_lazy(
                "Please write a little more: at least %(limit_value)d character.",
                "Please write a little more: at least %(limit_value)d characters.",
                "limit_value",
            ),
            "max_length": ngettext_lazy(
                "Your question is too long: at most %(limit_value)d character.",
                "Your question is too long: at most %(limit_value)d characters.",
                "limit_value",
            ),
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
            "max_length": TOO_LONG,
        },
    )

    def clean_text(self) -> str:
        return without_control_characters(self.cleaned_data["text"])

    def clean_contact_value(self) -> str:
        return without_control_characters(self.cleaned_data["contact_value"])

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
        elif method:
            try:
                cleaned["contact_value"] = checked_contact(method, value)
            except ValidationError as error:
                self.add_error("contact_value", error)
        return cleaned
