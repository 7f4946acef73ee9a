"""The glossary page: words of Dutch letters and websites, explained in the visitor's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from public.glossary import glossary_terms


def glossary_page(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "frontend_templates/glossary.html", {"terms": glossary_terms()}
    )
