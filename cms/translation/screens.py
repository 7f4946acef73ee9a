"""One language per screen: the page editor shows the source (Dutch); the rest is a switch away.

wagtail-modeltranslation turns every translated field's panel into one input
per language, so an activity's first tab held 13 titles, 13 summaries and 13
bodies. ``arrange_by_language`` takes the panels it made and puts them back in
one language per place: the source language's inputs stay where the field
was, and each other language gets its own closed section on a "Translations"
tab (with the translation status above them), so a translator opens theirs
and a volunteer never scrolls past twelve empty bodies. The fields, their
names and what a form posts are exactly as before: only where they are shown
changes.

Every page type is arranged so (activities and guides, and the home page, the
sections and the plan, whose title and intro exist in 13 languages too).
Called from ``CmsConfig.ready``, after wagtail-modeltranslation has patched the
panels (its app loads first, see ``INSTALLED_APPS``).
"""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    PanelGroup,
    TabbedInterface,
)

from .languages import language_codes, native_name

SOURCE_LANGUAGE = "nl"
# The class of each language's section; ``cms/static/cms/one-language.css``
# hides the locale picker on forms that have them.
LANGUAGE_SECTION = "wegwijs-language-"


def _language_of(panel: Panel, translated: set[str]) -> str | None:
    """The language of a translated field's input, or None for any other panel."""
    name = getattr(panel, "field_name", None)
    if not isinstance(panel, FieldPanel) or not name:
        return None
    base, _sep, code = name.rpartition("_")
    return code if base in translated and code in language_codes() else None


def _without_language_tag(panel: FieldPanel, model) -> FieldPanel:
    """The input headed "Summary", not "Summary [pl]": its section already says the language.

    Also keeps wagtail-modeltranslation's locale picker (which hides fields by
    that tag) from hiding inputs that this arrangement already places.
    """
    base = panel.field_name.rpartition("_")[0]
    heading = panel.heading or capfirst(model._meta.get_field(base).verbose_name)
    return type(panel)(**{**panel.clone_kwargs(), "heading": heading})


def _split(panels, translated: set[str], elsewhere: dict[str, list[Panel]], model) -> list[Panel]:
    """The panels without other languages' inputs, which are collected in ``elsewhere``."""
    kept: list[Panel] = []
    for panel in panels:
        code = _language_of(panel, translated)
        if code is not None:
            panel = _without_language_tag(panel, model)
        if code is not None and code != SOURCE_LANGUAGE:
            elsewhere.setdefault(code, []).append(panel)
        elif isinstance(panel, PanelGroup):
            children = _split(panel.children, translated, elsewhere, model)
            if children:
                kept.append(type(panel)(**{**panel.clone_kwargs(), "children": children}))
        else:
            kept.append(panel)
    return kept


def arrange_by_language(model, *, moved: tuple[type[Panel], ...] = ()) -> None:
    """Give ``model`` tabs of one language each: the source first, the others on request.

    Panels of the ``moved`` types (about all languages, such as the translation
    status) go from the first tab to the top of the Translations tab.
    """
    translated = set(translator.get_options_for_model(model).all_fields)
    elsewhere: dict[str, list[Panel]] = {}
    translation_panels = [panel for panel in model.content_panels if isinstance(panel, moved)]
    content = _split(
        [panel for panel in model.content_panels if not isinstance(panel, moved)],
        translated,
        elsewhere,
        model,
    )
    promote = _split(model.promote_panels, translated, elsewhere, model)
    settings = _split(model.settings_panels, translated, elsewhere, model)
    per_language = _language_sections(elsewhere)
    tabs = [ObjectList(content, heading=_("Content"))]
    tabs.append(ObjectList([*translation_panels, *per_language], heading=_("Translations")))
    if promote:
        tabs.append(ObjectList(promote, heading=_("Promote")))
    if settings:
        tabs.append(ObjectList(settings, heading=_("Settings")))
    model.edit_handler = TabbedInterface(tabs, base_form_class=model.base_form_class)
    model.get_edit_handler.cache_clear()


def _language_sections(elsewhere: dict[str, list[Panel]]) -> list[Panel]:
    """One closed section per other language, in the platform's order of languages."""
    return [
        MultiFieldPanel(
            elsewhere[code],
            heading=native_name(code),
            classname=f"collapsed {LANGUAGE_SECTION}{code}",
        )
        for code in language_codes()
        if code in elsewhere
    ]


def arrange_snippet_by_language(model) -> None:
    """The same for a snippet (a partner, a policy action, a survey): its ``panels``.

    Inline children (an action's progress updates, a survey's questions) keep
    their inputs where they are: they are edited in the row they belong to.
    """
    translated = set(translator.get_options_for_model(model).all_fields)
    elsewhere: dict[str, list[Panel]] = {}
    content = _split(model.panels, translated, elsewhere, model)
    tabs = [ObjectList(content, heading=_("Content"))]
    tabs.append(ObjectList(_language_sections(elsewhere), heading=_("Translations")))
    model.edit_handler = TabbedInterface(
        tabs, base_form_class=getattr(model, "base_form_class", None)
    )
