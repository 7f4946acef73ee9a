"""Sign-ups: the body of ``POST activities/{slug}/signups`` and its receipt.

The rules a sign-up must meet are ``cms.taking_part.forms.SignupForm`` (shared
with the site); these serializers check the JSON's shape and document it.
"""

from __future__ import annotations

from rest_framework import serializers

from cms.contact_point.forms import CONTACT_MAX_LENGTH
from cms.models import ContactMethod, Signup
from cms.taking_part.forms import MAX_PEOPLE, NAME_MAX_LENGTH
from cms.translation.languages import language_codes


class ContactSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=ContactMethod.choices)
    value = serializers.CharField(
        max_length=CONTACT_MAX_LENGTH,
        help_text="The e-mail address, or the phone number with its country code.",
    )


class SignupRequestSerializer(serializers.Serializer):
    """A first name or nickname and one way to be reached: no surname, address or birth date."""

    name = serializers.CharField(max_length=NAME_MAX_LENGTH, help_text="First name or nickname.")
    contact = ContactSerializer()
    language = serializers.ChoiceField(
        choices=list(language_codes()),
        required=False,
        help_text="The language to write to the person in; default: the request's language.",
    )
    people = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PEOPLE,
        default=1,
        help_text="How many people come, the person included (at most the capacity).",
    )
    occurrence = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="The date (Amsterdam) of the occurrence, for an activity whose places count "
        "per date (`registration.dates` is not null); ignored otherwise.",
    )
    form_token = serializers.CharField(
        allow_blank=True, help_text="`registration.form_token` of the activity's detail."
    )
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Honeypot: must be empty."
    )


class SignupReceiptSerializer(serializers.Serializer):
    """What the person is told; nothing of what they typed is sent back."""

    reference = serializers.CharField(help_text="Quote it when contacting the organiser.")
    status = serializers.ChoiceField(
        choices=[Signup.Status.CONFIRMED, Signup.Status.WAITING],
        help_text="confirmed: a place; waiting: on the waiting list, confirmed automatically "
        "(and told by e-mail, if given) when a place comes free.",
    )
    position = serializers.IntegerField(
        allow_null=True, help_text="Place on the waiting list (1: next); null when confirmed."
    )
    cancel_url = serializers.URLField(
        help_text="The page where the person can cancel; keep it: it is shown only once."
    )
