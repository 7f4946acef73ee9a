"""Partner pages: every organisation of the platform, and what each one offers."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from api import querysets
from cms.models import Partner
from cms.translation.fallback import reading_order

from ..activities import upcoming
from ..languages import active_language

ACTIVITIES_SHOWN = 20


def partner_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "frontend_templates/partner_list.html",
        {"partners": Partner.objects.order_by("name")},
    )


def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = Partner.objects.filter(slug=slug).select_related("logo").first()
    if partner is None:
        raise Http404
    now = timezone.now()
    return TemplateResponse(
        request,
        "frontend_templates/partner_detail.html",
        {
            "partner": partner,
            # The activity query builder's own partner filter: organised or co-organised.
            "activities": list(
                upcoming({"partner": partner.slug, "starts_after": now}, now)[:ACTIVITIES_SHOWN]
            ),
            "guides": list(
                querysets.guides()
                .filter(author=partner)
                .order_by(reading_order("title", active_language()), "slug")
            ),
            "actions": list(
                partner.policy_actions.filter(plan__in=querysets.published_plans()).select_related(
                    "building_block"
                )
            ),
        },
    )
