"""GET buddies, POST buddies/offers and POST buddies/requests: language buddies (taalmaatjes).

``GET buddies`` shows, per village, how many migrants wait and how many
buddies are available, so that the municipality can recruit volunteers where
they are missing: counts only, never a person. The two POSTs go through
``public.taking_part`` behind the guard of every anonymous form.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.taking_part.buddies import counts_per_village
from cms.taking_part.buddy_forms import (
    OFFER_FORM,
    REQUEST_FORM,
    BuddyForm,
    BuddyOfferForm,
    BuddyRequestForm,
)
from cms.taking_part.buddy_models import BuddyHelp, BuddyTime
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused, issue_form_token
from public.taking_part import ask_for_buddy, offer_buddy

from ..languages import RequestLanguageMixin
from ..parsers import BoundedJSONParser
from ..schema import errors
from ..serializers.buddies import (
    BuddyBodySerializer,
    BuddyOverviewSerializer,
    BuddyReceiptSerializer,
)
from ..serializers.errors import ErrorSerializer
from .signups import API_FIELDS


class BuddyOverviewView(RequestLanguageMixin, APIView):
    """Never cached: every answer carries new form tokens."""

    http_method_names = ["get", "head", "options"]

    @extend_schema(
        summary="Language buddies per village: migrants waiting, buddies available",
        responses={200: BuddyOverviewSerializer, **errors()},
        tags=["taking part"],
    )
    def get(self, request):
        with translation.override(self.language):
            body = {
                "language": self.language,
                "villages": [vars(count) for count in counts_per_village()],
                "help": [{"key": c.value, "label": str(c.label)} for c in BuddyHelp],
                "times": [{"key": c.value, "label": str(c.label)} for c in BuddyTime],
                "form_tokens": {
                    "offers": issue_form_token(OFFER_FORM),
                    "requests": issue_form_token(REQUEST_FORM),
                },
            }
        response = Response(BuddyOverviewSerializer(body).data)
        add_never_cache_headers(response)
        return response


class BuddyPostView(RequestLanguageMixin, APIView):
    http_method_names = ["post", "options"]
    parser_classes = [BoundedJSONParser]
    form_name = ""
    form_class: type[BuddyForm] = BuddyForm

    def store(self, request):
        raise NotImplementedError

    def handle(self, request):
        with translation.override("en"):
            try:
                person = self.store(request)
            except Refused as refusal:
                refusal.field = API_FIELDS.get(refusal.field, refusal.field)
                raise
        project = person.project
        return Response(
            BuddyReceiptSerializer(
                {
                    "reference": person.reference,
                    "handled_by": project.partner.name if project else None,
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )

    def read(self, data) -> Entry[BuddyForm]:
        body = BuddyBodySerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        form = self.form_class(
            data={
                "name": fields["name"],
                "contact_method": fields["contact"]["method"],
                "contact_value": fields["contact"]["value"],
                "language": fields.get("language") or self.language,
                "languages": fields["languages"],
                "village": fields["village"],
                "times": fields["times"],
                "help": fields["help"],
            }
        )
        return Entry(self.form_name, fields.get(TOKEN_FIELD), fields.get(HONEYPOT_FIELD), form)


RESPONSES = {
    201: BuddyReceiptSerializer,
    **errors(),
    429: OpenApiResponse(ErrorSerializer, description="Too many from this client; try later."),
}


class BuddyOfferView(BuddyPostView):
    form_name = OFFER_FORM
    form_class = BuddyOfferForm

    def store(self, request):
        return offer_buddy(request, lambda: self.read(request.data))

    @extend_schema(
        summary="Offer to be a language buddy",
        description="`help`: what the volunteer offers. On any error nothing is stored and "
        "`field` names the problem.",
        request=BuddyBodySerializer,
        responses=RESPONSES,
        tags=["taking part"],
    )
    def post(self, request):
        return self.handle(request)


class BuddyRequestView(BuddyPostView):
    form_name = REQUEST_FORM
    form_class = BuddyRequestForm

    def store(self, request):
        return ask_for_buddy(request, lambda: self.read(request.data))

    @extend_schema(
        summary="Ask for a language buddy",
        description="`help`: what the migrant wishes for. On any error nothing is stored and "
        "`field` names the problem.",
        request=BuddyBodySerializer,
        responses=RESPONSES,
        tags=["taking part"],
    )
    def post(self, request):
        return self.handle(request)
