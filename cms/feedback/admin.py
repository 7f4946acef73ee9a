"""The coordinator's totals of "Was this clear?": per language across all pages, and the pages
readers found least clear. Editors see their own pages' answers in the page editor."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from ..permissions.roles import is_coordinator
from .models import PageFeedback
from .totals import tallies

LEAST_CLEAR_SHOWN = 20


class FeedbackTotalsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/reports/feedback_totals.html"
    page_title = _("Was this clear? Totals")

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tallies"] = tallies(PageFeedback.objects.all())
        unclear = (
            PageFeedback.objects.values("page", "language")
            .annotate(unclear=Count("pk", filter=Q(clear=False)), total=Count("pk"))
            .filter(unclear__gt=0)
            .order_by("-unclear", "page", "language")[:LEAST_CLEAR_SHOWN]
        )
        titles = dict(
            Page.objects.filter(pk__in={row["page"] for row in unclear}).values_list("pk", "title")
        )
        context["least_clear"] = [{**row, "title": titles.get(row["page"], "")} for row in unclear]
        return context


class FeedbackTotalsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)
