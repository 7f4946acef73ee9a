"""The activity's edit form: repetition chosen in words, the RRULE written underneath.

A volunteer picks "every week on Tuesday until 30 June, not on 28 December";
the form turns that into the activity's ``recurrence`` (an RFC 5545 RRULE) with
``cms.recurrence_words`` and refuses, in plain words, what does not fit the
first date. A rule the widget cannot show (one that came from a calendar feed,
say) is kept as it is; only a coordinator may write a rule as text.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .municipalities.defaults import default_municipalities
from .permissions.pages import PartnerContentPageForm
from .permissions.roles import is_coordinator
from .recurrence import AMSTERDAM
from .recurrence_form import PROBLEM_FIELDS, SHAPES, RepetitionForm
from .recurrence_words import (
    Repetition,
    from_rule,
    problems,
    rule_problem,
    skipped_starts,
    to_rule,
)
from .translation.screens import SOURCE_LANGUAGE
from .venues.activity_place import ActivityPlaceFormMixin

KEEP = "keep"  # the stored rule, which the widget cannot show
AS_TEXT = "rule"  # a coordinator writes the rule as text


def category_select(field) -> None:
    """A plain select of the ten categories (one tap, no chooser window), marked for the
    form's script with the sport category: the mixed team belongs to it."""
    if field is None:
        return
    from .models import Category

    sport = Category.objects.filter(slug="sport").values_list("pk", flat=True)
    field.widget = forms.Select(attrs={"data-sport": ",".join(str(pk) for pk in sport)})
    field.widget.choices = field.choices


class ActivityPageForm(RepetitionForm, ActivityPlaceFormMixin, PartnerContentPageForm):
    repeat_rule = forms.CharField(
        label=_("Rule as text (RFC 5545 RRULE)"),
        required=False,
        help_text=_("For coordinators: a rule the choices above cannot express."),
    )

    class Media:
        js = ["cms/activity-form.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        category_select(self.fields.get("category"))
        if "summary_nl" in self.fields:
            self.fields["summary_nl"].widget.attrs["rows"] = 3
        if not self.instance.pk and "languages_offered" in self.fields:
            # Most activities are in Dutch; the editor adds the others they speak.
            self.fields["languages_offered"].initial = [SOURCE_LANGUAGE]
        instance = self.instance
        stored = instance.recurrence or ""
        shown = from_rule(stored, instance.starts_at) if instance.starts_at else Repetition()
        choices = list(SHAPES)
        if shown is None:
            choices.append((KEEP, _("Keep the current rule: %(rule)s") % {"rule": stored}))
        if is_coordinator(self.for_user):
            choices.append((AS_TEXT, _("Another rule, written as text")))
            self.initial.setdefault("repeat_rule", stored)
        else:
            del self.fields["repeat_rule"]
        self.fields["repeat"].choices = choices
        if not self.is_bound:
            self._show(shown or Repetition(), keep=shown is None, instance=instance)

    def _show(self, shown: Repetition, *, keep: bool, instance) -> None:
        self.initial.update(
            repeat=KEEP if keep else shown.frequency,
            repeat_interval=shown.interval,
            repeat_weekdays=[str(day) for day in shown.weekdays],
            repeat_monthly_by=shown.monthly_by,
            repeat_until=shown.until,
            repeat_skip="\n".join(
                start.astimezone(AMSTERDAM).strftime("%d-%m-%Y")
                for start in sorted(instance.skipped_starts)
            ),
        )
        if not keep and not shown.weekdays and instance.starts_at:
            self.initial["repeat_weekdays"] = [str(instance.starts_at.weekday())]

    def clean(self):
        cleaned = super().clean()
        if "municipalities" in self.fields and not cleaned.get("municipalities"):
            # Left empty: where its location lies, among the organiser's municipalities.
            cleaned["municipalities"] = default_municipalities(
                cleaned.get("organiser"),
                cleaned.get("lat"),
                cleaned.get("lon"),
                cleaned.get("venue"),
            )
        shape = cleaned.get("repeat")
        starts_at = cleaned.get("starts_at")
        if not shape or starts_at is None:
            return cleaned
        if shape in (KEEP, AS_TEXT):
            if shape == AS_TEXT:
                # The widget's own check, on the box the coordinator typed in.
                rule = (cleaned.get("repeat_rule") or "").strip()
                problem = rule_problem(rule, starts_at)
                if problem:
                    self.add_error("repeat_rule", problem)
                    return cleaned
                self.instance.recurrence = rule
            # The skipped dates still come from the list the editor sees.
            self.instance.recurrence_exceptions = skipped_starts(self.repetition(), starts_at)
            return cleaned
        repetition = self.repetition()
        found = problems(repetition, starts_at)
        for problem, message in found.items():
            self.add_error(PROBLEM_FIELDS[problem], message)
        if not found:
            self.instance.recurrence = to_rule(repetition, starts_at)
            self.instance.recurrence_exceptions = skipped_starts(repetition, starts_at)
        return cleaned

    def _update_errors(self, errors: ValidationError) -> None:
        """The model checks ``recurrence`` too, a field this form does not have.

        Django fails the whole request on an error for a field the form lacks;
        a kept rule that gives no date once the first date moved would do that.
        Its complaint goes on the repetition instead, in plain words (once:
        ``clean`` may have said why already).
        """
        on_rule = hasattr(errors, "error_dict") and errors.error_dict.pop("recurrence", None)
        if on_rule and not (self.has_error("repeat") or self.has_error("repeat_rule")):
            instance = self.instance
            self.add_error(
                "repeat",
                rule_problem(instance.recurrence, instance.starts_at)
                or _("The rule gives no date from the first date on."),
            )
        super()._update_errors(errors)
