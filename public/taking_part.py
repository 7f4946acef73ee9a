"""Taking part: signing up for an activity, and offering or asking for a language buddy.

The same steps for the API and the site's forms.

Both presenters build a ``SignupForm`` from what was sent and hand it in
through ``sign_up_for``: whether the activity takes sign-ups comes first (a
409 whatever the body says, and no form token used up), then the guard (size,
rate, honeypot, one-time token), then the form, whether the chosen date is
still to come, and the place, under the list's row lock
(``cms.taking_part.capacity``). The e-mails go out once it is all committed.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest
from django.utils import timezone

from cms.form_errors import first_error
from cms.models import ActivityPage, BuddyOffer, BuddyRequest, Signup
from cms.taking_part.buddies import receive
from cms.taking_part.buddy_forms import BuddyOfferForm, BuddyRequestForm
from cms.taking_part.buddy_models import BuddyPerson
from cms.taking_part.capacity import DuplicateSignup, SignedUp, cancel, sign_up
from cms.taking_part.forms import SignupForm
from cms.taking_part.notifications import announce, announce_cancellation
from cms.taking_part.openings import SignupsClosed, check_open
from cms.taking_part.tokens import token_hash

from .guard import Entry, Refused, guarded

# The rate (``PUBLIC_POST_RATES``) shared by the API and the site.
SIGNUP_SCOPE = "signup"


def _closed(closed: SignupsClosed, field: str | None = None) -> Refused:
    return Refused(HTTPStatus.CONFLICT, closed.code, closed.message, field)


def sign_up_for(
    request: HttpRequest, activity: ActivityPage, read: Callable[[], Entry[SignupForm]]
) -> SignedUp:
    """Sign up with the form ``read`` parses from ``request``, or raise ``Refused``."""
    now = timezone.now()
    try:
        check_open(activity, None, now)
    except SignupsClosed as closed:
        raise _closed(closed) from None

    def record(form: SignupForm) -> SignedUp:
        if not form.is_valid():
            raise Refused.invalid(*first_error(form))
        try:
            check_open(activity, form.cleaned_data.get("occurrence"), now)
        except SignupsClosed as closed:
            raise _closed(closed, "occurrence") from None
        try:
            return sign_up(activity, form.signup_request())
        except DuplicateSignup:
            raise Refused(
                HTTPStatus.CONFLICT,
                "duplicate_signup",
                "This contact is already signed up for this date; the confirmation has the "
                "link to cancel.",
                "contact",
            ) from None

    signed = guarded(request, SIGNUP_SCOPE, read, record)
    announce(signed.signup, signed.cancel_token, signed.position)
    return signed


def signup_by_cancel_token(token: str) -> Signup | None:
    """The sign-up a cancel link's secret belongs to, while it still holds personal data."""
    return (
        Signup.objects.select_related("signup_list__activity")
        .filter(cancel_token_hash=token_hash(token), personal_data_erased_at__isnull=True)
        .first()
    )


def cancel_by_link(signup: Signup) -> bool:
    """Cancel through the link; False when it was cancelled already. Tells who moved up."""
    if signup.status == Signup.Status.CANCELLED:
        return False
    promoted = cancel(signup)
    announce_cancellation(signup, promoted)
    return True


# Buddy offers and requests share one rate: a person sends one or the other.
BUDDY_SCOPE = "buddy"


def _record_buddy(person_class):
    def record(form) -> BuddyPerson:
        if not form.is_valid():
            raise Refused.invalid(*first_error(form))
        return receive(person_class(), form.cleaned_data)

    return record


def offer_buddy(request: HttpRequest, read: Callable[[], Entry[BuddyOfferForm]]) -> BuddyOffer:
    """Store a volunteer's offer ``read`` parses from ``request``, or raise ``Refused``."""
    return guarded(request, BUDDY_SCOPE, read, _record_buddy(BuddyOffer))


def ask_for_buddy(
    request: HttpRequest, read: Callable[[], Entry[BuddyRequestForm]]
) -> BuddyRequest:
    """Store a migrant's request ``read`` parses from ``request``, or raise ``Refused``."""
    return guarded(request, BUDDY_SCOPE, read, _record_buddy(BuddyRequest))
