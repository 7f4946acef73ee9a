"""The XLIFF exchange in the admin: download a selection, upload the translated file.

Coordinators, for every language (their agency's files), and translators, for
their own languages and the municipalities they translate for only
(``cms.translation.scope``): a volunteer who prefers their own translation tool
downloads their queue (what is missing or outdated) and uploads it back. A
translator's file in another language is refused by name, with nothing
changed, and what they upload is recorded as theirs (``human``) and, where a
municipality requires a second reader, waits for one like a desk submit does
(``importing``); an agency's file uploaded by a coordinator is the agency's,
applied at once. The same functions as ``manage.py translations``: one way in
for each job.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...models import Partner
from ...permissions.roles import is_coordinator
from ..desk_admin import desk_languages
from ..languages import name_in_admin
from ..provenance import Origin
from ..scope import translator_scope
from .importing import ExchangeRefused, import_xliff, target_language
from .segments import select
from .xliff import VERSIONS, write

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def may_exchange(user) -> bool:
    return bool(desk_languages(user))


class ExchangeForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    partner = forms.ModelChoiceField(
        Partner.objects.order_by("name"),
        required=False,
        to_field_name="slug",
        label=gettext_lazy("Partner"),
    )
    only = forms.MultipleChoiceField(
        label=gettext_lazy("Only the texts that are"),
        choices=[("missing", gettext_lazy("missing")), ("outdated", gettext_lazy("outdated"))],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    xliff_version = forms.ChoiceField(
        choices=[(v, f"XLIFF {v}") for v in VERSIONS],
        required=False,
        initial=VERSIONS[0],
        label=gettext_lazy("XLIFF version"),
    )
    file = forms.FileField(
        required=False,
        label=gettext_lazy("File"),
        help_text=gettext_lazy("To upload: the agency's XLIFF file."),
    )

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, name_in_admin(code)) for code in languages]
        self.fields["language"].required = False


class ExchangeView(WagtailAdminTemplateMixin, FormView):
    template_name = "cms/translation/exchange.html"
    form_class = ExchangeForm
    page_title = gettext_lazy("Translation agencies (XLIFF)")

    def dispatch(self, request, *args, **kwargs):
        self.languages = desk_languages(request.user)
        if not self.languages:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "languages": self.languages}

    def get_initial(self):
        if is_coordinator(self.request.user):
            return {}
        # A translator's usual download: their queue, what is missing or outdated.
        return {"only": ["missing", "outdated"]}

    def form_valid(self, form):
        if "upload" in self.request.POST:
            return self.upload(form)
        language = form.cleaned_data["language"]
        if not language:
            form.add_error("language", _("Choose the language to translate into."))
            return self.form_invalid(form)
        partner = form.cleaned_data["partner"]
        segments = select(
            language,
            partner.slug if partner else None,
            form.cleaned_data["only"],
            # A translator for one municipality: only what is shown there.
            scope=translator_scope(self.request.user, language),
        )
        data = write(
            segments, settings.SOURCE_LANGUAGE, language, form.cleaned_data["xliff_version"]
        )
        response = HttpResponse(data, content_type="application/xliff+xml")
        name = f"wegwijs-{language}{'-' + partner.slug if partner else ''}.xlf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def upload(self, form):
        upload = form.cleaned_data["file"]
        if upload is None:
            form.add_error("file", _("Choose the XLIFF file to upload."))
            return self.form_invalid(form)
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
            return self.form_invalid(form)
        try:
            coordinator = is_coordinator(self.request.user)
            data = upload.read()
            report = import_xliff(
                data,
                self.request.user,
                languages=None if coordinator else self.languages,
                origin=Origin.AGENCY if coordinator else Origin.HUMAN,
                review=not coordinator,
                scope=translator_scope(self.request.user, target_language(data)),
            )
        except ExchangeRefused as refused:
            self.problems = refused.problems
            form.add_error("file", _("Nothing was imported: the file has problems (listed below)."))
            return self.form_invalid(form)
        if report.applied or not report.held:
            messages.success(
                self.request,
                _("%(count)s translations into %(language)s applied to %(objects)s objects.")
                % {
                    "count": len(report.applied),
                    "language": name_in_admin(report.language),
                    "objects": report.objects,
                },
            )
        if report.held:
            messages.success(
                self.request,
                _(
                    "%(count)s translations wait for another translator's review before "
                    "they go live."
                )
                % {"count": len(report.held)},
            )
        return redirect("cms_translation_exchange")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["problems"] = getattr(self, "problems", [])
        return context
