"""GET feedback/form and POST feedback: "Was this clear?" under a guide or an activity.

Anonymous, like the other two forms: the POST goes through
``public.feedback.give_feedback``, behind the guard every anonymous submission
passes (size, rate per client, honeypot, one-time form token), and is checked
by ``cms.feedback.forms.FeedbackForm``, the same form the site uses. No
endpoint reads feedback back.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.feedback.forms import FORM_NAME, FeedbackForm
from cms.feedback.models import TEXT_MAX_LENGTH, FeedbackReason
from public.feedback import give_feedback
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, issue_form_token

from ..languages import RequestLanguageMixin
from ..parsers import BoundedJSONParser
from ..schema import errors
from ..serializers.errors import ErrorSerializer
from ..serializers.feedback import (
    FeedbackFormSerializer,
    FeedbackReceiptSerializer,
    FeedbackRequestSerializer,
)


class FeedbackFormView(RequestLanguageMixin, APIView):
    """The question and its reasons in the requested language, and a fresh form token."""

    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary='What "Was this clear?" offers, and a token to answer it with',
        responses={200: FeedbackFormSerializer, **errors()},
        tags=["feedback"],
    )
    def get(self, request):
        with translation.override(self.language):
            body = {
                "language": self.language,
                "question": gettext("Was this clear?"),
                "reasons": [{"key": r.value, "label": str(r.label)} for r in FeedbackReason],
                "text_max_length": TEXT_MAX_LENGTH,
                "text_retention_days": settings.FEEDBACK_TEXT_RETENTION_DAYS,
                "form_token": issue_form_token(FORM_NAME),
                "min_fill_seconds": settings.FORM_MIN_FILL_SECONDS,
            }
        response = Response(FeedbackFormSerializer(body).data)
        add_never_cache_headers(response)
        return response


class FeedbackCreateView(RequestLanguageMixin, APIView):
    """Anonymous answers to "Was this clear?"; only POST (and OPTIONS), only JSON."""

    http_method_names = ["post", "options"]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        summary="Say whether a guide or an activity was clear, and if not, why",
        description="Anonymous: what is kept is the page, the language, yes or no, the reason "
        "and the day; the free text is erased after `text_retention_days`. On any error "
        "nothing is stored and `field` names the problem; `refused` means the honeypot was "
        "filled in or the form token is missing, stale, used or too fresh.",
        request=FeedbackRequestSerializer,
        responses={
            201: FeedbackReceiptSerializer,
            **errors(),
            429: OpenApiResponse(
                ErrorSerializer, description="Too many answers from this client; try later."
            ),
        },
        tags=["feedback"],
    )
    def post(self, request):
        with translation.override("en"):
            give_feedback(request, lambda: self.read_feedback(request.data))
        return Response({"status": "received"}, status=status.HTTP_201_CREATED)

    def read_feedback(self, data) -> Entry[FeedbackForm]:
        """The body as the feedback form; a 400 naming the field for a malformed one."""
        body = FeedbackRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        form = FeedbackForm(
            data={
                "kind": fields["kind"],
                "slug": fields["slug"],
                "language": fields.get("language") or self.language,
                "clear": fields["clear"],
                "reason": fields.get("reason") or "",
                "text": fields.get("text") or "",
            }
        )
        return Entry(FORM_NAME, fields.get(TOKEN_FIELD), fields.get(HONEYPOT_FIELD), form)
