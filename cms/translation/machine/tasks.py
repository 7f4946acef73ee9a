"""Drafting a whole language's missing texts runs in the background: it can take minutes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from ...municipalities import lookup
from .drafts import draft_missing


@task(backend="background")
def draft_language(
    language: str, user_id: int | None = None, municipality_id: int | None = None
) -> dict:
    """Machine drafts of everything missing in ``language`` shown in the municipality.

    The report is the task's result; the characters count against that
    municipality's budget (none given: the default municipality's).
    """
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    report = draft_missing(language, user, municipality=lookup.by_pk(municipality_id))
    return {
        "language": report.language,
        "objects": report.objects,
        "segments": report.segments,
        "characters": report.characters,
        "stopped": report.stopped,
        "held": report.held,  # objects whose drafts wait for a translator's review
    }
