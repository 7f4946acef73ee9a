"""Machine drafts in the admin: each municipality's budget, a draft of one object, a whole language.

Coordinators, for every language and municipality, and translators, for their
own languages and the municipalities they translate for (an assignment
without one: every municipality; ``cms.translation.scope``), whose budget they
spend and whose texts they draft. The characters count against the chosen
municipality's budget (default: the one whose address the admin is opened
at); the page shows every municipality's month and its choice of languages
published unreviewed. A whole language (a translator's whole queue) runs as a
background task, whose state the page shows until it is done; one object is
drafted at once, and what went wrong (provider down, budget spent, wrong key)
is said on the page, with nothing written.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import FormView
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...municipalities import lookup
from ...municipalities.registry import MunicipalityInfo
from ...permissions.roles import is_coordinator
from ..desk_admin import DESK, desk_languages
from ..exchange.segments import find_object
from ..languages import name_in_admin
from ..municipal import published_languages
from ..scope import in_scope, translator_scope
from ..translators import TranslatorAssignment
from .budget import budget_state
from .deepl_provider import is_configured
from .drafts import draft_object
from .provider import MachineTranslationFailed
from .tasks import draft_language


def may_ask_drafts(user) -> bool:
    return bool(desk_languages(user))


def drafting_municipalities(user) -> list[MunicipalityInfo]:
    """The municipalities whose budget ``user`` may spend."""
    everyone = list(lookup.municipalities())
    if is_coordinator(user):
        return everyone
    sites = set(TranslatorAssignment.objects.filter(user=user).values_list("site_id", flat=True))
    if None in sites:
        return everyone
    return [municipality for municipality in everyone if municipality.site_id in sites]


class DraftForm(forms.Form):
    municipality = forms.TypedChoiceField(
        label=gettext_lazy("Municipality"),
        coerce=int,
        required=False,
        help_text=gettext_lazy("Whose monthly budget the characters count against."),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    segment = forms.RegexField(
        label=gettext_lazy("Object"),
        regex=r"^[a-z]+/[-\w]+$",
        required=False,
    )

    def __init__(self, *args, languages: list[str], municipalities: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [(m.pk, m.name) for m in municipalities]
        # The examples are ids, not words: kept out of the translated text.
        self.fields["segment"].help_text = _(
            "One object, as in the XLIFF ids: %(examples)s. "
            "Empty: everything missing in the language (in the background)."
        ) % {"examples": "guide/huisarts, activity/taalcafe"}
        self.fields["segment"].error_messages["invalid"] = _(
            "Write it as kind/slug, for example %(example)s."
        ) % {"example": "guide/huisarts"}
        self.fields["language"].choices = [(code, name_in_admin(code)) for code in languages]


class MachineDraftsView(WagtailAdminTemplateMixin, FormView):
    template_name = "cms/translation/machine_drafts.html"
    form_class = DraftForm
    page_title = pgettext_lazy(DESK, "Machine drafts")

    def dispatch(self, request, *args, **kwargs):
        self.languages = desk_languages(request.user)
        if not self.languages:
            raise PermissionDenied
        self.municipalities = drafting_municipalities(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "languages": self.languages,
            "municipalities": self.municipalities,
        }

    def get_initial(self):
        here = lookup.for_request(self.request)
        if here not in self.municipalities:
            here = self.municipalities[0] if self.municipalities else None
        # The queue's "machine draft" links fill in the language and the object.
        return {
            "municipality": here.pk if here else None,
            "language": self.request.GET.get("language"),
            "segment": self.request.GET.get("segment"),
        }

    def form_valid(self, form):
        language, segment = form.cleaned_data["language"], form.cleaned_data["segment"]
        municipality = lookup.by_pk(form.cleaned_data["municipality"])
        if municipality is None and self.municipalities:
            municipality = self.municipalities[0]
        if not is_configured():
            form.add_error(None, _("Machine drafts are off: no DEEPL_AUTH_KEY is set."))
            return self.form_invalid(form)
        # A translator for one municipality drafts what is shown there, on its budget.
        scope = translator_scope(self.request.user, language)
        if scope is not None and municipality not in scope:
            form.add_error(
                "municipality",
                _("You do not translate into %(language)s for %(municipality)s.")
                % {
                    "language": name_in_admin(language),
                    "municipality": municipality.name if municipality else "",
                },
            )
            return self.form_invalid(form)
        if not segment:
            queued = draft_language.enqueue(
                language, self.request.user.pk, municipality.pk if municipality else None
            )
            messages.success(
                self.request,
                _("Drafting everything missing in %(language)s.")
                % {"language": name_in_admin(language)},
            )
            return redirect(reverse("cms_machine_drafts") + f"?task={queued.id}")
        kind, slug = segment.split("/")
        obj = find_object(kind, slug)
        if obj is not None and not in_scope(kind, obj, scope):
            form.add_error(
                "segment",
                _("%(object)s is not shown in a municipality you translate %(language)s for.")
                % {"object": segment, "language": name_in_admin(language)},
            )
            return self.form_invalid(form)
        try:
            report = draft_object(
                kind, slug, language, self.request.user, municipality=municipality
            )
        except LookupError as missing:
            form.add_error("segment", str(missing))
            return self.form_invalid(form)
        except MachineTranslationFailed as failure:
            form.add_error(None, _("Nothing was drafted: %(reason)s") % {"reason": failure})
            return self.form_invalid(form)
        done = {"texts": report.segments, "characters": report.characters}
        if report.held:
            # A municipality asks for a second reader: the drafts are in the review queue.
            message = _(
                "%(texts)s texts drafted (%(characters)s characters); they wait for a "
                "translator's review before they go live."
            )
        else:
            message = _(
                "%(texts)s texts drafted (%(characters)s characters); they are marked as "
                "machine translation until a person reviews them."
            )
        messages.success(self.request, message % done)
        return redirect("cms_machine_drafts")

    def queued_task(self) -> dict | None:
        """The background drafting asked for (``?task=``), if it is one of this user's languages."""
        task_id = self.request.GET.get("task")
        if not task_id:
            return None
        try:
            result = draft_language.get_result(task_id)
        except (TaskResultDoesNotExist, ValidationError, ValueError):
            return None
        language = result.args[0] if result.args else None
        if language not in self.languages:
            return None
        return {
            "status": str(result.status).lower(),
            "language": name_in_admin(language),
            "report": result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budgets"] = [
            (municipality, budget_state(municipality), published_languages(municipality.pk))
            for municipality in self.municipalities
        ] or [(None, budget_state(), published_languages(None))]
        context["configured"] = is_configured()
        context["task"] = self.queued_task()
        return context
