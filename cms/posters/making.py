"""How far a poster is: stored, waiting, being made, or failed; and queueing it once.

The queue's own table (django-tasks' ``DBTaskResult``) is the record of the
work: the latest task for a key says its state, so no second table has to be
kept in step with it. Queueing takes a transaction-scoped advisory lock on the
key, so two requests at once (on two app servers) queue one task.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .stored import is_stored
from .tasks import make_poster

TASK_PATH = f"{make_poster.func.__module__}.{make_poster.func.__name__}"


@dataclass(frozen=True)
class Order:
    """What the worker needs to make one poster (the task's keyword arguments)."""

    key: str
    kind: str
    slug: str
    languages: list[str]
    size: str
    municipality: int | None


def latest_task(key: str) -> DBTaskResult | None:
    return (
        DBTaskResult.objects.filter(task_path=TASK_PATH, args_kwargs__kwargs__key=key)
        .order_by("-enqueued_at")
        .first()
    )


def _needs_queueing(task: DBTaskResult | None, key: str, retry: bool) -> bool:
    if task is None:
        return True
    if task.status == TaskResultStatus.FAILED:
        return retry
    # Made once, then purged from storage: make it again.
    return task.status == TaskResultStatus.SUCCESSFUL and not is_stored(key)


def queue_once(order: Order, *, retry: bool = False) -> DBTaskResult | None:
    """The poster's latest task, queueing one first when none waits or runs.

    ``retry``: a failed task is queued again (the visitor pressed "Try again").
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(order.key[:15], 16)])
        task = latest_task(order.key)
        if _needs_queueing(task, order.key, retry):
            make_poster.enqueue(
                key=order.key,
                kind=order.kind,
                slug=order.slug,
                languages=order.languages,
                size=order.size,
                municipality=order.municipality,
            )
            task = latest_task(order.key)
    return task
