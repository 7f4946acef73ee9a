"""GET questions/form and POST questions: the central contact point.

Anyone may ask, without an account and without a CSRF cookie (DRF exempts its
views, and the API has no session authentication that a forged request could
ride on). The POST goes through ``public.contact_point.ask``, behind the guard
every anonymous submission passes (``public.guard``: size, rate per client,
honeypot, one-time form token), and is checked by
``cms.contact_point.forms.QuestionForm``, the same form the site uses. No
endpoint reads questions back: the answer goes to the way of contact the asker
gave, or they ask the partner by reference.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.contact_point.forms import (
    CONTACT_MAX_LENGTH,
    FORM_NAME,
    TEXT_MAX_LENGTH,
    TEXT_MIN_LENGTH,
    QuestionForm,
    language_choices,
)
from cms.contact_point.intake import receipt
from cms.contact_point.routing import responsible_partners
from cms.models import ContactMethod, QuestionTopic
from public.contact_point import ask
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, issue_form_token

from ..languages import RequestLanguageMixin
from ..schema import errors
from ..serializers.errors import ErrorSerializer
from ..serializers.questions import (
    QuestionFormSerializer,
    QuestionReceiptSerializer,
    QuestionRequestSerializer,
)


class QuestionFormView(RequestLanguageMixin, APIView):
    """The form's choices in the requested language, and a fresh form token.

    Never cached: every answer carries a new token (and who answers a topic can change).
    """

    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary="What the question form offers, and a token to send the question with",
        responses={200: QuestionFormSerializer, **errors()},
        tags=["contact point"],
    )
    def get(self, request):
        partners = responsible_partners()
        with translation.override(self.language):
            body = {
                "language": self.language,
                "topics": [
                    {
                        "key": topic.value,
                        "label": str(topic.label),
                        "answered_by": partners[topic].name if topic in partners else None,
                    }
                    for topic in QuestionTopic
                ],
                "languages": [
                    {"code": code, "native_name": name} for code, name in language_choices()
                ],
                "contact_methods": [
                    {"key": method.value, "label": str(method.label)} for method in ContactMethod
                ],
                "text_min_length": TEXT_MIN_LENGTH,
                "text_max_length": TEXT_MAX_LENGTH,
                "contact_max_length": CONTACT_MAX_LENGTH,
                "retention_days": settings.QUESTION_RETENTION_DAYS,
                "form_token": issue_form_token(FORM_NAME),
                "min_fill_seconds": settings.FORM_MIN_FILL_SECONDS,
            }
        response = Response(QuestionFormSerializer(body).data)
        add_never_cache_headers(response)
        return response


class QuestionCreateView(RequestLanguageMixin, APIView):
    """Anonymous questions; only POST (and OPTIONS), only JSON.

    The negotiated language (``lang``, Accept-Language) is the question's
    language when the body does not name one; error messages stay in English.
    """

    http_method_names = ["post", "options"]
    parser_classes = [JSONParser]

    @extend_schema(
        summary="Ask the contact point a question, anonymously if you like",
        description="The question goes to the partner responsible for its topic (else to the "
        "platform's coordinators), who answer through the way of contact given, if any. The "
        "question, the contact and the answer are erased after `retention_days`. On any error "
        "nothing is stored and `field` names the problem; `refused` means the honeypot was "
        "filled in or the form token is missing, stale or too fresh.",
        request=QuestionRequestSerializer,
        responses={
            201: QuestionReceiptSerializer,
            **errors(),
            429: OpenApiResponse(
                ErrorSerializer, description="Too many questions from this client; try later."
            ),
        },
        tags=["contact point"],
    )
    def post(self, request):
        # API messages are in English, whatever the visitor's browser speaks.
        with translation.override("en"):
            question = ask(request, lambda: self.read_question(request.data))
        told = receipt(question)
        return Response(
            QuestionReceiptSerializer(
                {
                    "reference": told.reference,
                    "topic": told.topic,
                    "answered_by": told.partner_name,
                    "retention_days": told.retention_days,
                    "erased_by": timezone.localtime(told.erased_by).date(),
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )

    def read_question(self, data) -> Entry[QuestionForm]:
        """The body as the question form; a 400 naming the field for a malformed one."""
        body = QuestionRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        form = QuestionForm(
            data={
                **{name: fields.get(name) or "" for name in QuestionForm.base_fields},
                "language": fields.get("language") or self.language,
            }
        )
        return Entry(FORM_NAME, fields.get(TOKEN_FIELD), fields.get(HONEYPOT_FIELD), form)
