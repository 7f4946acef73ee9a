"""Posters are made by the background worker: tests run django-tasks' own ``db_worker``
loop in-process (batch mode: it stops when the queue is empty).

The worker closes "old" database connections between tasks; inside a test's
transaction that would close the test's own connection, so that one call is
left out, nothing else.
"""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import Client
from django_tasks_db.management.commands import db_worker


def work_off_the_queue() -> None:
    """Run every queued background task, as ``manage.py db_worker --backend background``."""
    worker = db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    with mock.patch.object(db_worker, "close_old_connections"):
        worker.run()


def printed(client: Client, path: str, **extra):
    """The poster at ``path``: asked for (queued), made by the worker, asked for again."""
    first = client.get(path, **extra)
    if first.status_code != 202:
        return first
    work_off_the_queue()
    return client.get(path, **extra)


@pytest.fixture
def own_media(settings, tmp_path):
    """A media folder of the test's own: a poster stored by an earlier test is not served."""
    settings.MEDIA_ROOT = tmp_path / "media"
