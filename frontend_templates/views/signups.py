"""Signing up for an activity on the site, and cancelling, without JavaScript.

The activity's page carries the form (``{% signup_box %}``); it posts here,
where it is checked exactly as ``POST /api/v1/activities/{slug}/signups``
checks it, through ``public.taking_part.sign_up_for``: the same guard (rate
limit counted with the API's, honeypot, one-time form token), the same
``SignupForm``, the same locked count. After a sign-up the
browser is sent on to a receipt page (so that reloading it signs nobody up
twice); what that page says travels signed in its address and holds nothing
the person typed.

The cancel link (``/<lang>/afmelden/<secret>/``) shows what would be
cancelled, without the person's name or contact, and cancels on a button:
a GET must not cancel, or a mail program that opens links to check them
would cancel for the person.

No CSRF cookie, as for the surveys: there is no session to ride on, and the
signed form token does a CSRF token's work.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.models import ActivityPage
from cms.public_urls import absolute_public_url
from cms.taking_part.capacity import signup_capacity
from cms.taking_part.forms import FORM_NAME, SignupForm
from cms.taking_part.openings import SignupsClosed, check_open, per_date, upcoming_dates
from cms.taking_part.places import places_left
from cms.taking_part.tokens import cancel_path
from public.activities import activity as published_activity
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused, issue_form_token
from public.taking_part import cancel_by_link, sign_up_for, signup_by_cancel_token

from ..languages import active_language

RECEIPT_SALT = "wegwijs.frontend.signup-receipt"
# Long enough to reload the page later that day, short enough not to be a lasting record.
RECEIPT_MAX_AGE = 24 * 3600
# What the form says for each kind of refusal (``Refused.code``); anything else
# is a field to correct ("invalid").
PROBLEMS = {
    "throttled": "throttled",
    "refused": "refused",
    "payload_too_large": "refused",
    "duplicate_signup": "duplicate",
    "signups_closed": "closed",
    "occurrence_past": "closed",
}


def signup_box(activity: ActivityPage, form: SignupForm | None = None, problem: str = "") -> dict:
    """What the sign-up form needs: the form, the dates with their places, a fresh token."""
    now = timezone.now()
    days = upcoming_dates(activity, now) if per_date(activity) else [None]
    left = places_left(activity, days)
    try:
        check_open(activity, None, now)
        is_open = True
    except SignupsClosed:
        is_open = False
    if form is None:
        form = SignupForm(initial={"language": active_language(), "people": 1}, activity=activity)
    return {
        "activity": activity,
        "form": form,
        "problem": problem,
        "open": is_open,
        "dates": [{"date": day, "places_left": left[day]} for day in days if day is not None],
        "places_left": left[days[0]] if days else 0,
        "capacity": signup_capacity(activity),
        "form_token": issue_form_token(FORM_NAME),
        "honeypot": HONEYPOT_FIELD,
        "retention_days": settings.SIGNUP_RETENTION_DAYS,
    }


def _render(request, activity, form=None, problem="", status=200) -> TemplateResponse:
    return TemplateResponse(
        request,
        "frontend_templates/signup.html",
        {"page": activity, "signup": signup_box(activity, form, problem)},
        status=status,
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup_page(request: HttpRequest, slug: str) -> HttpResponse:
    activity = published_activity(slug)
    if activity is None:
        raise Http404
    if request.method != "POST":
        return _render(request, activity)
    form = SignupForm(data=request.POST, activity=activity)

    def read() -> Entry[SignupForm]:
        post = request.POST
        return Entry(FORM_NAME, post.get(TOKEN_FIELD), post.get(HONEYPOT_FIELD), form)

    try:
        signed = sign_up_for(request, activity, read)
    except Refused as refusal:
        # Keep what the person wrote; say what to do.
        problem = PROBLEMS.get(refusal.code, "invalid")
        return _render(request, activity, form, problem=problem, status=refusal.status)
    day = signed.signup.signup_list.date
    receipt = signing.dumps(
        {
            "reference": signed.signup.reference,
            "status": signed.signup.status,
            "position": signed.position,
            "date": day.isoformat() if day else None,
            "cancel": absolute_public_url(
                cancel_path(signed.cancel_token, active_language()), request
            ),
        },
        salt=RECEIPT_SALT,
        compress=True,
    )
    done = reverse("signup-done", kwargs={"slug": activity.slug})
    return HttpResponseRedirect(f"{done}?r={receipt}", status=303)


@never_cache
def signup_done(request: HttpRequest, slug: str) -> HttpResponse:
    activity = published_activity(slug)
    try:
        receipt = signing.loads(
            request.GET.get("r", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE
        )
    except signing.BadSignature:
        raise Http404 from None
    if activity is None:
        raise Http404
    receipt["date"] = parse_date(receipt["date"]) if receipt.get("date") else None
    return TemplateResponse(
        request, "frontend_templates/signup_done.html", {"page": activity, "receipt": receipt}
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def cancel_signup(request: HttpRequest, token: str) -> HttpResponse:
    signup = signup_by_cancel_token(token)
    if signup is None:
        raise Http404
    cancelled_now = request.method == "POST" and cancel_by_link(signup)
    return TemplateResponse(
        request,
        "frontend_templates/signup_cancel.html",
        {
            "page": signup.signup_list.activity,
            "signup": signup,
            "date": signup.signup_list.date,
            "cancelled_now": cancelled_now,
        },
    )
