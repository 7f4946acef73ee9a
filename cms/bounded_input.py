"""Limits on what a stranger can make us parse: dates, numbers, nesting depth, control characters.

Python's own parsers accept more than the rest of the stack can hold: a
``date(1, 1, 1)`` overflows as soon as it is moved to another time zone, a
JSON ``1e400`` is an infinite float, 3 000 nested ``[`` exhaust the JSON
decoder's recursion, a NUL byte is refused by PostgreSQL. Each of those was a
500 (issue 21, point 4). Every parser of public input (query parameters, the
API's cursors and bodies, the site's forms) asks this module first, so that
such input is a 400 naming the field, never a 500.

The functions raise ``BoundedInputError`` (a ``ValueError``); the presenters
turn it into their own error shape.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

# Wegwijs holds activities, plans and answers of our own time. Anything outside
# these years is not a real question, and keeping far from date.min/date.max
# leaves room for time-zone shifts and the few days' arithmetic of the filters.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

# Our JSON (a survey answer, a question, a cursor) nests two or three levels.
MAX_JSON_DEPTH = 20

# Strings and the brackets outside them; escaped quotes stay inside a string.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")

# Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069):
# they reorder how a text is shown ("Trojan Source") and no keyboard types them.
# The marks U+200E/U+200F/U+061C do not reorder anything and are kept.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters (Unicode category Cc) but tab, newline and carriage return,
# which a form's text area sends: NUL first.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class BoundedInputError(ValueError):
    """Input outside what Wegwijs accepts; ``message`` says what is allowed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def within_years(value: date) -> bool:
    """Does ``value`` (a date or datetime) lie in the years Wegwijs accepts?"""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def bounded_date(value: date) -> date:
    """``value`` (a date or datetime) when its year lies in the years Wegwijs accepts."""
    if not within_years(value):
        raise BoundedInputError(f"Give a date between the years {EARLIEST_YEAR} and {LATEST_YEAR}.")
    return value


def bounded_moment(value: datetime) -> datetime:
    """``value`` when its year lies in the years Wegwijs accepts (see ``bounded_date``)."""
    bounded_date(value)
    return value


def finite_number(value: float) -> float:
    """``value`` when it is a real number: not NaN, not infinite (``1e400`` parses as infinite)."""
    if not math.isfinite(value):
        raise BoundedInputError("Give a finite number.")
    return value


def json_depth(text: str | bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a scalar).

    Counted without parsing, so that a hostile text is measured before the
    recursive decoder sees it: brackets inside strings do not count.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _refuse_constant(name: str) -> float:
    raise BoundedInputError(f"{name} is not a number JSON allows.")


def _finite_float(text: str) -> float:
    return finite_number(float(text))


def loads(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` for untrusted text: bounded nesting, finite numbers only.

    ``NaN``, ``Infinity`` (which Python's decoder accepts though JSON does not)
    and numbers too large for a float are refused; ``ValueError`` as for any
    other invalid JSON (``BoundedInputError`` is one).
    """
    if json_depth(text) > max_depth:
        raise BoundedInputError(f"The JSON nests deeper than {max_depth} levels.")
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)


def clean_text(value: str) -> str:
    """A person's text without bidi controls; ``BoundedInputError`` for other control characters.

    NUL cannot be stored in PostgreSQL and the other control characters have
    no place in a question or an answer: refused, so the sender sees which
    field to fix. Bidi controls are removed instead: a text pasted from a
    right-to-left page can carry them without its writer knowing, and the
    question stays readable without them.
    """
    if CONTROL_CHARACTERS.search(value):
        raise BoundedInputError("The text holds control characters (such as NUL).")
    return BIDI_CONTROLS.sub("", value)
