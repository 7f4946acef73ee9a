"""Glossary links in a guide's text (``cms.glossary.linking``), for the guide template."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from cms.content_version.memo import remembered
from cms.glossary.linking import GlossaryLinker
from cms.translation.fallback import TranslatedText
from public.glossary import glossary_terms

from ..languages import active_language
from .wegwijs import rich_text

register = template.Library()


@register.simple_tag
def glossary_linker(body: TranslatedText) -> GlossaryLinker:
    """``{% glossary_linker body as glossary %}``: one linker per page.

    The terms are read once per content version (``cms.content_version.memo``): every
    guide page asked for the whole glossary, which only a content commit changes.
    """
    terms = remembered(("glossary terms",), lambda: list(glossary_terms()))
    return GlossaryLinker(terms, body.language, active_language())


@register.simple_tag(takes_context=True)
def glossary_rich_text(context, value: Any) -> SafeString:
    """A rich-text block, sanitised (``rich_text``), with its first mention of each glossary
    term linked to the glossary when the page set up a ``glossary`` linker (guides do)."""
    html = rich_text(value)
    linker = context.get("glossary")
    if not isinstance(linker, GlossaryLinker):
        return html
    # The linker only adds <a class="term" href="/<lang>/woordenlijst/#slug"> around text
    # it escapes itself; the rest is the sanitised HTML it was given.
    return mark_safe(linker.link(str(html)))
