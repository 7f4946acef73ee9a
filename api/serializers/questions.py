"""The contact point's bodies: the form a client asks for, the question it sends, the receipt.

The rules a question must meet are ``cms.contact_point.forms.QuestionForm``
(shared with the site); these serializers check the JSON's shape and document it.
"""

from __future__ import annotations

from rest_framework import serializers

from cms.contact_point.forms import CONTACT_MAX_LENGTH, TEXT_MAX_LENGTH, TEXT_MIN_LENGTH
from cms.models import ContactMethod, QuestionTopic
from cms.translation.languages import language_codes


class QuestionTopicSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=QuestionTopic.choices, help_text="Send it as `topic`.")
    label = serializers.CharField(help_text="The topic's name in the requested language.")
    answered_by = serializers.CharField(
        allow_null=True,
        help_text="The partner that answers questions on this topic; null: the platform's "
        "coordinators.",
    )


class ContactMethodSerializer(serializers.Serializer):
    key = serializers.ChoiceField(
        choices=ContactMethod.choices, help_text="Send it as `contact_method`."
    )
    label = serializers.CharField(help_text="Its name in the requested language.")


class QuestionFormLanguageSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Send it as `language`.")
    native_name = serializers.CharField()


class QuestionFormSerializer(serializers.Serializer):
    """What a client needs to show the question form, and the token to send back with it."""

    language = serializers.CharField(help_text="The language of the labels.")
    topics = QuestionTopicSerializer(many=True)
    languages = QuestionFormLanguageSerializer(
        many=True, help_text="Languages a question may be asked in."
    )
    contact_methods = ContactMethodSerializer(many=True)
    text_min_length = serializers.IntegerField()
    text_max_length = serializers.IntegerField()
    contact_max_length = serializers.IntegerField()
    retention_days = serializers.IntegerField(
        help_text="Days after which the question, the contact and the answer are erased."
    )
    form_token = serializers.CharField(
        help_text="Send it back as `form_token`; it says when the form was handed out, not "
        "to whom. Valid from `min_fill_seconds` after this answer for a day."
    )
    min_fill_seconds = serializers.FloatField()


class QuestionRequestSerializer(serializers.Serializer):
    """The body of `POST questions`: no name, no account; a way to be reached is optional."""

    language = serializers.ChoiceField(
        choices=list(language_codes()),
        required=False,
        help_text="The language the question is written in; default: the request's language.",
    )
    topic = serializers.ChoiceField(choices=QuestionTopic.choices)
    text = serializers.CharField(
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        trim_whitespace=True,
        help_text="The question. Do not ask people for their name: they need not give it.",
    )
    contact_method = serializers.ChoiceField(
        choices=ContactMethod.choices,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="How the asker wants to be reached; empty or absent: not at all.",
    )
    contact_value = serializers.CharField(
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="The e-mail address or phone number (with country code) for `contact_method`.",
    )
    form_token = serializers.CharField(
        allow_blank=True, help_text="The `form_token` of `GET questions/form`."
    )
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Honeypot: must be empty."
    )


class QuestionReceiptSerializer(serializers.Serializer):
    """What the asker is told; nothing of what they wrote is sent back."""

    reference = serializers.CharField(help_text="Quote it when contacting the partner.")
    topic = serializers.ChoiceField(choices=QuestionTopic.choices)
    answered_by = serializers.CharField(
        allow_null=True,
        help_text="The partner that will answer; null: the platform's coordinators.",
    )
    retention_days = serializers.IntegerField()
    erased_by = serializers.DateField(
        help_text="The day by which the question, the contact and the answer are erased."
    )
