"""The background work: recording a published guide or activity in each language it is in.

Speaking and encoding a long guide takes seconds, so it never runs in the
editor's request: publishing queues one task per language (``signals``), and
``manage.py db_worker --backend background`` works them off.
"""

from __future__ import annotations

from typing import Any

from django_tasks import task

from .recordings import readable_languages, record


def _record_live(model: Any, page_id: int, language: str) -> None:
    page = model.objects.live().filter(pk=page_id).first()
    if page is None or language not in readable_languages(page):
        return
    record(page, language)


@task(backend="background")
def record_guide(page_id: int, language: str) -> None:
    """Record the live revision of a guide in ``language``; skipped if gone or unpublished."""
    from ..models import GuidePage

    _record_live(GuidePage, page_id, language)


@task(backend="background")
def record_activity(page_id: int, language: str) -> None:
    """Record an activity's live title and summary in ``language``; skipped if gone."""
    from ..models import ActivityPage

    _record_live(ActivityPage, page_id, language)
