"""One import of a partner's calendar at a time, and none left "running" by a stopped worker.

An import marks the partner's ``CalendarImport`` as running (``claim``); a
second one of the same partner (the nightly command while the worker runs the
admin's button) finds it so and does not start: two runs would both create
the same new events. The claim is taken under a row lock, so two starting at
the same moment cannot both see "not running".

A worker killed halfway (deploy, out of memory) never writes "done" or
"failed". An import running for longer than ``STUCK_AFTER``, far beyond what
the feed's time and size limits allow, is such a one: the next import
records it as failed and takes over (``fail_stuck``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from ..models import Partner
from .models import CalendarImport
from .reasons import Reason

STUCK_AFTER = timedelta(hours=1)


class ImportRunning(Exception):
    """Another import of this partner's calendar is running; this one did not start."""

    def __init__(self, state: CalendarImport) -> None:
        self.state = state
        super().__init__(
            f"an import of this calendar is already running (since {state.started_at})"
        )


def is_stuck(state: CalendarImport, now: datetime) -> bool:
    return (
        state.status == CalendarImport.Status.RUNNING
        and state.started_at is not None
        and state.started_at < now - STUCK_AFTER
    )


def stopped_reason(state: CalendarImport) -> Reason:
    return Reason(
        gettext_noop(
            "the import started at %(started)s UTC stopped without finishing "
            "(the worker was stopped); the next import starts over"
        ),
        {"started": f"{state.started_at:%Y-%m-%d %H:%M}"},
    )


def fail_stuck(now: datetime | None = None) -> int:
    """Record every import running for longer than ``STUCK_AFTER`` as failed; how many."""
    now = now or timezone.now()
    stuck = CalendarImport.objects.filter(
        status=CalendarImport.Status.RUNNING, started_at__lt=now - STUCK_AFTER
    )
    for state in stuck:
        record_failure(state, stopped_reason(state))
    return len(stuck)


def claim(partner: Partner) -> tuple[CalendarImport, Reason | None]:
    """Mark the partner's import as running, or raise ``ImportRunning`` if one really is.

    Also returns why a stuck run was taken over (None if none), for the new run to report.
    """
    now = timezone.now()
    CalendarImport.objects.get_or_create(partner=partner)
    with transaction.atomic():
        state = CalendarImport.objects.select_for_update().get(partner=partner)
        if state.status == CalendarImport.Status.RUNNING and not is_stuck(state, now):
            raise ImportRunning(state)
        took_over = stopped_reason(state) if is_stuck(state, now) else None
        state.status = CalendarImport.Status.RUNNING
        state.started_at = now
        state.finished_at = None
        state.save(update_fields=["status", "started_at", "finished_at"])
    return state, took_over


def record_failure(state: CalendarImport, reason: Reason) -> CalendarImport:
    """The import failed as a whole: ``reason`` is shown after "Nothing was changed:"."""
    state.status = CalendarImport.Status.FAILED
    state.error = str(reason)
    state.reason = reason.as_json()
    state.problems = []
    state.problem_reasons = []
    state.counts = {}
    state.finished_at = timezone.now()
    state.save()
    return state
