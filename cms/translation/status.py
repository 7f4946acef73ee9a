"""Translation status per language: complete, missing or outdated.

"Outdated" means the Dutch source changed after the translation was saved. We
track the *source version* a translation was made against (a fingerprint of the
Dutch texts), not timestamps: re-saving a page without touching the Dutch text
must not make every translation look stale.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any


class TranslationStatus(StrEnum):
    COMPLETE = "complete"
    MISSING = "missing"
    OUTDATED = "outdated"


def _without_ids(data: Any) -> Any:
    # StreamField blocks get fresh random ids on every assignment; the text is what counts.
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _plain(value: Any) -> Any:
    """A JSON-able form of a field value (StreamField values included)."""
    if value is None:
        return ""
    if hasattr(value, "get_prep_value"):
        return _without_ids(value.get_prep_value())
    return value


def fingerprint(values: Iterable[Any]) -> str:
    """A short, stable digest of a set of field values."""
    payload = json.dumps([_plain(v) for v in values], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def status_for(
    has_translation: bool, translated_against: str | None, current_source: str
) -> TranslationStatus:
    if not has_translation:
        return TranslationStatus.MISSING
    if translated_against != current_source:
        return TranslationStatus.OUTDATED
    return TranslationStatus.COMPLETE


def updated_sources(
    previous: Mapping[str, Any] | None,
    current: Mapping[str, Any],
    recorded: Mapping[str, str],
    source_language: str,
    languages: Iterable[str],
) -> dict[str, str]:
    """The source fingerprint each translation was made against, after a save.

    ``previous`` and ``current`` map language code to that language's
    fingerprint of its own texts (None when the object is new). A translation
    whose texts changed in this save was made against the current source; one
    that did not change keeps the source version it had.
    """
    source_now = current[source_language]
    result = {}
    for code in languages:
        if code == source_language:
            continue
        changed = previous is None or previous.get(code) != current.get(code)
        if changed:
            result[code] = source_now
        elif code in recorded:
            result[code] = recorded[code]
        elif previous is not None and previous.get(source_language) == source_now:
            # Translation predates tracking and the source did not move: current.
            result[code] = source_now
    return result
