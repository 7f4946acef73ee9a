"""Wagtail start-page panels: a partner's people see their own work, coordinators the platform's
(a municipality's coordinators, their municipality's).

Registered with ``construct_homepage_panels``; Wagtail's own panels (pages in
review, recent edits) stay below. What a panel shows is computed in ``work``;
here only who sees which panel, and the links to where the work is done.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from ..models import ActivityIndexPage, Partner, PartnerRole
from ..municipalities.lookup import by_pk
from ..permissions.roles import (
    coordinated_municipality_ids,
    is_coordinator,
    is_municipality_coordinator,
    partner_ids,
)
from ..posters.admin import contact_point_posters
from . import work


class PartnerWorkPanel(Component):
    """For a partner's editors and contributors: their activities, sign-ups, translations,
    questions."""

    name = "partner_work"
    template_name = "cms/dashboard/partner_work.html"
    order = 10

    def __init__(self, user):
        self.partners = partner_ids(user)
        self.editor_of = partner_ids(user, [PartnerRole.EDITOR])

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        index = ActivityIndexPage.objects.only("id").first()
        partners = list(
            Partner.objects.filter(pk__in=self.partners)
            .select_related("calendar_import")
            .only("id", "name", "calendar_url", "calendar_import")
        )
        return {
            "partners": partners,
            "calendars": [
                (
                    p,
                    getattr(p, "calendar_import", None),
                    reverse("cms_partner_calendar", args=[p.pk]),
                )
                # Without a feed yet too: the editor links it from the same page.
                for p in partners
                if p.pk in self.editor_of
            ],
            "upcoming": work.upcoming_activities(self.partners, now),
            "add_activity_url": (
                reverse("wagtailadmin_pages:add", args=["cms", "activitypage", index.pk])
                if index
                else None
            ),
            "translations": work.translation_todo(self.partners),
            "translation_report_url": reverse("cms_translation_report"),
            # Contributors see no questions (README: the contact point).
            "questions": (
                work.waiting_questions(self.editor_of).count() if self.editor_of else None
            ),
            "questions_url": reverse("questions:index"),
            # Sign-ups are handled by editors (cms.taking_part.permissions), as questions are.
            "signups": (work.upcoming_signups(self.editor_of, now) if self.editor_of else None),
            "signups_url": reverse("signups:index"),
            "in_review": work.pages_awaiting_approval(self.partners),
        }


class CoordinatorWorkPanel(Component):
    """For coordinators: what slipped, what waits for approval, how complete the languages are.

    A municipality's coordinator sees the same panel over their own
    municipalities (``municipalities``); the regional coordinator, ``None``, over all.
    """

    name = "coordinator_work"
    template_name = "cms/dashboard/coordinator_work.html"
    order = 10

    def __init__(self, municipalities: frozenset[int] | None = None):
        self.municipalities = municipalities

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        today = timezone.localdate()
        where = self.municipalities
        stale_count, stale = work.guides_to_review(today, municipalities=where)
        return {
            "municipality_names": self._names(),
            "overdue_questions": work.overdue_questions(now, where),
            "questions_url": reverse("questions:index") + "?status=new",
            "in_review": work.pages_awaiting_approval(municipalities=where),
            "workflow_url": reverse("wagtailadmin_reports:workflow"),
            "coverage": work.translation_coverage(where),
            "translation_report_url": reverse("cms_translation_report"),
            "responses_this_week": work.survey_responses_since(today - timedelta(days=6), where),
            "surveys_url": reverse("wagtailsnippets_cms_survey:list"),
            "stale_count": stale_count,
            "stale_guides": stale,
            "contact_posters": contact_point_posters(only=where),
            "failed_calendars": work.failed_calendars(where),
        }

    def _names(self) -> str:
        """ "Tiel", "Neder-Betuwe, Tiel": whose week the heading names ("" for the region)."""
        if self.municipalities is None:
            return ""
        found = sorted(m.name for pk in self.municipalities if (m := by_pk(pk)) is not None)
        return ", ".join(found)


@hooks.register("construct_homepage_panels")
def add_work_panels(request, panels: list) -> None:
    user = request.user
    if is_coordinator(user):
        panels.insert(0, CoordinatorWorkPanel())
        return
    # A municipality's coordinator may also be an editor (of the municipality as a partner):
    # both panels then, their municipality's first.
    if partner_ids(user):
        panels.insert(0, PartnerWorkPanel(user))
    if is_municipality_coordinator(user):
        panels.insert(0, CoordinatorWorkPanel(coordinated_municipality_ids(user)))
