""" "Was this clear?": the form a client asks for and the answer it sends.

The rules an answer must meet are ``cms.feedback.forms.FeedbackForm`` (shared
with the site); these serializers check the JSON's shape and document it.
"""

from __future__ import annotations

from rest_framework import serializers

from cms.feedback.forms import PAGE_KINDS
from cms.feedback.models import TEXT_MAX_LENGTH, FeedbackReason

# Named for the schema (ENUM_NAME_OVERRIDES): survey questions have a kind too.
FEEDBACK_PAGE_KINDS = list(PAGE_KINDS)


class FeedbackReasonSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=FeedbackReason.choices, help_text="Send it as `reason`.")
    label = serializers.CharField(help_text="The reason in the requested language.")


class FeedbackFormSerializer(serializers.Serializer):
    """The question's words in the requested language, the reasons, and a form token."""

    language = serializers.CharField(help_text="The language of the labels.")
    question = serializers.CharField(help_text='"Was this clear?" in the requested language.')
    reasons = FeedbackReasonSerializer(many=True)
    text_max_length = serializers.IntegerField()
    text_retention_days = serializers.IntegerField(
        help_text="Days after which the free text is erased; the yes/no and reason stay."
    )
    form_token = serializers.CharField(
        help_text="Send it back as `form_token`; it says when the form was handed out, not "
        "to whom. Valid from `min_fill_seconds` after this answer for a day."
    )
    min_fill_seconds = serializers.FloatField()


class FeedbackRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FEEDBACK_PAGE_KINDS, help_text="What the page is.")
    slug = serializers.SlugField(max_length=255)
    language = serializers.CharField(
        required=False, max_length=8, help_text="The language read; default: the request's."
    )
    clear = serializers.BooleanField(help_text="Was this clear?")
    reason = serializers.ChoiceField(
        choices=FeedbackReason.choices,
        required=False,
        allow_blank=True,
        help_text="Why not (required when `clear` is false).",
    )
    text = serializers.CharField(
        required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH, help_text="Anything else."
    )
    form_token = serializers.CharField(required=False, allow_blank=True)
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Leave empty (a trap for bots)."
    )


class FeedbackReceiptSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="Always `received`: nothing is echoed back.")
