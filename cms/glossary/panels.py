"""The glossary beside the page editor: the terms this text uses, and words that differ.

Translators see, for the Dutch text they translate, which glossary terms it
uses with their approved word in every language, and a warning per language
where the saved translation lacks the approved word. Read-only; the page's
saved texts are checked, so the warnings change when the page is saved. The
side-by-side editor of the translation desk can include the same template
(``cms/glossary/panel.html``) with ``glossary_context``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel

from ..translation.languages import language_codes, name_in_admin
from .consistency import object_deviations, readable_text, terms_in
from .models import GlossaryTerm

CHECKED_FIELDS = ("title", "summary", "body")


def glossary_context(obj: Any, fields: tuple[str, ...] = CHECKED_FIELDS) -> dict[str, Any]:
    """What the panel shows for ``obj``: its terms, and per language the deviations."""
    terms = list(GlossaryTerm.objects.all())
    source = " ".join(readable_text(getattr(obj, f"{field}_nl", None)) for field in fields)
    used = terms_in(source, terms)
    warnings = [
        {"language": name_in_admin(code), "code": code, "deviation": deviation}
        for code in language_codes()
        if code != settings.SOURCE_LANGUAGE
        for deviation in object_deviations(obj, fields, code, used)
    ]
    return {"glossary_terms": used, "glossary_warnings": warnings}


class GlossaryPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", gettext_lazy("Glossary"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "glossary"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/glossary/panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(glossary_context(self.instance))
            return context
