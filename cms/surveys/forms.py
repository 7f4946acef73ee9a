"""The survey's admin form: a question must fit its kind before the survey is saved.

A choice question needs at least two options, and a scale or text question
takes none (options there would be shown to nobody but counted in results).
The options are a nested inline of each question, so this can only be
checked once every formset has been validated, which is ``is_valid``'s job
for a cluster form.
"""

from __future__ import annotations

from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm

from ..permissions.municipal_rows import narrow_municipality_choice

CHOICE_KINDS = ("single", "multiple")
MIN_OPTIONS = 2


def _kept_options(question_form) -> int:
    options = question_form.formsets.get("options")
    if options is None:
        return 0
    return sum(
        1
        for form in options.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
    )


class SurveyAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A municipality's coordinator writes surveys for their own municipality only.
        narrow_municipality_choice(self, self.for_user)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        questions = self.formsets.get("questions")
        if not valid or questions is None:
            return valid
        for form in questions.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE", False):
                continue
            kind = form.cleaned_data.get("kind")
            count = _kept_options(form)
            if kind in CHOICE_KINDS and count < MIN_OPTIONS:
                form.add_error(
                    "kind",
                    gettext("A choice question needs at least %(count)s options.")
                    % {"count": MIN_OPTIONS},
                )
                valid = False
            elif kind not in CHOICE_KINDS and count:
                form.add_error(
                    "kind", gettext("Scale and text questions take no options: remove them.")
                )
                valid = False
        return valid
