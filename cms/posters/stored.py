"""Where a finished poster lives: a PDF in media storage, named by what it shows.

The name is a hash of everything that makes two posters differ: the texts per
language (so a new revision or a changed date is a new poster), the size, and
the municipality's name, colour, logo and site (the QR code). The same request
on a later day, or on another app server, finds the same file; a changed item
finds none and has a new one made. Files are rebuildable from the database,
so ``purge_posters`` may delete old ones at any time.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .branding import Branding
from .content import PosterContent

FOLDER = "posters"


def poster_key(content: PosterContent, size: str, branding: Branding) -> str:
    """A stable name for this poster: sha256 over its content, size and branding."""
    what = repr((content, size, branding)).encode()
    return hashlib.sha256(what).hexdigest()[:32]


def stored_path(key: str) -> str:
    return f"{FOLDER}/{key}.pdf"


def is_stored(key: str) -> bool:
    return default_storage.exists(stored_path(key))


def store(key: str, pdf: bytes) -> str:
    """Save the PDF under its key (replacing a half-written one); returns its storage path."""
    path = stored_path(key)
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(pdf))


def purge_older_than(days: int, now: datetime) -> int:
    """Delete stored posters last written more than ``days`` ago; returns how many."""
    if not default_storage.exists(FOLDER):
        return 0
    cutoff = now - timedelta(days=days)
    _, files = default_storage.listdir(FOLDER)
    removed = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            removed += 1
    return removed
