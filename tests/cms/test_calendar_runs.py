"""The nightly import over every partner: one partner's failure does not stop the others, an
import left "running" by a stopped worker is failed and taken over, and a second import of a
partner does not start while the first one really runs.
"""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.calendars import syncing
from cms.calendars.models import CalendarImport
from cms.calendars.runs import ImportRunning
from cms.calendars.syncing import import_calendar
from cms.models import ActivityPage, Partner
from tests.cms.conftest import make_member
from tests.cms.test_calendar_import import NOW, club

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_feeds_allowed():
    with override_settings(DEBUG=True, CALENDAR_FEED_TIMEOUT=2):
        yield


def state_of(partner: Partner) -> CalendarImport:
    return CalendarImport.objects.get(partner=partner)


def left_running(partner: Partner, minutes_ago: int) -> None:
    CalendarImport.objects.update_or_create(
        partner=partner,
        defaults={
            "status": CalendarImport.Status.RUNNING,
            "started_at": timezone.now() - timedelta(minutes=minutes_ago),
        },
    )


def test_one_partner_s_unexpected_error_fails_that_import_only(server, monkeypatch):
    broken = club(server.serve_file("/a.ics", "google.ics"), slug="club-a")
    fine = club(server.serve_file("/b.ics", "google.ics"), slug="club-b")
    upsert = syncing._Run.upsert
    seen: list[str] = []

    def upsert_then_break(run, event):
        upsert(run, event)  # the first event of club A is written...
        seen.append(run.partner.slug)
        if run.partner == broken and seen.count("club-a") == 2:
            raise RuntimeError("boom\nwith a long traceback-ish tail")

    monkeypatch.setattr(syncing._Run, "upsert", upsert_then_break)
    out = StringIO()

    with pytest.raises(CommandError, match="1 calendar feed"):
        call_command("import_calendars", stdout=out)

    failed = state_of(broken)
    assert failed.status == CalendarImport.Status.FAILED
    assert "RuntimeError: boom" in failed.error and "traceback" not in failed.error
    assert not ActivityPage.objects.filter(organiser=broken).exists()  # ...and rolled back
    assert state_of(fine).status == CalendarImport.Status.DONE
    assert ActivityPage.objects.filter(organiser=fine).count() == 3
    assert "club-a: Failed: an unexpected error" in out.getvalue()
    assert "club-b: 3 created" in out.getvalue()


def test_an_import_left_running_by_a_stopped_worker_is_failed_and_taken_over(server):
    partner = club(server.serve_file("/a.ics", "google.ics"))
    left_running(partner, minutes_ago=120)
    without_feed = Partner.objects.get(slug="vv-ochten")
    without_feed.pk = None
    without_feed.slug = "oud"
    without_feed.calendar_url = ""
    without_feed.save()
    left_running(without_feed, minutes_ago=90)

    call_command("import_calendars", stdout=StringIO())

    taken_over = state_of(partner)
    assert taken_over.status == CalendarImport.Status.DONE and taken_over.counts["created"] == 3
    stuck = state_of(without_feed)  # not imported tonight: failed, and says why
    assert stuck.status == CalendarImport.Status.FAILED
    assert "stopped without finishing" in stuck.error


def test_the_admin_s_import_taking_over_says_so(server):
    partner = club(server.serve_file("/a.ics", "google.ics"))
    left_running(partner, minutes_ago=120)

    state = import_calendar(partner, now=NOW)

    assert state.status == CalendarImport.Status.DONE and state.counts["created"] == 3
    assert "stopped without finishing" in state.problems[0]


def test_a_second_import_of_the_same_partner_does_not_start(server, client):
    partner = club(server.serve_file("/a.ics", "google.ics"))
    left_running(partner, minutes_ago=5)
    out = StringIO()

    call_command("import_calendars", stdout=out)
    with pytest.raises(ImportRunning):
        import_calendar(partner, now=NOW)
    client.force_login(make_member("coordinator"))
    answer = client.post(
        reverse("cms_partner_calendar", args=[partner.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "vv-ochten: not started, an import of this calendar is already running" in (
        out.getvalue()
    )
    assert "An import of this calendar is running" in answer.content.decode()
    assert not DBTaskResult.objects.exists()
    assert state_of(partner).status == CalendarImport.Status.RUNNING
    assert not ActivityPage.objects.filter(organiser=partner).exists()
