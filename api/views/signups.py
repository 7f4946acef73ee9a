"""POST activities/{slug}/signups: join an activity, or its waiting list, without an account.

Whether the activity takes sign-ups (and the date is still to come) is
checked first: a closed activity is a 409, whatever the body says. Then the
anonymous-form guard (rate limit, honeypot, form token), then
``cms.taking_part.forms.SignupForm`` (shared with the site), then the place is
taken under a row lock (``cms.taking_part.capacity``). Nothing the person
typed is sent back or readable through any GET.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.contact_point.forms import first_error
from cms.public_urls import absolute_public_url
from cms.taking_part.capacity import DuplicateSignup, sign_up
from cms.taking_part.forms import FORM_NAME, SignupForm
from cms.taking_part.notifications import announce
from cms.taking_part.openings import SignupsClosed, check_open
from cms.taking_part.tokens import cancel_path

from .. import querysets
from ..errors import Conflict, InvalidParameter
from ..languages import RequestLanguageMixin
from ..schema import errors
from ..serializers.errors import ErrorSerializer
from ..serializers.signups import SignupReceiptSerializer, SignupRequestSerializer
from ..spam import HONEYPOT_FIELD, SpamRefused, check_submission
from ..throttling import PublicPostThrottle

# The form's field names as the API's body names them.
API_FIELDS = {"contact_method": "contact.method", "contact_value": "contact.value"}


class SignupCreateView(RequestLanguageMixin, APIView):
    """Only POST (and OPTIONS), only JSON; error messages in English."""

    http_method_names = ["post", "options"]
    parser_classes = [JSONParser]
    throttle_classes = [PublicPostThrottle]
    throttle_scope = "signup"

    @extend_schema(
        summary="Sign up for an activity, or join its waiting list",
        description="For activities whose `registration.type` is `wegwijs`. A place is given "
        "when the group fits, else the person waits and is confirmed automatically, in order, "
        "when places come free. On any error nothing is stored and `field` names the problem; "
        "`refused` means the honeypot was filled in or the form token is missing, stale or "
        "too fresh. 409: the activity takes no sign-ups (`signups_closed`), the date or the "
        "activity is past (`occurrence_past`), or this contact is already signed up for this "
        "date (`duplicate_signup`).",
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
        activity = querysets.activities().filter(slug=slug).first()
        if activity is None:
            raise Http404
        now = timezone.now()
        with translation.override("en"):
            try:
                check_open(activity, None, now)
            except SignupsClosed as closed:
                raise Conflict(closed.code, closed.message) from None
            form = self.checked_form(activity, request.data)
            wanted = form.signup_request()
            try:
                check_open(activity, form.cleaned_data.get("occurrence"), now)
            except SignupsClosed as closed:
                raise Conflict(closed.code, closed.message, field="occurrence") from None
        try:
            signed = sign_up(activity, wanted)
        except DuplicateSignup:
            raise Conflict(
                "duplicate_signup",
                "This contact is already signed up for this date; the confirmation has the "
                "link to cancel.",
                field="contact",
            ) from None
        announce(signed.signup, signed.cancel_token, signed.position)
        return Response(
            SignupReceiptSerializer(
                {
                    "reference": signed.signup.reference,
                    "status": signed.signup.status,
                    "position": signed.position,
                    "cancel_url": absolute_public_url(
                        cancel_path(signed.cancel_token, signed.signup.language)
                    ),
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )

    def checked_form(self, activity, data) -> SignupForm:
        """The valid form; a 400 naming the field (in the body's terms) for anything else."""
        body = SignupRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        fields = body.validated_data
        try:
            check_submission(FORM_NAME, fields.get("form_token"), fields.get(HONEYPOT_FIELD))
        except SpamRefused as refusal:
            raise InvalidParameter(refusal.field, refusal.message, code="refused") from None
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
        if not form.is_valid():
            field, message = first_error(form)
            raise InvalidParameter(API_FIELDS.get(field, field), message)
        return form
