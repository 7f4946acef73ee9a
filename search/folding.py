"""Accent folding for the database backend: ``jezyka`` finds ``języka``.

Migrants often type on phones without their language's diacritics. The
engine folds accents in its analyzers; the database backend compares texts
through SQL ``translate()`` with one character table, the same one this
module applies to the query in Python, so both sides fold alike. PostgreSQL
has ``translate`` built in; SQLite gets it registered on each connection.
"""

from __future__ import annotations

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField, Value
from django.db.models.functions import Coalesce


def _base_letter(char: str) -> str | None:
    """The unaccented letter of ``char`` when it has exactly one, else None."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    return stripped if len(stripped) == 1 and stripped != char else None


# Latin-1 Supplement and Latin Extended-A/B (all accented letters of pl, ro, hu,
# lt, lv, sk, cs, pt, es and nl), plus the letters Unicode does not decompose.
_PAIRS = {
    char: base for char in map(chr, range(0xC0, 0x250)) if (base := _base_letter(char)) is not None
}
_PAIRS.update({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i"})
FROM_CHARS = "".join(_PAIRS)
TO_CHARS = "".join(_PAIRS.values())
_TABLE = str.maketrans(FROM_CHARS, TO_CHARS)


def fold(text: str) -> str:
    """Lower case without accents, as the database backend compares texts."""
    return text.translate(_TABLE).lower()


class Folded(Func):
    """SQL: the field's text with the same accents removed (case is left to the lookup)."""

    function = "translate"
    output_field = TextField()

    def __init__(self, field: str):
        super().__init__(
            Coalesce(field, Value(""), output_field=TextField()),
            Value(FROM_CHARS),
            Value(TO_CHARS),
        )


def _translate(text: str | None, from_chars: str, to_chars: str) -> str | None:
    if text is None:
        return None
    return text.translate(str.maketrans(from_chars, to_chars))


def register_sqlite_translate(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("translate", 3, _translate, deterministic=True)


connection_created.connect(register_sqlite_translate, dispatch_uid="search.folding")
