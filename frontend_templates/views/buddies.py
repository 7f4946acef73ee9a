"""Language buddies on the site: where buddies are missing, and the two forms, without JavaScript.

The page shows per village how many migrants wait and how many buddies are
available (counts only), and links to the two forms: "I would like a buddy"
and "I want to be a buddy". Both are checked through ``public.taking_part``,
as the API's POSTs are, behind the same guard; after sending, the person sees
their reference on a page whose address holds nothing they typed.
"""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.taking_part.buddies import counts_per_village
from cms.taking_part.buddy_forms import OFFER_FORM, REQUEST_FORM, BuddyOfferForm, BuddyRequestForm
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused, issue_form_token
from public.taking_part import ask_for_buddy, offer_buddy

from ..languages import active_language

RECEIPT_SALT = "wegwijs.frontend.buddy-receipt"
RECEIPT_MAX_AGE = 24 * 3600
KINDS = {
    "request": (REQUEST_FORM, BuddyRequestForm, ask_for_buddy),
    "offer": (OFFER_FORM, BuddyOfferForm, offer_buddy),
}
PROBLEMS = {"throttled": "throttled", "refused": "refused", "payload_too_large": "refused"}


@never_cache
def buddies_page(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "frontend_templates/buddies.html", {"villages": counts_per_village()}
    )


def _render(request, kind: str, form, problem: str = "", status: int = 200):
    form_name = KINDS[kind][0]
    return TemplateResponse(
        request,
        "frontend_templates/buddy_form.html",
        {
            "kind": kind,
            "form": form,
            "problem": problem,
            "form_token": issue_form_token(form_name),
            "honeypot": HONEYPOT_FIELD,
        },
        status=status,
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def buddy_form(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    form_name, form_class, store = KINDS[kind]
    if request.method != "POST":
        return _render(request, kind, form_class(initial={"language": active_language()}))
    form = form_class(data=request.POST)

    def read():
        post = request.POST
        return Entry(form_name, post.get(TOKEN_FIELD), post.get(HONEYPOT_FIELD), form)

    try:
        person = store(request, read)
    except Refused as refusal:
        problem = PROBLEMS.get(refusal.code, "invalid")
        return _render(request, kind, form, problem=problem, status=refusal.status)
    receipt = signing.dumps(
        {
            "kind": kind,
            "reference": person.reference,
            "project": person.project.partner.name if person.project else None,
        },
        salt=RECEIPT_SALT,
    )
    return HttpResponseRedirect(f"{reverse('buddy-sent')}?r={receipt}", status=303)


@never_cache
def buddy_sent(request: HttpRequest) -> HttpResponse:
    try:
        receipt = signing.loads(
            request.GET.get("r", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE
        )
    except signing.BadSignature:
        raise Http404 from None
    return TemplateResponse(request, "frontend_templates/buddy_sent.html", {"receipt": receipt})
