"""Machine drafts in the admin: this month's budget, a draft of one object, a whole language.

Coordinators only for now (the translation desk's translators and editors can be
given ``may_ask_drafts`` once their roles exist). A whole language runs as a
background task; one object is drafted at once, and what went wrong (provider
down, budget spent, wrong key) is said on the page, with nothing written.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...permissions.roles import is_coordinator
from ..languages import english_name, language_codes
from .budget import budget_state
from .deepl_provider import is_configured
from .drafts import draft_object
from .provider import MachineTranslationFailed
from .tasks import draft_language


def may_ask_drafts(user) -> bool:
    return is_coordinator(user)


class DraftForm(forms.Form):
    language = forms.ChoiceField()
    segment = forms.RegexField(
        regex=r"^[a-z]+/[-\w]+$",
        required=False,
        help_text="One object, as in the XLIFF ids: guide/huisarts, activity/taalcafe. "
        "Empty: everything missing in the language (in the background).",
        error_messages={"invalid": "Write it as kind/slug, for example guide/huisarts."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, english_name(code))
            for code in language_codes()
            if code != settings.SOURCE_LANGUAGE
        ]


class MachineDraftsView(WagtailAdminTemplateMixin, FormView):
    template_name = "cms/translation/machine_drafts.html"
    form_class = DraftForm
    page_title = "Machine drafts"

    def dispatch(self, request, *args, **kwargs):
        if not may_ask_drafts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        language, segment = form.cleaned_data["language"], form.cleaned_data["segment"]
        if not is_configured():
            form.add_error(None, "Machine drafts are off: no DEEPL_AUTH_KEY is set.")
            return self.form_invalid(form)
        if not segment:
            draft_language.enqueue(language, self.request.user.pk)
            messages.success(
                self.request, f"Drafting everything missing in {english_name(language)}."
            )
            return redirect("cms_machine_drafts")
        kind, slug = segment.split("/")
        try:
            report = draft_object(kind, slug, language, self.request.user)
        except LookupError as missing:
            form.add_error("segment", str(missing))
            return self.form_invalid(form)
        except MachineTranslationFailed as failure:
            form.add_error(None, f"Nothing was drafted: {failure}")
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{report.segments} texts drafted ({report.characters} characters); "
            "they are marked as machine translation until a person reviews them.",
        )
        return redirect("cms_machine_drafts")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budget"] = budget_state()
        context["configured"] = is_configured()
        context["published_languages"] = settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES
        return context
