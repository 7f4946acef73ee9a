"""What a sign-up must look like: the one validation for the API and the site's form.

The spam checks (size, rate, honeypot, form token) come before this form, in
the shared guard of the presenters; whether the activity is open at all
(``openings.check_open``) comes before it too, so that a closed activity is a
409 and not a list of field errors.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ..bounded_input import within_years
from ..contact import CONTACT_MAX_LENGTH, checked_contact
from ..contact_point.forms import language_choices
from ..models import ActivityPage, ContactMethod
from ..typed_text import without_control_characters
from .capacity import SignupRequest, list_date, signup_capacity
from .openings import per_date, starts_on

# Plural forms: Romanian says "20 de caractere", Polish "5 znaków", "2 znaki".
TOO_LONG = ngettext_lazy(
    "This is too long: at most %(limit_value)d character.",
    "This is too long: at most %(limit_value)d characters.",
    "limit_value",
)

FORM_NAME = "signup"
NAME_MAX_LENGTH = 50
# A family or a few colleagues; a larger group calls the organiser.
MAX_PEOPLE = 10


class ContactFields(forms.Form):
    """A first name or nickname and one way to be reached, required (to be told about changes)."""

    name = forms.CharField(
        label=_("First name or nickname"),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": _("Fill in a first name or nickname."),
            "max_length": TOO_LONG,
        },
    )
    contact_method = forms.ChoiceField(
        label=_("How can we reach you?"),
        choices=ContactMethod.choices,
        error_messages={
            "required": _("Choose how we can reach you."),
            "invalid_choice": _("Choose one of the ways offered."),
        },
    )
    contact_value = forms.CharField(
        label=_("Your e-mail address or phone number"),
        max_length=CONTACT_MAX_LENGTH,
        error_messages={
            "required": _("Fill in your e-mail address or phone number."),
            "max_length": TOO_LONG,
        },
    )
    language = forms.ChoiceField(
        label=_("Language we write to you in"),
        choices=language_choices,
        error_messages={
            "required": _("Choose a language."),
            "invalid_choice": _("Choose one of the languages offered."),
        },
    )

    def clean_name(self) -> str:
        # A name of nothing but bidi controls is no name once they are gone.
        name = without_control_characters(self.cleaned_data["name"]).strip()
        if not name:
            raise ValidationError(self.fields["name"].error_messages["required"], code="required")
        return name

    def clean_contact_value(self) -> str:
        return without_control_characters(self.cleaned_data["contact_value"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_method") and "contact_value" in cleaned:
            try:
                cleaned["contact_value"] = checked_contact(
                    cleaned["contact_method"], cleaned["contact_value"]
                )
            except ValidationError as error:
                self.add_error("contact_value", error)
        return cleaned


class SignupForm(ContactFields):
    """A sign-up for one activity: who, how many, and for a weekly activity which date."""

    people = forms.IntegerField(
        label=_("How many people (you included)?"),
        min_value=1,
        initial=1,
        error_messages={
            "required": _("Say how many people come."),
            "invalid": _("Give a whole number."),
            "min_value": _("At least one person."),
        },
    )
    occurrence = forms.DateField(
        label=_("Which date?"),
        required=False,
        error_messages={"invalid": _("Give a date as YYYY-MM-DD.")},
    )

    def __init__(self, *args, activity: ActivityPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        capacity = signup_capacity(activity)
        self.max_people = min(MAX_PEOPLE, capacity) if capacity else MAX_PEOPLE
        self.fields["people"].max_value = self.max_people
        self.fields["people"].validators.append(self._at_most)

    def _at_most(self, value: int) -> None:
        if value > self.max_people:
            raise ValidationError(
                _("At most %(limit)d people per sign-up; for a larger group, call the organiser.")
                % {"limit": self.max_people},
                code="max_value",
            )

    def clean_occurrence(self) -> date | None:
        day = self.cleaned_data.get("occurrence")
        if not per_date(self.activity):
            return None
        if day is None:
            raise ValidationError(_("Choose a date."), code="required")
        # 9999-12-31 overflowed the search for that day's start (issue #21, point 4).
        if not within_years(day) or starts_on(self.activity, day) is None:
            raise ValidationError(_("The activity does not take place on this date."))
        return day

    def signup_request(self) -> SignupRequest:
        cleaned = self.cleaned_data
        return SignupRequest(
            name=cleaned["name"].strip(),
            contact_method=cleaned["contact_method"],
            contact_value=cleaned["contact_value"],
            language=cleaned["language"],
            people=cleaned["people"],
            date=list_date(self.activity, cleaned.get("occurrence")),
        )
