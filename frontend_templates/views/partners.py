"""Partner pages: every organisation of the platform, and what each one offers."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from cms.municipalities.lookup import for_request
from public import partners

from ..languages import active_language


def partner_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "frontend_templates/partner_list.html",
        {"partners": partners.partners(for_request(request)).order_by("name")},
    )


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = partners.partner(slug)
    if partner is None:
        raise Http404
    offer = partners.partner_offer(partner, timezone.now(), active_language())
    return TemplateResponse(
        request,
        "frontend_templates/partner_detail.html",
        {
            "partner": partner,
            "activities": offer.activities,
            "guides": offer.guides,
            "actions": offer.actions,
        },
    )
