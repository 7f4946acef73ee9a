"""What is missing or outdated, per language and per partner: the coordinator's report.

``translation_gaps`` and ``gap_summary`` are plain functions over the pages'
stored translation statuses (``TranslationTrackedMixin``); the admin view only
filters and shows them. Coordinators see every partner; a partner's editors
and contributors see their own partners' pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from ..models import ActivityPage, GuidePage, Partner
from ..permissions.roles import User, is_coordinator, partner_ids
from .languages import language_codes
from .status import TranslationStatus

CONTENT_TYPES = {"activity": ActivityPage, "guide": GuidePage}
# What the report calls each kind of page, in the reader's language.
CONTENT_TYPE_NAMES = {"activity": _("Activity"), "guide": _("Guide")}


@dataclass(frozen=True)
class TranslationGap:
    """One page whose translation is missing or outdated in at least one language."""

    page: ActivityPage | GuidePage
    kind: str
    partner: Partner
    missing: tuple[str, ...]
    outdated: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def kind_name(self) -> str:
        return str(CONTENT_TYPE_NAMES[self.kind])

    @property
    def missing_languages(self) -> str:
        return ", ".join(self.missing)

    @property
    def outdated_languages(self) -> str:
        return ", ".join(self.outdated)


def translation_gaps(
    pages: Iterable[ActivityPage | GuidePage],
    language: str | None = None,
    status: str | None = None,
) -> list[TranslationGap]:
    """The pages with a missing or outdated translation (in ``language``, of ``status``)."""
    gaps = []
    for page in pages:
        statuses = page.translation_statuses()
        if language:
            statuses = {language: statuses[language]} if language in statuses else {}
        missing = tuple(c for c, s in statuses.items() if s == TranslationStatus.MISSING)
        outdated = tuple(c for c, s in statuses.items() if s == TranslationStatus.OUTDATED)
        if status == TranslationStatus.MISSING:
            outdated = ()
        elif status == TranslationStatus.OUTDATED:
            missing = ()
        if missing or outdated:
            kind = "activity" if isinstance(page, ActivityPage) else "guide"
            partner = getattr(page, page.partner_field)
            gaps.append(TranslationGap(page, kind, partner, missing, outdated))
    return gaps


def gap_summary(gaps: Iterable[TranslationGap]) -> dict[Partner, dict[str, dict[str, int]]]:
    """``{partner: {language: {"missing": n, "outdated": n}}}`` over ``gaps``."""
    summary: dict[Partner, dict[str, dict[str, int]]] = {}
    for gap in gaps:
        row = summary.setdefault(gap.partner, {})
        for status, codes in (("missing", gap.missing), ("outdated", gap.outdated)):
            for code in codes:
                row.setdefault(code, {"missing": 0, "outdated": 0})[status] += 1
    return summary


def pages_visible_to(user: User, partner: Partner | None = None, kind: str | None = None) -> list:
    """The activities and guides whose translations the user answers for."""
    pages = []
    for name, model in CONTENT_TYPES.items():
        if kind and kind != name:
            continue
        queryset = model.objects.select_related(model.partner_field).order_by("title")
        if not is_coordinator(user):
            queryset = queryset.filter(**{f"{model.partner_field}__in": partner_ids(user)})
        if partner is not None:
            queryset = queryset.filter(**{model.partner_field: partner})
        pages.extend(queryset)
    return pages


def may_see_report(user: User) -> bool:
    return is_coordinator(user) or bool(partner_ids(user))


class TranslationReportFilterForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.none(), required=False
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Missing or outdated")),
            ("missing", _("Missing")),
            ("outdated", _("Outdated")),
        ],
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Activities and guides")), *CONTENT_TYPE_NAMES.items()],
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Partner.objects.all()
        if not is_coordinator(user):
            partners = partners.filter(pk__in=partner_ids(user))
        self.fields["partner"].queryset = partners
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, code) for code in language_codes() if code != settings.SOURCE_LANGUAGE
        ]


class TranslationReportView(ReportView):
    """Admin report: every activity and guide with a missing or outdated translation."""

    template_name = "cms/reports/translation_report.html"
    page_title = _("Translations to do")
    header_icon = "globe"
    index_url_name = "cms_translation_report"
    index_results_url_name = "cms_translation_report"
    permission_policy = None
    paginate_by = 100
    list_export = ["title", "kind", "partner", "missing_languages", "outdated_languages"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "partner": _("Partner"),
        "missing_languages": _("Missing"),
        "outdated_languages": _("Outdated"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def filters(self):
        return None

    def get_filename(self):
        return f"translations-to-do-{datetime.date.today():%Y-%m-%d}"

    def get_filtered_queryset(self):
        self.filter_form = TranslationReportFilterForm(self.request.user, self.request.GET)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        pages = pages_visible_to(self.request.user, data.get("partner"), data.get("type") or None)
        self.gaps = translation_gaps(
            pages, data.get("language") or None, data.get("status") or None
        )
        return self.gaps

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = [c for c in language_codes() if c != settings.SOURCE_LANGUAGE]
        summary = gap_summary(self.gaps)
        context.update(
            filter_form=self.filter_form,
            languages=languages,
            summary_rows=[
                (partner, [row.get(code, {"missing": 0, "outdated": 0}) for code in languages])
                for partner, row in sorted(summary.items(), key=lambda item: item[0].name)
            ],
        )
        return context
