"""The translator's reference in the admin: one language's style sheet and glossary.

Every admin user may read it (translators, editors, coordinators): it holds no
personal data and nothing to change. The glossary itself is edited by
coordinators (the "Glossary" snippet, ``CoordinatorOnlyPermissionPolicy``).
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from ..translation.fallback import translated_value
from ..translation.languages import is_supported, language_codes, name_in_admin
from .models import GlossaryTerm
from .style_sheets import style_sheet


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = gettext_lazy("Glossary")
    list_display = ["term_nl", "slug", "sort_order"]
    search_fields = ["term_nl", "slug"]


class LanguageSheetView(WagtailAdminTemplateMixin, TemplateView):
    """``/admin/glossary/<code>/``: the style sheet, then every term with its approved word."""

    template_name = "cms/glossary/language_sheet.html"

    def dispatch(self, request, *args, language: str, **kwargs):
        if not is_supported(language):
            raise Http404
        self.language = language
        return super().dispatch(request, *args, language=language, **kwargs)

    def get_page_title(self) -> str:
        return _("Style sheet and glossary: %(language)s") % {
            "language": name_in_admin(self.language)
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["language"] = self.language
        context["languages"] = [(code, name_in_admin(code)) for code in language_codes()]
        context["style_sheet"] = style_sheet(self.language)
        context["entries"] = [
            {
                "slug": term.slug,
                "dutch": term.term_nl,
                "approved": getattr(term, f"term_{self.language}", "") or "",
                "explanation": translated_value(term, "explanation", self.language),
            }
            for term in GlossaryTerm.objects.all()
        ]
        return context
