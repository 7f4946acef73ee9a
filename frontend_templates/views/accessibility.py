"""The accessibility statement page: one per site (municipality), in the visitor's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from public.accessibility.statement import CATEGORIES, statement

# The page types Lighthouse measures (bench/lighthouse.py), as visitors call them.
PAGE_TYPE_NAMES = {
    "home": _("Home page"),
    "activity list": _("Activities"),
    "activity": _("Activity"),
    "guide list": _("Guides"),
    "guide": _("Guide"),
    "policy plan": _("Policy plan"),
    "survey": _("Survey"),
    "question form": _("Ask a question"),
    "organisations": _("Organisations"),
    "accessibility statement": _("Accessibility statement"),
}


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    name = site.site_name if site and site.site_name else "Wegwijs"
    found = statement(name, request.build_absolute_uri("/"))
    rows = []
    if found.measurements:
        rows = [
            {
                "name": PAGE_TYPE_NAMES.get(page.page_type, page.page_type),
                "language": page.language,
                "scores": [page.scores[category] for category in CATEGORIES],
            }
            for page in found.measurements.pages
        ]
    return TemplateResponse(
        request,
        "frontend_templates/accessibility.html",
        {"statement": found, "rows": rows},
    )
