"""The calendar import as a background task, so the admin's button answers at once.

A slow feed may take the full ``CALENDAR_FEED_TIMEOUT`` and a large one
creates many pages: too long for a request. The task goes to the "background"
backend (a queue table, worked off by ``manage.py db_worker --backend
background``); the partner's ``CalendarImport`` row shows "waiting", then the
result.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from ..models import Partner
from .models import CalendarImport
from .runs import ImportRunning, is_stuck
from .syncing import import_calendar


@task(backend="background")
def import_partner_calendar(partner_id: int) -> dict:
    """Run one partner's import; returns its counts (the task result)."""
    partner = Partner.objects.select_related("calendar_category").get(pk=partner_id)
    try:
        state = import_calendar(partner)
    except ImportRunning as running:  # the nightly command got there first
        return {"status": running.state.status, "counts": {}, "error": str(running)}
    return {"status": state.status, "counts": state.counts, "error": state.error}


def queue_import(partner: Partner) -> CalendarImport:
    """Mark the partner's import as waiting and hand it to the worker.

    Not while an import of the partner is running: its "running" would read
    "waiting", and the result would come from the run already under way.
    """
    state, _ = CalendarImport.objects.get_or_create(partner=partner)
    if state.status == CalendarImport.Status.RUNNING and not is_stuck(state, timezone.now()):
        raise ImportRunning(state)
    state.status = CalendarImport.Status.QUEUED
    state.save(update_fields=["status"])
    import_partner_calendar.enqueue(partner.pk)
    return state
