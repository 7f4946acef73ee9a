"""The one fallback rule, in every form it runs in.

A text field of a translated object exists once per language (``title_pl``,
``title_ro``, ...). The rule: **the first text along the chain requested → en →
nl that is not missing; a text is missing when it is None, empty or only
whitespace**. When no language of the chain has one, the text is empty ("", or
None where the last language holds None; an empty StreamField stays itself) and
its language is the last one of the chain. Visitors are told when a fallback
was used: ``translated`` is false and ``fallback_language`` names the language
shown instead.

The rule runs in three places, each with its own form, kept side by side here
so that they cannot drift apart (``tests/cms/test_fallback_rule.py`` holds the
forms to one table of cases):

- **Python** (``has_text``, ``first_text``, ``translated_value``): serializers,
  the site's templates, the database search backend, the reports;
- **SQL** (``text_in``, ``language_of``, ``reading_order``): Django expressions
  for querysets that sort or filter by the text a reader sees (the guide lists
  of the API and the site);
- **the search index's texts** (``first_text`` over a document's
  ``{code: text}``): the search engine backend's answers. Documents only hold
  the texts that are not missing (``translations_of``), so the engine's answer
  follows the same rule.

"Whitespace" is what ``str.strip()`` removes, and the SQL form trims exactly
those characters (``WHITESPACE``), not only the spaces SQL's ``TRIM`` removes
by default.

django-modeltranslation has a fallback of its own (its field descriptors), but
it counts "  " as a text and does not say which language it used; nothing
here relies on it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.functions import Coalesce, Length, Lower
from django.db.models.lookups import GreaterThan
from django.dispatch import receiver

from .languages import language_codes

# Every character ``str.isspace()`` accepts, which is what ``str.strip()`` removes.
WHITESPACE = "".join(chr(point) for point in range(sys.maxunicode + 1) if chr(point).isspace())


# Chains by requested language, until FALLBACK_LANGUAGES changes (tests): the rule asks
# for one per text shown, some 300 times for one page of the API's activity list.
_CHAINS: dict[str, tuple[str, ...]] = {}
_MAX_CHAINS = 64


def fallback_chain(language: str) -> tuple[str, ...]:
    """Requested language first, then the configured fallbacks (en, nl), no repeats."""
    chain = _CHAINS.get(language)
    if chain is not None:
        return chain
    codes = [language]
    for code in settings.FALLBACK_LANGUAGES:
        if code not in codes:
            codes.append(code)
    chain = tuple(codes)
    if len(_CHAINS) < _MAX_CHAINS:
        _CHAINS[language] = chain
    return chain


@receiver(setting_changed)
def _forget_chains(setting: str, **kwargs: Any) -> None:
    if setting == "FALLBACK_LANGUAGES":
        _CHAINS.clear()


@dataclass(frozen=True)
class TranslatedText:
    """A text and the language it is really in."""

    text: Any
    language: str
    requested: str

    @property
    def translated(self) -> bool:
        return self.language == self.requested

    @property
    def fallback_language(self) -> str | None:
        return None if self.translated else self.language


# --- Python form ----------------------------------------------------------------


def has_text(value: Any) -> bool:
    """Is this value a text (not missing)? None, "" and whitespace-only are missing.

    StreamField values and lists are missing when they hold no blocks.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return True


def first_text(texts: Mapping[str, Any], language: str) -> TranslatedText:
    """The rule over ``{language code: text}``: the first text along the chain."""
    chain = fallback_chain(language)
    for code in chain:
        if has_text(texts.get(code)):
            return TranslatedText(texts[code], code, language)
    last = texts.get(chain[-1])
    # Blanks are shown as no text at all, as the search index (which leaves them out) shows them.
    return TranslatedText("" if isinstance(last, str) else last, chain[-1], language)


def translated_value(obj: Any, field: str, language: str) -> TranslatedText:
    """The rule over an object's ``<field>_<code>`` attributes.

    Reads the per-language attributes directly (not modeltranslation's own
    fallback descriptor) so that we know which language was used.
    """
    chain = fallback_chain(language)
    return first_text({code: getattr(obj, f"{field}_{code}", None) for code in chain}, language)


def object_language(obj: Any, fields: tuple[str, ...], language: str) -> TranslatedText:
    """The language an object's texts are shown in: that of its first (main) field.

    An object is "translated" when its main text exists in the requested
    language; further fields follow the same chain on their own.
    """
    return translated_value(obj, fields[0], language)


def translations_of(obj: Any, field: str) -> dict[str, Any]:
    """Every translation of a field that is not missing, by language code."""
    values = {}
    for code in language_codes():
        value = getattr(obj, f"{field}_{code}", None)
        if has_text(value):
            values[code] = value
    return values


# --- SQL form (text columns) ----------------------------------------------------


class Stripped(Func):
    """A text column without the leading and trailing ``WHITESPACE`` (as ``str.strip()``)."""

    function = "BTRIM"  # PostgreSQL; SQLite spells it TRIM(x, characters)
    output_field = TextField()

    def __init__(self, expression: Any, **extra: Any):
        super().__init__(expression, Value(WHITESPACE), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="TRIM", **extra)


def has_text_in(column: str) -> GreaterThan:
    """SQL form of ``has_text`` for a text column: NULL, "" and blanks are missing."""
    return GreaterThan(Length(Stripped(F(column))), 0)


def text_in(field: str, language: str) -> Case:
    """SQL form of ``translated_value(...).text`` for a translated text field."""
    chain = fallback_chain(language)
    return Case(
        *(When(has_text_in(f"{field}_{code}"), then=F(f"{field}_{code}")) for code in chain),
        default=Case(
            When(**{f"{field}_{chain[-1]}__isnull": True}, then=Value(None)), default=Value("")
        ),
        # modeltranslation makes one field class per language; as SQL they are all text.
        output_field=TextField(),
    )


def reading_order(field: str, language: str) -> Lower:
    """An ``order_by`` key: the text a reader of ``language`` sees, lower-cased ("" when none)."""
    return Lower(Coalesce(text_in(field, language), Value(""), output_field=TextField()))


def language_of(field: str, language: str) -> Case:
    """SQL form of ``translated_value(...).language``: the code of the text ``text_in`` picks."""
    chain = fallback_chain(language)
    return Case(
        *(When(has_text_in(f"{field}_{code}"), then=Value(code)) for code in chain),
        default=Value(chain[-1]),
        output_field=TextField(),
    )
