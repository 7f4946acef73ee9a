"""The admin side of a partner's calendar: its feed, its last import, and a button to run one now.

Coordinators and the partner's own editors may see it, link or change the
feed (``feed_form``) and start an import; the work itself is queued
(``tasks``), so the page answers at once and shows "waiting" until the worker
is done.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton

from ..models import Partner
from ..permissions.roles import editor_partner_ids, is_coordinator
from .feed_form import CalendarFeedForm
from .models import CalendarImport
from .runs import ImportRunning
from .tasks import queue_import


def may_import(user, partner: Partner) -> bool:
    return is_coordinator(user) or partner.pk in editor_partner_ids(user)


class CalendarImportView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the feed and how its last import went; POST: queue an import now."""

    template_name = "cms/calendars/import.html"
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.partner = get_object_or_404(Partner, pk=kwargs["partner_id"])
        if not may_import(request.user, self.partner):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Calendar of %(name)s") % {"name": self.partner.name}

    def get_context_data(self, **kwargs):
        state = CalendarImport.objects.filter(partner=self.partner).first()
        kwargs.setdefault("feed_form", CalendarFeedForm(instance=self.partner))
        return super().get_context_data(partner=self.partner, state=state, **kwargs)

    def post(self, request, *args, **kwargs):
        if "save_feed" in request.POST:
            return self.save_feed(request)
        if not self.partner.calendar_url:
            messages.error(request, _("Link a calendar feed to this partner first (Edit partner)."))
        else:
            try:
                queue_import(self.partner)
            except ImportRunning:
                messages.warning(
                    request, _("An import of this calendar is running; its result shows here soon.")
                )
            else:
                messages.success(
                    request, _("The import is queued; this page shows the result when it is done.")
                )
        return redirect(request.path)

    def save_feed(self, request):
        """Link or change the feed; a refusal names the field and changes nothing."""
        form = CalendarFeedForm(request.POST, instance=self.partner)
        if not form.is_valid():
            self.partner.refresh_from_db()
            context = self.get_context_data(feed_form=form)
            return self.render_to_response(context, status=400)
        form.save()
        messages.success(request, _("Calendar feed saved."))
        return redirect(request.path)


def admin_urls() -> list:
    return [
        path(
            "partners/<int:partner_id>/calendar/",
            CalendarImportView.as_view(),
            name="cms_partner_calendar",
        )
    ]


def listing_buttons(partner: Partner, user):
    if partner.calendar_url and may_import(user, partner):
        yield ListingButton(
            pgettext("start page", "Calendar import"),
            reverse("cms_partner_calendar", args=[partner.pk]),
            icon_name="date",
            priority=30,
        )
