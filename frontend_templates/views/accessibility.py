"""The accessibility statement page: one per site (municipality), in the visitor's language.

The statement is the municipality's: its name (the Wagtail site's name where a
coordinator gave it one, such as "Gemeente Tiel"), and its own address, from
the configured site, never from the host and port a request named.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.municipalities.lookup import for_site
from cms.site_address import site_root_url
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


# The name a site gets when nobody named it (cms/site_structure.py): the platform's, not
# the organisation's that makes the statement.
PLATFORM_NAME = "Wegwijs"


def organisation(request: HttpRequest) -> str:
    """Who makes the statement: the site's own name, else its municipality's."""
    site = Site.find_for_request(request)
    if site and site.site_name and site.site_name != PLATFORM_NAME:
        return site.site_name
    municipality = for_site(site)
    return municipality.name if municipality else PLATFORM_NAME


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    found = statement(organisation(request), site_root_url(request) + "/")
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
