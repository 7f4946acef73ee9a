"""A text shown in another language than the page's: its ``lang`` attribute and the note.

``{% lang_attr %}`` and ``{% fallback_note %}`` of the site's templates
(``templatetags.wegwijs``), and of the activity card (``card_rendering``).
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, gettext

from cms.translation.fallback import TranslatedText
from cms.translation.languages import english_name

from .languages import text_direction


def lang_attr(text: TranslatedText) -> SafeString:
    """` lang="en"` on an element whose text is in another language than the page."""
    if text.translated:
        return mark_safe("")
    return format_html(' lang="{}" dir="{}"', text.language, text_direction(text.language))


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return english_name(code)


def fallback_note(
    text: TranslatedText, shown_with: TranslatedText | None = None, inline: bool = False
) -> SafeString:
    """A note, in the visitor's language, that ``text`` is shown in a fallback language.

    ``shown_with``: a text whose note is already on the page; in the same
    fallback language, this one needs no second note.
    """
    if text.translated or text.text in (None, ""):
        return mark_safe("")
    if shown_with is not None and shown_with.language == text.language:
        return mark_safe("")
    values = {
        "language": _language_name(text.requested),
        "fallback": _language_name(text.language),
    }
    if inline:
        message = gettext("Not translated yet: in %(fallback)s") % values
        return format_html('<span class="fallback">{}</span>', message)
    message = (
        gettext("This text is not available in %(language)s yet. It is shown in %(fallback)s.")
        % values
    )
    return format_html('<p class="fallback" role="note">{}</p>', message)


__all__ = ["fallback_note", "lang_attr"]
