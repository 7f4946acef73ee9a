"""Needs surveys: what a client shows, and the shape of an answer it sends back."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.models import Survey, SurveyOption, SurveyQuestion
from cms.public_urls import absolute_public_url, poster_path, public_path, survey_short_path
from cms.surveys.answers import TEXT_MAX_LENGTH, survey_form_name
from cms.surveys.models import SCALE_MAX, SCALE_MIN
from public.guard import HONEYPOT_FIELD, issue_form_token

from .common import TranslatedField, TranslatedObjectSerializer, request_language

# Named for the schema (ENUM_NAME_OVERRIDES): feedback names a page's kind too.
SURVEY_QUESTION_KINDS = SurveyQuestion.Kind.values


class SurveyOptionSerializer(TranslatedObjectSerializer):
    """A choice of a single- or multiple-choice question."""

    main_text_field = "label"

    id = serializers.IntegerField(help_text="Send this id as the answer.")
    label = TranslatedField()


class SurveyQuestionSerializer(TranslatedObjectSerializer):
    """One question; what its answer looks like depends on ``kind``."""

    main_text_field = "prompt"

    id = serializers.IntegerField(help_text="Key of this question's answer in `answers`.")
    kind = serializers.ChoiceField(
        choices=SURVEY_QUESTION_KINDS,
        help_text=f"single: one option id; multiple: a list of option ids; "
        f"scale: a whole number {SCALE_MIN}–{SCALE_MAX}; text: at most {TEXT_MAX_LENGTH} "
        "characters.",
    )
    prompt = TranslatedField()
    required = serializers.BooleanField()
    options = serializers.SerializerMethodField(help_text="Empty for scale and text questions.")

    @extend_schema_field(SurveyOptionSerializer(many=True))
    def get_options(self, question: SurveyQuestion) -> list[dict]:
        options: list[SurveyOption] = list(question.options.all())
        return SurveyOptionSerializer(options, many=True, context=self.context).data


class SurveySummarySerializer(TranslatedObjectSerializer):
    """A survey in the list: enough to link to it."""

    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The survey on the public site.")
    short_url = serializers.SerializerMethodField(
        help_text="Absolute short address for posters and group posts (the QR code's content)."
    )
    title = TranslatedField()
    intro = TranslatedField()
    closes_at = serializers.DateTimeField(allow_null=True)
    accepts_answers = serializers.SerializerMethodField()

    def get_url(self, survey: Survey) -> str:
        return public_path("survey", survey.slug, request_language(self))

    def get_short_url(self, survey: Survey) -> str:
        return absolute_public_url(survey_short_path(survey.slug), self.context.get("request"))

    def get_accepts_answers(self, survey: Survey) -> bool:
        return survey.accepts_answers()


class SurveySerializer(SurveySummarySerializer):
    """One survey with its questions, and what a client needs to send answers back."""

    questions = SurveyQuestionSerializer(many=True, source="questions.all")
    form_token = serializers.SerializerMethodField(
        help_text="Send back with the answers. Answers sent sooner than a few seconds after "
        "the token was issued, or a day later, are refused."
    )
    honeypot_field = serializers.SerializerMethodField(
        help_text="A field that people never fill in: send it empty (or leave it out)."
    )
    poster_url = serializers.SerializerMethodField(
        help_text="A poster (A4 PDF) to print, in the language of this answer. Replace "
        "`languages=` by one to three codes (side by side, e.g. `languages=pl,bg`); `size=a6` "
        "gives a flyer. The QR code on it holds the short link. Null once the survey takes "
        "no more answers."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_poster_url(self, survey: Survey) -> str | None:
        if not survey.accepts_answers():
            return None
        return poster_path("survey", survey.slug, request_language(self))

    def get_form_token(self, survey: Survey) -> str:
        return issue_form_token(survey_form_name(survey.slug))

    def get_honeypot_field(self, survey: Survey) -> str:
        return HONEYPOT_FIELD


class SurveyAnswerValueField(serializers.JSONField):
    """Documented as the union of what the kinds take; checked in ``cms.surveys.answers``."""


class SurveyResponseRequestSerializer(serializers.Serializer):
    """The body of ``POST surveys/{slug}/responses``: answers only, nothing about the person."""

    answers = serializers.DictField(
        child=SurveyAnswerValueField(allow_null=True),
        help_text="Question id → answer: an option id (single), a list of option ids "
        "(multiple), a whole number 1–5 (scale) or a text.",
    )
    language = serializers.CharField(
        required=False,
        help_text="The language the survey was answered in; default: the request's language.",
    )
    village = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Optional: the village the person lives in (a slug of the site's village list).",
    )
    form_token = serializers.CharField(help_text="The `form_token` of the survey's GET.")
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Honeypot: must be empty."
    )


class SurveyResponseCreatedSerializer(serializers.Serializer):
    survey = serializers.SlugField()
    language = serializers.CharField()
    village = serializers.CharField(allow_null=True)
    answered_on = serializers.DateField(help_text="Only the day is stored, never the time.")
