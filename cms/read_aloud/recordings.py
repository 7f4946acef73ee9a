"""Which recording a visitor gets, and making one: per page revision and language.

A guide is read whole (title, summary, body), an activity its title and summary
(the page's ``read_aloud_parts``). A language is read aloud only when all those
parts are written in it: a recording never switches voice halfway, and a visitor whose
language has no translation hears the fallback language's text in that
language's voice (the same fallback the page shows: requested → en → nl).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ..translation.fallback import fallback_chain
from .audio import BITRATE_KBPS, EXTENSION, MIME_TYPE, VOICES, WORDS_PER_MINUTE, synthesise
from .speech_text import speech_text


@dataclass(frozen=True)
class Audio:
    url: str
    language: str
    bytes: int = 0
    mime_type: str = MIME_TYPE

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "language": self.language, "mime_type": self.mime_type}


def _filled(value: Any) -> bool:
    return bool(value) and (not isinstance(value, str) or bool(value.strip()))


def _reads_body(page: Any) -> bool:
    return "body" in page.read_aloud_parts


def readable_languages(page: Any) -> list[str]:
    """The languages all of the page's read parts are written in: those that get a recording."""
    source_body = getattr(page, "body_nl", None) if _reads_body(page) else None
    return [
        code
        for code in VOICES
        if _filled(getattr(page, f"title_{code}", None))
        and _filled(getattr(page, f"summary_{code}", None))
        and (_filled(getattr(page, f"body_{code}", None)) or not _filled(source_body))
    ]


def reading_language(page: Any, language: str) -> str | None:
    """The language a visitor asking for ``language`` hears: the first whole text in the chain."""
    readable = set(readable_languages(page))
    return next((code for code in fallback_chain(language) if code in readable), None)


def script(page: Any, language: str) -> str:
    """What the speech engine is sent for ``page`` in ``language``."""
    return speech_text(
        getattr(page, f"title_{language}"),
        getattr(page, f"summary_{language}"),
        getattr(page, f"body_{language}", None) if _reads_body(page) else None,
        language,
    )


def audio_for(page: Any, language: str) -> Audio | None:
    """The recording of the live revision for a visitor asking for ``language``, if made yet."""
    code = reading_language(page, language)
    entry = (page.read_aloud or {}).get(code) if code else None
    if not entry or entry.get("revision") != page.live_revision_id:
        return None
    return Audio(url=default_storage.url(entry["path"]), language=code, bytes=entry["bytes"])


def record(page: Any, language: str) -> dict[str, Any]:
    """Make (or reuse) the recording of the page's live revision in ``language``; store it.

    The file is named after what is said, so a revision that did not change
    this language's text reuses the file it already has.
    """
    text = script(page, language)
    settings_used = f"{VOICES[language]}|{WORDS_PER_MINUTE}|{BITRATE_KBPS}"
    digest = hashlib.sha256(f"{settings_used}\n{text}".encode()).hexdigest()[:20]
    path = f"read-aloud/{page.pk}/{language}-{digest}.{EXTENSION}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(synthesise(text, language).data))
    entry = {"revision": page.live_revision_id, "path": path, "bytes": default_storage.size(path)}
    with transaction.atomic():
        # Tasks for several languages of one guide may finish at once: merge under a lock.
        locked = type(page).objects.select_for_update().only("read_aloud").get(pk=page.pk)
        read_aloud = dict(locked.read_aloud or {})
        read_aloud[language] = entry
        type(page).objects.filter(pk=page.pk).update(read_aloud=read_aloud)
    return entry
