"""The background work: recording a published guide in each language it is written in.

Speaking and encoding a long guide takes seconds, so it never runs in the
editor's request: publishing queues one task per language (``signals``), and
``manage.py db_worker --backend background`` works them off.
"""

from __future__ import annotations

from django_tasks import task

from .recordings import readable_languages, record


@task(backend="background")
def record_guide(page_id: int, language: str) -> None:
    """Record the live revision of a guide in ``language``; skipped if gone or unpublished."""
    from ..models import GuidePage

    page = GuidePage.objects.live().filter(pk=page_id).first()
    if page is None or language not in readable_languages(page):
        return
    record(page, language)
