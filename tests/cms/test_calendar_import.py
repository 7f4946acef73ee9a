"""Partners' calendar feeds: Outlook- and Google-shaped feeds become activities, by UID.

The feeds (``calendar_feeds/``) are served by a real HTTP server on 127.0.0.1,
which only ``DEBUG`` on allows; ``test_calendar_ssrf.py`` tests the refusal.
The clock is fixed at 1 January 2027 so that the feeds' dates stay ahead.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from django.test import override_settings
from wagtail.models import Revision

from cms.calendars.models import CalendarEvent, CalendarImport
from cms.calendars.syncing import import_calendar
from cms.models import ActivityPage, Category, Partner
from tests import factories
from tests.cms.feed_server import FEEDS

NOW = datetime(2027, 1, 1, tzinfo=UTC)
OUTLOOK_SERIES = (
    "040000008200E00074C5B7101A82E00800000000D0A4AB1F0D4DDB01000000000000000"
    "010000000C2F7E2D8C4E0A44B9A8D6E5A1F2B3C4D"
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_feeds_allowed():
    with override_settings(DEBUG=True, CALENDAR_FEED_TIMEOUT=2):
        yield


def club(url: str, *, publish: bool = True, slug: str = "vv-ochten") -> Partner:
    factories.load(partners=[factories.partner(slug=slug, name="VV Ochten", type="sports_club")])
    partner = Partner.objects.get(slug=slug)
    partner.calendar_url = url
    partner.calendar_category = Category.objects.get(slug="sport")
    partner.calendar_languages = ["nl", "pl"]
    partner.calendar_publish = publish
    partner.full_clean()
    partner.save()
    return partner


def activity_of(partner: Partner, uid: str, recurrence_id: str = "") -> ActivityPage:
    link = CalendarEvent.objects.get(partner=partner, uid=uid, recurrence_id=recurrence_id)
    return ActivityPage.objects.get(pk=link.activity_id)


def test_an_outlook_feed_becomes_the_partners_activities(server):
    partner = club(server.serve_file("/agenda.ics", "outlook.ics"))
    state = import_calendar(partner, now=NOW)

    assert state.status == CalendarImport.Status.DONE, state.error
    assert state.counts == {
        "created": 3,  # the series, its moved Tuesday, the family day
        "updated": 0,
        "cancelled": 0,
        "unchanged": 0,
        "skipped": 0,
    }
    series = activity_of(partner, OUTLOOK_SERIES)
    assert series.live and series.organiser == partner and series.category.slug == "sport"
    assert series.title == "Mixed voetbaltraining"
    assert series.languages_offered == ["nl", "pl"]
    assert series.location_name == "Sportpark De Eng" and series.location_address == "Ochten"
    # "W. Europe Standard Time" with Outlook's own VTIMEZONE: 19:00 in Ochten.
    assert series.starts_at == datetime(2027, 1, 5, 18, 0, tzinfo=UTC)
    assert "UNTIL=20271228T180000Z" in series.recurrence
    dates = [o.starts_at.date().isoformat() for o in series.next_occurrences(5, now=NOW)]
    # 12 Jan moved to Wednesday 13th (its own activity), 19 Jan cancelled, 2 Feb an EXDATE.
    assert dates == ["2027-01-05", "2027-01-26", "2027-02-09", "2027-02-16", "2027-02-23"]
    # The stored dates start 60 days before "now": stored again on the test's clock,
    # or the first dates would fall out of the window from March 2027 on.
    series.rebuild_occurrences(now=NOW)
    stored = sorted(o.starts_at.date().isoformat() for o in series.occurrences.all())[:4]
    assert stored == ["2027-01-05", "2027-01-26", "2027-02-09", "2027-02-16"]

    moved = activity_of(partner, OUTLOOK_SERIES, "2027-01-12T19:00:00+01:00")
    assert moved.title == "Mixed voetbaltraining (woensdag)" and not moved.recurrence
    assert moved.starts_at == datetime(2027, 1, 13, 18, 0, tzinfo=UTC)

    family = activity_of(partner, "outlook-familiedag-0001")
    sundays = [o.starts_at.date().isoformat() for o in family.next_occurrences(3, now=NOW)]
    assert sundays == ["2027-01-31", "2027-02-28", "2027-03-28"]  # BYDAY=-1SU
    assert family.location_name == ""  # no LOCATION: fine

    # The cancelled bingo never became an activity; the broken event is named.
    assert not CalendarEvent.objects.filter(uid="outlook-cancelled-0002").exists()
    assert len(state.problems) == 1
    assert "outlook-broken-0003" in state.problems[0]
    assert "Kapotte afspraak" in state.problems[0]
    assert "DTSTART" in state.problems[0]


def test_a_second_run_changes_nothing(server):
    partner = club(server.serve_file("/agenda.ics", "outlook.ics"))
    import_calendar(partner, now=NOW)
    revisions = Revision.objects.count()
    pages = ActivityPage.objects.count()

    again = import_calendar(partner, now=NOW)

    assert again.counts["unchanged"] == 3
    assert again.counts["created"] == again.counts["updated"] == again.counts["cancelled"] == 0
    assert Revision.objects.count() == revisions
    assert ActivityPage.objects.count() == pages


def test_a_google_feed_with_html_all_day_and_utc_events(server):
    partner = club(server.serve_file("/basic.ics", "google.ics"))
    state = import_calendar(partner, now=NOW)

    assert state.counts["created"] == 3 and not state.problems
    cafe = activity_of(partner, "7kukuqrfedlm2f9t4vhpq2lcvq@google.com")
    body = str(cafe.body)
    assert "Taalcafé voor iedereen" in body and "Gratis koffie!" in body
    for hostile in ("<script", "javascript:", "onerror", "<img", "<b>"):
        assert hostile not in body
    assert cafe.summary == "Taalcafé voor iedereen die Nederlands wil oefenen."
    firsts = [o.starts_at.date().isoformat() for o in cafe.next_occurrences(3, now=NOW)]
    assert firsts == ["2027-02-01", "2027-03-01", "2027-04-01"]  # first weekday (BYSETPOS=1)
    assert cafe.location_name == "Bibliotheek Dodewaard"

    market = activity_of(partner, "2b8s0qk1k0q5u5f0u5l2m0o9r0@google.com")
    assert market.starts_at == datetime(2027, 4, 16, 22, 0, tzinfo=UTC)  # all day, Amsterdam
    assert market.ends_at == datetime(2027, 4, 17, 22, 0, tzinfo=UTC)
    consult = activity_of(partner, "5p3l8t9h1r6n2m4k7j0g8f5d3s@google.com")
    assert consult.starts_at == datetime(2027, 5, 10, 16, 0, tzinfo=UTC)
    assert not CalendarEvent.objects.filter(uid="old-2019@google.com").exists()  # long past


def test_drafts_for_review_when_the_partner_does_not_publish_directly(server):
    partner = club(server.serve_file("/basic.ics", "google.ics"), publish=False)
    import_calendar(partner, now=NOW)
    cafe = activity_of(partner, "7kukuqrfedlm2f9t4vhpq2lcvq@google.com")
    assert not cafe.live and cafe.latest_revision is not None
    revisions = Revision.objects.count()
    assert import_calendar(partner, now=NOW).counts["unchanged"] == 3
    assert Revision.objects.count() == revisions


def test_changes_in_the_feed_update_and_cancel(server):
    google = (FEEDS / "google.ics").read_bytes()
    url = server.serve("/basic.ics", google)
    partner = club(url)
    import_calendar(partner, now=NOW)

    changed = google.replace(b"SUMMARY:Digitaal spreekuur", b"SUMMARY:Digitaal spreekuur (DigiD)")
    changed = changed.replace(
        b"SUMMARY:Boekenmarkt", b"SUMMARY:Boekenmarkt\r\nSTATUS:CANCELLED"
    ).replace(b"STATUS:CONFIRMED\r\nSUMMARY:Boekenmarkt", b"SUMMARY:Boekenmarkt")
    start = changed.index(b"BEGIN:VEVENT")  # the language café's event: deleted in Google
    end = changed.index(b"END:VEVENT", start) + len(b"END:VEVENT\r\n")
    server.serve("/basic.ics", changed[:start] + changed[end:])

    state = import_calendar(partner, now=NOW)

    assert state.counts["updated"] == 1 and state.counts["cancelled"] == 2, state.problems
    consult = activity_of(partner, "5p3l8t9h1r6n2m4k7j0g8f5d3s@google.com")
    assert consult.title == "Digitaal spreekuur (DigiD)" and consult.live
    assert not activity_of(partner, "2b8s0qk1k0q5u5f0u5l2m0o9r0@google.com").live
    assert not activity_of(partner, "7kukuqrfedlm2f9t4vhpq2lcvq@google.com").live
    assert import_calendar(partner, now=NOW).counts["cancelled"] == 0  # said once


def test_an_edit_made_in_wegwijs_is_not_overwritten(server):
    google = (FEEDS / "google.ics").read_bytes()
    partner = club(server.serve("/basic.ics", google))
    import_calendar(partner, now=NOW)
    consult = activity_of(partner, "5p3l8t9h1r6n2m4k7j0g8f5d3s@google.com")
    consult.title = "Digitaal spreekuur, ook in het Pools"
    consult.save_revision().publish()

    server.serve(
        "/basic.ics", google.replace(b"DTSTART:20270510T160000Z", b"DTSTART:20270511T160000Z")
    )
    state = import_calendar(partner, now=NOW)

    consult.refresh_from_db()
    assert consult.title == "Digitaal spreekuur, ook in het Pools"
    assert consult.starts_at == datetime(2027, 5, 10, 16, 0, tzinfo=UTC)
    assert state.counts["skipped"] == 1
    assert (
        "changed in Wegwijs" in state.problems[0]
        and "5p3l8t9h1r6n2m4k7j0g8f5d3s" in state.problems[0]
    )


def test_an_activity_edited_in_wegwijs_is_not_unpublished_by_a_cancellation(server):
    """Cancelled in the calendar (the book market) or deleted there (the language café):
    edited in Wegwijs since, it stays published and the run says why."""
    google = (FEEDS / "google.ics").read_bytes()
    partner = club(server.serve("/basic.ics", google))
    import_calendar(partner, now=NOW)
    market = activity_of(partner, "2b8s0qk1k0q5u5f0u5l2m0o9r0@google.com")
    cafe = activity_of(partner, "7kukuqrfedlm2f9t4vhpq2lcvq@google.com")
    for page, title in ((market, "Boekenmarkt, nu in de bibliotheek"), (cafe, "Taalcafé Ochten")):
        page.title = title
        page.save_revision().publish()

    changed = google.replace(b"STATUS:CONFIRMED\r\nSUMMARY:Boekenmarkt", b"SUMMARY:Boekenmarkt")
    changed = changed.replace(b"SUMMARY:Boekenmarkt", b"SUMMARY:Boekenmarkt\r\nSTATUS:CANCELLED")
    start = changed.index(b"BEGIN:VEVENT")
    end = changed.index(b"END:VEVENT", start) + len(b"END:VEVENT\r\n")
    server.serve("/basic.ics", changed[:start] + changed[end:])
    state = import_calendar(partner, now=NOW)

    assert state.counts["cancelled"] == 0 and state.counts["skipped"] == 2, state.problems
    for page in (market, cafe):
        page.refresh_from_db()
        assert page.live
    reported = "\n".join(state.problems)
    assert "Boekenmarkt, nu in de bibliotheek" in reported and "Taalcafé Ochten" in reported
    assert "2b8s0qk1k0q5u5f0u5l2m0o9r0" in reported and "7kukuqrfedlm2f9t4vhpq2lcvq" in reported
    assert "changed in Wegwijs" in reported and "stays published" in reported


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("/gone.ics", "HTTP 404"),
        ("/slow", "longer than"),
        ("/trickle", "longer than"),
        ("/big.ics", "larger than"),
        ("/endless.ics", "larger than"),
        ("/page.html", "not give an iCalendar"),
        ("/loop.ics", "redirects more than"),
    ],
)
def test_a_broken_feed_changes_nothing_and_says_why(server, route, expected):
    url = server.serve_file("/agenda.ics", "outlook.ics")
    partner = club(url)
    import_calendar(partner, now=NOW)
    before = sorted(ActivityPage.objects.values_list("pk", "live", "latest_revision_id"))
    server.serve("/big.ics", b"BEGIN:VCALENDAR\r\n" + b"X" * 3_000_000)
    server.serve(
        "/page.html", b"<!doctype html><p>Welkom bij VV Ochten</p>", **{"Content-Type": "text/html"}
    )
    server.redirect("/loop.ics", server.base + "/loop.ics")
    partner.calendar_url = server.base + route
    partner.save()

    with override_settings(CALENDAR_FEED_TIMEOUT=0.5, CALENDAR_FEED_MAX_BYTES=1_000_000):
        state = import_calendar(partner, now=NOW)

    assert state.status == CalendarImport.Status.FAILED
    assert expected in state.error
    assert sorted(ActivityPage.objects.values_list("pk", "live", "latest_revision_id")) == before
    # A crawling server is left before it is done (20 s of bytes), not waited out.
    assert not server.trickled.is_set()


def test_a_server_that_is_down():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    partner = club(f"http://127.0.0.1:{port}/agenda.ics")
    state = import_calendar(partner, now=NOW)
    assert state.status == CalendarImport.Status.FAILED and "is down" in state.error


WINDOWS_ZONE_WITHOUT_ITS_BLOCK = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Club software//NL\r\n"
    "BEGIN:VEVENT\r\nUID:taalcafe-win@club.example\r\nDTSTAMP:20261201T120000Z\r\n"
    "SUMMARY:Taalcafé\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20270105T190000\r\n"
    "DTEND;TZID=W. Europe Standard Time:20270105T203000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


def test_a_windows_zone_without_its_block_and_an_until_written_as_a_date(server):
    """Club software that names the zone the Windows way and leaves out its VTIMEZONE,
    and ends the series with a plain date (RFC 5545 wants UTC with a zoned start):
    19:00 in Amsterdam, the four Tuesdays up to and including 26 January."""
    partner = club(server.serve("/club.ics", WINDOWS_ZONE_WITHOUT_ITS_BLOCK))

    state = import_calendar(partner, now=NOW)

    assert state.status == CalendarImport.Status.DONE, state.error
    cafe = activity_of(partner, "taalcafe-win@club.example")
    assert cafe.starts_at == datetime(2027, 1, 5, 18, 0, tzinfo=UTC)
    dates = [o.starts_at.date().isoformat() for o in cafe.next_occurrences(10, now=NOW)]
    assert dates == ["2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26"]
