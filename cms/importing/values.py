"""Reading the values of an import record, each with an error that names its field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from wagtail.rich_text import RichText

from ..safe_html import is_web_address
from ..translation.languages import language_codes
from .errors import InvalidField

MISSING = object()
ORIGINS = ("human", "machine", "agency", "import")


def required(record: Mapping, key: str) -> Any:
    value = record.get(key, MISSING)
    if value is MISSING or value is None or value == "":
        raise InvalidField(key, "is required")
    return value


def text(
    record: Mapping,
    key: str,
    *,
    path: str | None = None,
    max_length: int | None = None,
    required_value: bool = False,
) -> str:
    path = path or key
    value = record.get(key)
    if value is None:
        if required_value:
            raise InvalidField(path, "is required")
        return ""
    if not isinstance(value, str):
        raise InvalidField(path, f"must be text, not {type(value).__name__}")
    if max_length and len(value) > max_length:
        raise InvalidField(path, f"is longer than {max_length} characters")
    if required_value and not value.strip():
        raise InvalidField(path, "is required")
    return value.strip()


def web_address(
    record: Mapping, key: str, *, path: str | None = None, max_length: int = 200
) -> str:
    """An http(s) address or "": it goes into a link, so ``javascript:`` and such are refused."""
    path = path or key
    value = text(record, key, path=path, max_length=max_length)
    if value and not is_web_address(value):
        raise InvalidField(path, f"'{value}' is not a web address; it must start with https://")
    return value


def translations(
    record: Mapping,
    key: str,
    *,
    path: str | None = None,
    required_language: str | None = None,
    max_length: int | None = None,
) -> dict[str, str]:
    """A ``{language code: text}`` object; every offered language gets a value ("" if absent)."""
    path = path or key
    value = record.get(key)
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise InvalidField(path, 'must be an object of texts per language, e.g. {"nl": "..."}')
    codes = language_codes()
    for code, item in value.items():
        if code not in codes:
            raise InvalidField(f"{path}.{code}", f"unknown language; use one of {', '.join(codes)}")
        if item is not None and not isinstance(item, str):
            raise InvalidField(f"{path}.{code}", "must be text")
        if max_length and item and len(item) > max_length:
            raise InvalidField(f"{path}.{code}", f"is longer than {max_length} characters")
    if required_language and not (value.get(required_language) or "").strip():
        raise InvalidField(f"{path}.{required_language}", "is required")
    return {code: (value.get(code) or "").strip() for code in codes}


def translation_sources(record: Mapping) -> dict[str, str]:
    """``"translation_sources": {"pl": "machine"}``: where a language's texts come from.

    Values ``human machine agency import``; a language left out is ``human``.
    """
    value = record.get("translation_sources")
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidField(
            "translation_sources",
            'must be an object of origins per language, e.g. {"pl": "machine"}',
        )
    codes = language_codes()
    for code, origin in value.items():
        if code not in codes:
            raise InvalidField(
                f"translation_sources.{code}", f"unknown language; use one of {', '.join(codes)}"
            )
        if origin not in ORIGINS:
            raise InvalidField(
                f"translation_sources.{code}",
                f"unknown origin '{origin}'; use one of {', '.join(ORIGINS)}",
            )
    return dict(value)


def choice(
    record: Mapping,
    key: str,
    choices: Iterable[str],
    *,
    path: str | None = None,
    default: str | None = None,
) -> str:
    path = path or key
    value = record.get(key, default)
    allowed = list(choices)
    if value not in allowed:
        raise InvalidField(path, f"must be one of {', '.join(allowed)}")
    return value


def language_list(record: Mapping, key: str) -> list[str]:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise InvalidField(key, "must be a list of language codes")
    codes = language_codes()
    for item in value:
        if item not in codes:
            raise InvalidField(key, f"unknown language '{item}'; use one of {', '.join(codes)}")
    return list(dict.fromkeys(value))


def aware_datetime(
    record: Mapping, key: str, *, path: str | None = None, required_value: bool = False
) -> datetime | None:
    key_path = path or key
    value = record.get(key)
    if value in (None, ""):
        if required_value:
            raise InvalidField(key_path, "is required")
        return None
    if not isinstance(value, str):
        raise InvalidField(key_path, "must be an ISO 8601 date-time text")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidField(key_path, f"'{value}' is not an ISO 8601 date-time") from None
    if parsed.tzinfo is None:
        raise InvalidField(key_path, "needs a UTC offset, e.g. 2027-01-05T19:00:00+01:00")
    return parsed


def plain_date(
    record: Mapping, key: str, *, path: str | None = None, required_value: bool = False
) -> date | None:
    path = path or key
    value = record.get(key)
    if value in (None, ""):
        if required_value:
            raise InvalidField(path, "is required")
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidField(path, f"'{value}' is not a date (YYYY-MM-DD)") from None


def number(
    record: Mapping,
    key: str,
    *,
    path: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> float | None:
    path = path or key
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidField(path, "must be a number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise InvalidField(path, f"must be between {low} and {high}")
    return float(value)


def whole_number(
    record: Mapping, key: str, *, path: str | None = None, low: int = 0, high: int | None = None
) -> int | None:
    path = path or key
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidField(path, "must be a whole number")
    if value < low or (high is not None and value > high):
        raise InvalidField(
            path, f"must be between {low} and {high}" if high else f"must be at least {low}"
        )
    return value


def amount(record: Mapping, key: str, *, path: str) -> Decimal | None:
    value = record.get(key)
    if value is None:
        return None
    try:
        parsed = Decimal(str(value))
    except InvalidOperation:
        raise InvalidField(path, 'must be an amount in euros, e.g. "2.50"') from None
    if parsed < 0 or parsed >= Decimal("100000"):
        raise InvalidField(path, "must be between 0 and 99999.99")
    return parsed.quantize(Decimal("0.01"))


def section(record: Mapping, key: str) -> Mapping:
    value = record.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidField(key, "must be an object")
    return value


def body_blocks(value: str) -> list[tuple[str, RichText]]:
    """Plain text to one rich-text block: blank lines split paragraphs, "- " lines are bullets."""
    html: list[str] = []
    for paragraph in value.replace("\r\n", "\n").split("\n\n"):
        bullets: list[str] = []
        for line in (line.strip() for line in paragraph.split("\n")):
            if line.startswith("- "):
                bullets.append(f"<li>{escape(line[2:].strip())}</li>")
                continue
            if bullets:
                html.append(f"<ul>{''.join(bullets)}</ul>")
                bullets = []
            if line:
                html.append(f"<p>{escape(line)}</p>")
        if bullets:
            html.append(f"<ul>{''.join(bullets)}</ul>")
    return [("text", RichText("".join(html)))] if html else []
