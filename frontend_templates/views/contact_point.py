"""The contact point's page: ask a question in one's own language, without JavaScript.

A plain form POST, checked exactly as ``POST /api/v1/questions`` checks it:
through ``public.contact_point.ask``, behind the same guard (one rate-limit
count per client for both ways in, the same spam checks and one-time form
token) and with the same ``QuestionForm``. After a question is stored the browser
is sent on to the thank-you page (so that reloading it asks nothing twice);
what that page says travels signed in its address, not in a session, and
holds nothing the asker typed.
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
from django.views.decorators.csrf import csrf_protect

from cms.contact_point.forms import FORM_NAME, QuestionForm
from cms.contact_point.intake import receipt
from public.contact_point import ask as ask_question
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused, issue_form_token

from ..languages import active_language

RECEIPT_SALT = "wegwijs.frontend.question-receipt"
# Long enough to reload the page later that day, short enough not to be a lasting record.
RECEIPT_MAX_AGE = 24 * 3600


# What the page says for each kind of refusal (``Refused.code``); anything else
# is a field to correct ("invalid").
PROBLEMS = {"throttled": "throttled", "refused": "refused", "payload_too_large": "refused"}


def _render(request: HttpRequest, form: QuestionForm, problem: str = "", status: int = 200):
    return TemplateResponse(
        request,
        "frontend_templates/ask.html",
        {
            "form": form,
            "problem": problem,
            "form_token": issue_form_token(FORM_NAME),
            "honeypot": HONEYPOT_FIELD,
            "retention_days": settings.QUESTION_RETENTION_DAYS,
        },
        status=status,
    )


@never_cache
@csrf_protect
def ask(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, QuestionForm(initial={"language": active_language()}))
    form = QuestionForm(data=request.POST)

    def read() -> Entry[QuestionForm]:
        post = request.POST
        return Entry(FORM_NAME, post.get(TOKEN_FIELD), post.get(HONEYPOT_FIELD), form)

    try:
        question = ask_question(request, read)
    except Refused as refusal:
        # A person who was quick, or came back to an old page: keep what they wrote.
        problem = PROBLEMS.get(refusal.code, "invalid")
        return _render(request, form, problem=problem, status=refusal.status)
    told = receipt(question)
    signed = signing.dumps(
        {
            "reference": told.reference,
            "partner": told.partner_name,
            "reachable": bool(form.cleaned_data.get("contact_method")),
            "erased_by": timezone.localtime(told.erased_by).date().isoformat(),
        },
        salt=RECEIPT_SALT,
        compress=True,
    )
    return HttpResponseRedirect(f"{reverse('question-sent')}?r={signed}")


@never_cache
def sent(request: HttpRequest) -> HttpResponse:
    try:
        told = signing.loads(request.GET.get("r", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    return TemplateResponse(
        request,
        "frontend_templates/question_sent.html",
        {
            "reference": told["reference"],
            "partner": told["partner"],
            "reachable": told["reachable"],
            "erased_by": parse_date(told["erased_by"]),
            "retention_days": settings.QUESTION_RETENTION_DAYS,
        },
    )
