"""The coordinator's coverage report (and its CSV) and the start-page panels of the desk.

Coordinators see the coverage report and a per-language summary on their
start page; translators see the size of their queue there.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..csv_safety import writer
from ..permissions.roles import is_coordinator
from .coverage import CLASSES, coverage, per_language
from .desk_admin import DESK, desk_languages
from .languages import name_in_admin
from .queue import translation_queue
from .scope import Scope, translator_scope


def class_labels() -> list[str]:
    """The column headings of ``CLASSES``, in order, worded as on the start page's panel.

    The CSV keeps the codes: a spreadsheet reads them the same in every language.
    """
    machine = pgettext(DESK, "Machine translation")
    return [
        pgettext(DESK, "Written by a person"),
        f"{machine}, {pgettext(DESK, 'reviewed')}",
        f"{machine}, {pgettext(DESK, 'not reviewed')}",
        pgettext(DESK, "Missing"),
    ]


class CoverageReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per municipality, partner and language: the share of visible texts in each class;
    ``?export=csv``."""

    template_name = "cms/translation/coverage.html"
    page_title = gettext_lazy("Translation coverage")

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        rows = coverage()
        if request.GET.get("export") == "csv":
            return coverage_csv(rows)
        # Each text once in the totals, though a shared guide has a row in each municipality.
        totals = per_language(coverage(by_municipality=False))
        return self.render_to_response(
            self.get_context_data(
                rows=rows, totals=totals, classes=class_labels(), names=name_in_admin
            )
        )


def coverage_csv(rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"translation-coverage-{datetime.date.today():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    out = writer(response)
    out.writerow(["municipality", "partner", "language", *CLASSES, "total"])
    for row in rows:
        counts = [row.counts[k] for k in CLASSES]
        out.writerow([row.municipality, row.partner_name, row.language, *counts, row.total])
    return response


class TranslatorQueuePanel(Component):
    """A translator's start page: how much waits in each of their languages."""

    name = "translator_queue"
    template_name = "cms/translation/queue_panel.html"
    order = 5

    def __init__(self, languages: list[str], scopes: dict[str, Scope]):
        self.languages = languages
        self.scopes = scopes  # per language: the municipalities they translate it for

    def get_context_data(self, parent_context=None):
        url = reverse("cms_translation_queue")
        return {
            "queues": [
                (
                    name_in_admin(code),
                    len(translation_queue(code, scope=self.scopes[code])),
                    f"{url}?language={code}",
                )
                for code in self.languages
            ]
        }


class CoveragePanel(Component):
    """A coordinator's start page: per language, the share of visible texts by a person."""

    name = "translation_coverage"
    template_name = "cms/translation/coverage_panel.html"
    order = 20

    def get_context_data(self, parent_context=None):
        return {
            "totals": per_language(coverage(by_municipality=False)),
            "report_url": reverse("cms_translation_coverage"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panels(request, panels: list) -> None:
    if is_coordinator(request.user):
        panels.append(CoveragePanel())
        return
    languages = desk_languages(request.user)
    if languages:
        scopes = {code: translator_scope(request.user, code) for code in languages}
        panels.insert(0, TranslatorQueuePanel(languages, scopes))


def admin_urls() -> list:
    return [
        path(
            "reports/translation-coverage/",
            CoverageReportView.as_view(),
            name="cms_translation_coverage",
        )
    ]
