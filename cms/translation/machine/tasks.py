"""Drafting a whole language's missing texts runs in the background: it can take minutes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from .drafts import draft_missing


@task(backend="background")
def draft_language(language: str, user_id: int | None = None) -> dict:
    """Machine drafts of everything missing in ``language``; the report is the task's result."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    report = draft_missing(language, user)
    return {
        "language": report.language,
        "objects": report.objects,
        "segments": report.segments,
        "characters": report.characters,
        "stopped": report.stopped,
    }
