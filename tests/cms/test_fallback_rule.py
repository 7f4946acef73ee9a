"""The one fallback rule: its Python form and its SQL form give the same answer.

Every combination of the table's values in Polish, English and Dutch is stored
as one category; the SQL form (``text_in``, ``language_of``) is read back in one
query and compared with the Python form (``translated_value``) of the same row.
"""

from itertools import product

import pytest

from cms.models import Category
from cms.translation.fallback import (
    fallback_chain,
    first_text,
    has_text,
    language_of,
    text_in,
    translated_value,
)

# Missing: None, empty, blanks of every kind str.strip() removes. Present: the rest.
CASES = [None, "", "  ", "\n\t", "\u00a0\u3000", "x", " x ", "\tŁódź\n"]
MISSING = {None, "", "  ", "\n\t", "\u00a0\u3000"}


def test_python_form_counts_blank_text_as_missing():
    for value in CASES:
        assert has_text(value) is (value not in MISSING), repr(value)


def test_whitespace_only_polish_falls_back_to_english():
    shown = first_text({"pl": "  ", "en": "Family doctor", "nl": "De huisarts"}, "pl")
    assert (shown.text, shown.language, shown.translated, shown.fallback_language) == (
        "Family doctor",
        "en",
        False,
        "en",
    )


def test_nothing_anywhere_is_empty_text_in_the_last_language_of_the_chain():
    shown = first_text({"pl": "\n", "en": None, "nl": "  "}, "pl")
    assert (shown.text, shown.language, shown.fallback_language) == ("", "nl", "nl")
    assert first_text({}, "pl").text is None


@pytest.mark.django_db
@pytest.mark.parametrize("requested", ["pl", "nl"])
def test_sql_form_agrees_with_python_form(requested):
    Category.objects.bulk_create(
        Category(slug=f"case-{n}", name_pl=pl, name_en=en, name_nl=nl)
        for n, (pl, en, nl) in enumerate(product(CASES, repeat=3))
    )
    rows = Category.objects.filter(slug__startswith="case-").annotate(
        shown_text=text_in("name", requested), shown_language=language_of("name", requested)
    )
    assert len(rows) == len(CASES) ** 3
    for row in rows:
        python = translated_value(row, "name", requested)
        sql = (row.shown_text, row.shown_language)
        assert sql == (python.text, python.language), (row.name_pl, row.name_en, row.name_nl)


def test_the_chain_follows_the_fallback_setting(settings):
    """Chains are remembered per language until FALLBACK_LANGUAGES changes."""
    assert fallback_chain("pl") == ("pl", "en", "nl")
    settings.FALLBACK_LANGUAGES = ["nl"]
    assert fallback_chain("pl") == ("pl", "nl")
    assert fallback_chain("nl") == ("nl",)
