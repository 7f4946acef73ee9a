"""The plan's progress in its page editor: the chart of the public plan page, with its numbers.

A coordinator filling in the plan sees what visitors will see, the bars per
building block (``templatetags.charts.plan_progress_chart``), and the numbers
as a table for screen readers. Attached to ``PolicyPlanPage`` when the app is
ready (``apps``): the model module must not import the plan's queries, which
import the models.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .policy_overview import plan_overview


class PlanProgressPanel(Panel):
    """Read-only: progress per building block of the plan's actions, as saved."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Progress per building block"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "plan_progress"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/plan_progress.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["plan"] = plan_overview(self.instance)
            context["page"] = self.instance
            return context
