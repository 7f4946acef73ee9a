"""GET surveys, GET surveys/{slug}, POST surveys/{slug}/responses.

The POST is the API's one anonymous write besides the contact point. It
needs no account and no CSRF cookie (DRF exempts its views, and the API has
no session authentication to forge), is limited per client
(``PublicPostThrottle``, scope ``survey_response``) and refuses bots with a
honeypot field and a minimum fill time (``api.spam``). Checking and storing
the answers is ``cms.surveys.answers``, shared with the site's form.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.models import Survey
from cms.surveys.answers import (
    InvalidAnswer,
    Submission,
    SurveyClosed,
    record_response,
    survey_form_name,
    with_questions,
)

from ..errors import InvalidParameter
from ..languages import RequestLanguageMixin
from ..parsers import BoundedJSONParser
from ..schema import errors, responses
from ..serializers.errors import ErrorSerializer
from ..serializers.surveys import (
    SurveyResponseCreatedSerializer,
    SurveyResponseRequestSerializer,
    SurveySerializer,
    SurveySummarySerializer,
)
from ..spam import HONEYPOT_FIELD, SpamRefused, check_submission
from ..throttling import PublicPostThrottle
from .base import PublicApiMixin


class SurveyListView(PublicApiMixin, ListAPIView):
    serializer_class = SurveySummarySerializer
    pagination_class = None

    def get_queryset(self):
        return Survey.objects.accepting_answers().order_by("closes_at", "slug")

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
        # Closed surveys stay visible: an old poster's visitor learns it is closed.
        return with_questions(Survey.objects.visible())

    @extend_schema(
        summary="One survey with its questions and options, and a form token for answering",
        responses=responses(SurveySerializer, 404),
        tags=["surveys"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SurveyClosedError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "survey_closed"
    default_detail = SurveyClosed.message


class SurveyResponseView(RequestLanguageMixin, APIView):
    """Anonymous answers to one survey; only POST (and OPTIONS)."""

    http_method_names = ["post", "options"]
    parser_classes = [BoundedJSONParser]
    throttle_classes = [PublicPostThrottle]
    throttle_scope = "survey_response"

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
        survey = with_questions(Survey.objects.visible()).filter(slug=slug).first()
        if survey is None:
            raise Http404
        body = SurveyResponseRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            check_submission(
                survey_form_name(slug), data.get("form_token"), data.get(HONEYPOT_FIELD)
            )
        except SpamRefused as refusal:
            raise InvalidParameter(refusal.field, refusal.message, code="refused") from None
        submission = Submission(
            language=data.get("language") or self.language,
            answers=data["answers"],
            village=data.get("village") or "",
        )
        try:
            response = record_response(survey, submission, timezone.localdate())
        except SurveyClosed:
            raise SurveyClosedError from None
        except InvalidAnswer as problem:
            raise InvalidParameter(problem.field, problem.message, code=problem.code) from None
        created = {
            "survey": survey.slug,
            "language": response.language,
            "village": response.village or None,
            "answered_on": response.answered_on,
        }
        return Response(
            SurveyResponseCreatedSerializer(created).data, status=status.HTTP_201_CREATED
        )
