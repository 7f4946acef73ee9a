"""POST activities/{slug}/signups: join an activity, or its waiting list, without an account.

The steps are ``public.taking_part.sign_up_for``'s, shared with the site:
a closed activity is a 409 whatever the body says; then the guard of every
anonymous form (size, rate, honeypot, one-time form token), then
``cms.taking_part.forms.SignupForm``, then the place, under a row lock. Nothing the person
typed is sent back or readable through any GET.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.public_urls import absolute_public_url
from cms.taking_part.forms import FORM_NAME, SignupForm
from cms.taking_part.tokens import cancel_path
from public.activities import activity as published_activity
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused
from public.taking_part import sign_up_for

from ..languages import RequestLanguageMixin
from ..parsers import BoundedJSONParser
from ..schema import errors
from ..serializers.errors import ErrorSerializer
from ..serializers.signups import SignupReceiptSerializer, SignupRequestSerializer

# The form's field names as the API's body names them.
API_FIELDS = {"contact_method": "contact.method", "contact_value": "contact.value"}


class SignupCreateView(RequestLanguageMixin, APIView):
    """Only POST (and OPTIONS), only JSON; error messages in English."""

    http_method_names = ["post", "options"]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        summary="Sign up for an activity, or join its waiting list",
        description="For activities whose `registration.type` is `wegwijs`. A place is given "
        "when the group fits, else the person waits and is confirmed automatically, in order, "
        "when places come free. On any error nothing is stored and `field` names the problem; "
        "`refused` means the honeypot was filled in or the form token is missing, stale, too "
        "fresh or used before. 409: the activity takes no sign-ups (`signups_closed`), the date "
        "or the activity is past (`occurrence_past`), or this contact is already signed up for "
        "this date (`duplicate_signup`).",
        request=SignupRequestSerializer,
        responses={
            201: SignupReceiptSerializer,
            **errors(404),
            409: OpenApiResponse(ErrorSerializer, description="Cannot sign up (see `code`)."),
            429: OpenApiResponse(
                ErrorSerializer, description="Too many sign-ups from this client; try later."
            ),
        },
        tags=["taking part"],
    )
    def post(self, request, slug: str):
        activity = published_activity(slug)
        if activity is None:
            raise Http404
        # API messages are in English, whatever the visitor's browser speaks.
        with translation.override("en"):
            try:
                signed = sign_up_for(request, activity, lambda: self.read(activity, request.data))
            except Refused as refusal:
                refusal.field = API_FIELDS.get(refusal.field, refusal.field)
                raise
        return Response(
            SignupReceiptSerializer(
                {
                    "reference": signed.signup.reference,
                    "status": signed.signup.status,
                    "position": signed.position,
                    "cancel_url": absolute_public_url(
                        cancel_path(signed.cancel_token, signed.signup.language), request
                    ),
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )

    def read(self, activity, data) -> Entry[SignupForm]:
        """The body as the sign-up form; a 400 naming the field for a malformed one."""
        body = SignupRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        form = SignupForm(
            data={
                "name": fields["name"],
                "contact_method": fields["contact"]["method"],
                "contact_value": fields["contact"]["value"],
                "language": fields.get("language") or self.language,
                "people": fields["people"],
                "occurrence": fields.get("occurrence") or "",
            },
            activity=activity,
        )
        return Entry(FORM_NAME, fields.get(TOKEN_FIELD), fields.get(HONEYPOT_FIELD), form)
