"""GET surveys, GET surveys/{slug}, POST surveys/{slug}/responses.

The POST is the API's one anonymous write besides the contact point. It
needs no account and no CSRF cookie (DRF exempts its views, and the API has
no session authentication to forge) and goes through
``public.surveys.answer_survey``, behind the guard every anonymous submission
passes (``public.guard``: size, rate per client, honeypot, one-time form
token). Checking and storing the answers is ``cms.surveys.answers``, shared
with the site's form.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.surveys.answers import Submission, survey_form_name
from public import surveys
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry
from public.surveys import SurveyAnswers, answer_survey

from ..parsers import BoundedJSONParser
from ..schema import errors, responses
from ..serializers.errors import ErrorSerializer
from ..serializers.surveys import (
    SurveyResponseCreatedSerializer,
    SurveyResponseRequestSerializer,
    SurveySerializer,
    SurveySummarySerializer,
)
from .base import MunicipalApiMixin, PublicApiMixin, PublicFormMixin


class SurveyListView(MunicipalApiMixin, ListAPIView):
    serializer_class = SurveySummarySerializer
    pagination_class = None

    def get_queryset(self):
        return surveys.open_surveys(self.municipality)

    @extend_schema(
        summary="Surveys open for answers, soonest closing first",
        responses=responses(SurveySummarySerializer(many=True)),
        tags=["surveys"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SurveyDetailView(PublicApiMixin, RetrieveAPIView):
    serializer_class = SurveySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return surveys.visible_surveys()

    @extend_schema(
        summary="One survey with its questions and options, and a form token for answering",
        responses=responses(SurveySerializer, 404),
        tags=["surveys"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SurveyResponseView(PublicFormMixin, APIView):
    """Anonymous answers to one survey; only POST (and OPTIONS)."""

    http_method_names = ["post", "options"]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        summary="Answer a survey, anonymously",
        description="Stores the answers with only the answer language, the village (optional) "
        "and the day. Every answer is checked against its question; on any error nothing is "
        "stored and `field` names the problem (`answers.<question id>` for an answer).",
        request=SurveyResponseRequestSerializer,
        responses={
            201: SurveyResponseCreatedSerializer,
            **errors(404),
            409: OpenApiResponse(ErrorSerializer, description="The survey is closed."),
            429: OpenApiResponse(
                ErrorSerializer, description="Too many answers from this client; try later."
            ),
        },
        tags=["surveys"],
    )
    def post(self, request, slug: str):
        response = answer_survey(request, lambda: self.read_answers(request.data, slug))
        created = {
            "survey": slug,
            "language": response.language,
            "village": response.village or None,
            "answered_on": response.answered_on,
        }
        return Response(
            SurveyResponseCreatedSerializer(created).data, status=status.HTTP_201_CREATED
        )

    def read_answers(self, data, slug: str) -> Entry[SurveyAnswers]:
        """The survey (404 if unknown) and the body's answers; a 400 for a malformed body."""
        survey = surveys.visible_survey(slug)
        if survey is None:
            raise Http404
        body = SurveyResponseRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        submission = Submission(
            language=fields.get("language") or self.language,
            answers=fields["answers"],
            village=fields.get("village") or "",
        )
        return Entry(
            survey_form_name(slug),
            fields.get(TOKEN_FIELD),
            fields.get(HONEYPOT_FIELD),
            SurveyAnswers(survey, submission),
        )
