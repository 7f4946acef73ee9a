"""The next five dates, shown beside the repetition choices while the editor changes them.

The panel lists the dates of the activity as saved; a small script posts the
form's date and repetition fields to ``preview_dates`` on every change and
swaps in the list it answers (or the plain explanation of what does not fit),
written in the editor's own language. Without JavaScript the list follows the
next save.
"""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import Panel
from wagtail.admin.widgets import AdminDateTimeInput

from .recurrence import next_occurrences
from .recurrence_form import PROBLEM_FIELDS, RepetitionForm
from .recurrence_words import problems, skipped_starts, to_rule

PREVIEW_COUNT = 5


class PreviewForm(RepetitionForm):
    """The fields the preview needs: the first date and the repetition."""

    starts_at = forms.DateTimeField(widget=AdminDateTimeInput)
    ends_at = forms.DateTimeField(widget=AdminDateTimeInput, required=False)


def upcoming(
    starts_at: datetime, ends_at: datetime | None, rule: str, excluded=(), now=None
) -> list[datetime]:
    """The next ``PREVIEW_COUNT`` starts from now (or from the first date, if later)."""
    moment = now or timezone.now()
    return [
        occurrence.starts_at
        for occurrence in next_occurrences(
            starts_at, ends_at, rule, moment, PREVIEW_COUNT, excluded=excluded
        )
    ]


@require_POST
def preview_dates(request: HttpRequest) -> HttpResponse:
    """The dates list (or what does not fit) for the posted fields, as an HTML fragment."""
    form = PreviewForm(request.POST, prefix=None)
    context: dict = {"dates": [], "problems": []}
    if form.is_valid():
        repetition = form.repetition()
        starts_at = form.cleaned_data["starts_at"]
        found = problems(repetition, starts_at)
        if found:
            context["problems"] = list(found.values())
        else:
            rule = to_rule(repetition, starts_at)
            skipped = {
                datetime.fromisoformat(start) for start in skipped_starts(repetition, starts_at)
            }
            context["dates"] = upcoming(starts_at, form.cleaned_data["ends_at"], rule, skipped)
    else:
        context["problems"] = [
            message
            for name in ("starts_at", *PROBLEM_FIELDS.values())
            for message in form.errors.get(name, ())
        ]
    return TemplateResponse(request, "cms/recurrence/dates.html", context)


class NextDatesPanel(Panel):
    """Read-only: the next five dates, kept current by ``preview_dates`` as the form changes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Next dates"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "next_dates"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/recurrence/next_dates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["dates"] = (
                [o.starts_at for o in page.next_occurrences(PREVIEW_COUNT)]
                if page and page.starts_at
                else []
            )
            return context
