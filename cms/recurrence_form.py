"""The repetition fields of the activity form, in words, shared with the dates preview.

``RepetitionForm`` holds the choices a volunteer makes ("every week on
Tuesday until 30 June, not on 28 December") and turns them into a
``cms.recurrence_words.Repetition``; the activity's page form adds it to its
own fields and the admin's preview of the next dates validates the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import get_day_names
from django import forms
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from .recurrence_words import Repetition

SHAPES = [
    ("once", _("Once")),
    ("daily", _("Every day")),
    ("weekly", _("Every week or every few weeks, on chosen days")),
    ("monthly", _("Every month")),
]
MONTHLY_BY = [
    ("date", _("On the same date (for example the 5th)")),
    ("weekday", _("On the same weekday (for example the last Sunday)")),
]
# Which field a problem of ``cms.recurrence_words.problems`` belongs to.
PROBLEM_FIELDS = {
    "interval": "repeat_interval",
    "weekdays": "repeat_weekdays",
    "until": "repeat_until",
    "skipped": "repeat_skip",
}


def weekday_choices() -> list[tuple[str, str]]:
    """Monday to Sunday in the editor's language (CLDR names through Babel)."""
    names = get_day_names("wide", locale=to_locale(get_language() or "nl"))
    return [(str(day), names[day]) for day in range(7)]


def parse_days(text: str) -> tuple[date, ...]:
    """Dates as editors type them, one per line or comma: 2027-12-28 or 28-12-2027."""
    found = []
    for item in text.replace(",", "\n").split():
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                found.append(datetime.strptime(item, pattern).date())
                break
            except ValueError:
                continue
        else:
            raise forms.ValidationError(
                _("“%(value)s” is not a date. Write it as 28-12-2027."), params={"value": item}
            )
    return tuple(sorted(set(found)))


class RepetitionForm(forms.Form):
    """The repetition as chosen; ``repetition()`` after validation."""

    repeat = forms.ChoiceField(
        label=_("Repeats"),
        choices=SHAPES,
        widget=forms.RadioSelect,
        initial="once",
        # Nothing chosen (a form that does not show the choice) changes nothing.
        required=False,
    )
    repeat_interval = forms.IntegerField(
        label=_("Every how many"),
        min_value=1,
        max_value=52,
        initial=1,
        required=False,
        help_text=_("1: every time; 2: every other week, day or month; 3: every third."),
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=_("On"), choices=(), widget=forms.CheckboxSelectMultiple, required=False
    )
    repeat_monthly_by = forms.ChoiceField(
        label=_("Which day of the month"),
        choices=MONTHLY_BY,
        widget=forms.RadioSelect,
        initial="date",
        required=False,
    )
    repeat_until = forms.DateField(
        label=_("Last date"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leave empty when it goes on."),
    )
    repeat_skip = forms.CharField(
        label=_("Dates it does not take place"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Holidays, for example: one date per line, like 28-12-2027."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["repeat_weekdays"].choices = weekday_choices()

    def repetition(self) -> Repetition:
        """The chosen shape, from cleaned data (after field validation)."""
        data = self.cleaned_data
        return Repetition(
            frequency=data.get("repeat") or "once",
            interval=data.get("repeat_interval") or 1,
            weekdays=tuple(sorted(int(day) for day in data.get("repeat_weekdays") or ())),
            monthly_by=data.get("repeat_monthly_by") or "date",
            until=data.get("repeat_until"),
            skipped=data.get("repeat_skip") or (),
        )

    def clean_repeat_skip(self) -> tuple[date, ...]:
        return parse_days(self.cleaned_data.get("repeat_skip") or "")
