"""The calendar import's speed: one partner's feed of many events, fetched over local HTTP.

#19 asks of the calendar import what it asks of ``import_content``: 20 records
a second on PostgreSQL, still one transaction, still idempotent, still writing
a revision where an editor would expect one. So a feed shaped like a busy
club's or library's calendar (one-off events, weekly series with skipped dates,
a date moved out of its series, all-day events, HTML descriptions, Polish
text) is served by a real HTTP server and imported:

- ``first``: every event becomes an activity (a page and its first revision),
  for three partners, each its own feed of as many events: the median is the
  figure (one import's rate moved between 18 and 30 records/s from run to run
  on the same database, bench/results/notes.md, session 24);
- ``again``: the same feed, which must change nothing and write no revision;
- ``changed``: a tenth of the events moved or renamed, a twentieth gone from
  the feed, as a partner's week of edits: updated (a revision each) and
  cancelled (unpublished).

A run whose counts are not exactly these fails the bench: a fast import that
lost or duplicated events is no figure. The fetch is allowed to reach
127.0.0.1 with ``DEBUG`` on, as in the tests (``cms.calendars.fetching``);
``DEBUG`` also times and logs each SQL statement, so the figure is a little
lower than a production server's.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import icalendar
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Revision

from cms.calendars.models import CalendarImport
from cms.calendars.syncing import import_calendar
from cms.models import ActivityPage, Category, Partner
from cms.recurrence import AMSTERDAM

EVENTS = 200
# New feeds imported, each by its own partner; the figure is their median.
FEEDS = 3
SEED = 19
CHANGED_SHARE = 0.10
REMOVED_SHARE = 0.05

TITLES = [
    "Nederlandse les voor beginners",
    "Lekcja niderlandzkiego",
    "Voetbaltraining gemengd team",
    "Spreekuur huisarts en zorgverzekering",
    "Taalcafé in de bibliotheek",
    "Fietsles voor volwassenen",
    "Curs de limba olandeză",
    "Inloopochtend wonen en huur",
]
PLACES = [
    "Sportpark De Eng, Ochten",
    "Bibliotheek Tiel, Koningin Wilhelminalaan 1",
    "Dorpshuis Kesteren",
    "",
]


@dataclass
class RunFigures:
    seconds: float
    per_second: float
    counts: dict[str, int]
    revisions: int


@dataclass
class CalendarImportTimes:
    activities: int  # already there before the feed: the platform it is imported into
    events: int
    feed_bytes: int  # the new feed's
    first: RunFigures  # the median of the new feeds' imports
    first_rates: list[float]  # records/s of each new feed's import
    again: RunFigures
    changed: RunFigures


@dataclass(frozen=True)
class _Event:
    uid: str
    title: str
    starts_at: datetime
    weekly: bool
    all_day: bool
    place: str
    description: str


def _events(count: int, now: datetime, feed: int = 0) -> list[_Event]:
    """The events of feed number ``feed``: their own uids and titles, the same dates."""
    rng = random.Random(SEED)
    start = now.astimezone(AMSTERDAM).replace(hour=19, minute=0, second=0, microsecond=0)
    events = []
    for number in range(count):
        kind = rng.random()
        title = TITLES[number % len(TITLES)]
        events.append(
            _Event(
                uid=f"bench-{feed}-{number:05d}@agenda.example.org",
                title=f"{title} {feed}-{number}",
                starts_at=start + timedelta(days=rng.randint(1, 180), hours=rng.randint(-9, 1)),
                weekly=kind < 0.3,
                all_day=0.3 <= kind < 0.35,
                place=PLACES[number % len(PLACES)],
                description=(
                    f"<p>{title}. <b>Gratis</b>, zonder aanmelden.</p>"
                    "<p>Zapraszamy wszystkich: język polski i niderlandzki.</p>"
                ),
            )
        )
    return events


def _feed(events: list[_Event]) -> bytes:
    """The events as an iCalendar file, written by the icalendar library."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Wegwijs bench//agenda//NL")
    calendar.add("version", "2.0")
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", event.uid)
        entry.add("summary", event.title)
        entry.add("description", event.description)
        if event.place:
            entry.add("location", event.place)
        if event.all_day:
            entry.add("dtstart", event.starts_at.date())
        else:
            entry.add("dtstart", event.starts_at)
            entry.add("dtend", event.starts_at + timedelta(hours=2))
        if event.weekly:
            entry.add("rrule", {"freq": "weekly", "count": 20})
            entry.add("exdate", event.starts_at + timedelta(weeks=3))
        calendar.add_component(entry)
        if event.weekly:  # the fifth date moved a day later, as Outlook writes it
            moved = icalendar.Event()
            moved.add("uid", event.uid)
            moved.add("recurrence-id", event.starts_at + timedelta(weeks=4))
            moved.add("summary", f"{event.title} (verplaatst)")
            moved.add("dtstart", event.starts_at + timedelta(weeks=4, days=1))
            moved.add("dtend", event.starts_at + timedelta(weeks=4, days=1, hours=2))
            calendar.add_component(moved)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _changed(events: list[_Event]) -> list[_Event]:
    """A week of the partner's edits: some events moved or renamed, some deleted."""
    rng = random.Random(SEED + 1)
    kept = []
    for event in events:
        draw = rng.random()
        if draw < REMOVED_SHARE:
            continue
        if draw < REMOVED_SHARE + CHANGED_SHARE:
            event = replace(
                event,
                title=f"{event.title} (nieuwe tijd)",
                starts_at=event.starts_at + timedelta(hours=1),
            )
        kept.append(event)
    return kept


class _FeedServer:
    """Serves the current feed at /agenda.ics on a free local port."""

    def __init__(self):
        self.body = b""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *args):  # the bench's output stays readable
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/agenda.ics"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


def _run(partner: Partner, records: int) -> RunFigures:
    revisions = Revision.objects.count()
    started = time.perf_counter()
    state = import_calendar(partner)
    seconds = time.perf_counter() - started
    if state.status != CalendarImport.Status.DONE:
        raise RuntimeError(f"the calendar import failed: {state.error}")
    return RunFigures(
        seconds=round(seconds, 2),
        per_second=round(records / seconds, 1),
        counts=dict(state.counts),
        revisions=Revision.objects.count() - revisions,
    )


def _expect(run: RunFigures, **counts: int) -> None:
    """Exactly these outcomes, and no other."""
    if {outcome: n for outcome, n in run.counts.items() if n} != counts:
        raise RuntimeError(f"the calendar import counted {run.counts}, expected {counts}")


def _records(events: list[_Event]) -> int:
    """The events the import reads: a weekly series brings its moved date, an activity too."""
    return len(events) + sum(event.weekly for event in events)


def _subscribed(partner: Partner, url: str) -> Partner:
    partner.calendar_url = url
    partner.calendar_category = Category.objects.order_by("pk").first()
    partner.calendar_language = "pl"
    partner.calendar_languages = ["pl", "nl"]
    partner.calendar_publish = True
    partner.save()
    return partner


def measure(events: int = EVENTS, feeds: int = FEEDS) -> CalendarImportTimes:
    now = timezone.now()
    server = _FeedServer()
    partners = [_subscribed(p, server.url) for p in Partner.objects.order_by("pk")[:feeds]]
    planned = [_events(events, now, feed=number) for number in range(len(partners))]
    bodies = [_feed(feed) for feed in planned]
    records = _records(planned[0])  # the same for every feed: only uids and titles differ
    activities = ActivityPage.objects.count()
    try:
        with override_settings(DEBUG=True):  # the feed is on 127.0.0.1
            firsts = []
            for partner, body in zip(partners, bodies, strict=True):
                server.body = body
                firsts.append(_run(partner, records))
                _expect(firsts[-1], created=records)
            # The median run (of an odd number: one that happened, with its own counts).
            first = sorted(firsts, key=lambda run: run.per_second)[len(firsts) // 2]
            partner, server.body = partners[0], bodies[0]
            again = _run(partner, records)
            _expect(again, unchanged=records)
            if again.revisions:
                raise RuntimeError(f"a second run wrote {again.revisions} revisions")
            edited = _changed(planned[0])
            server.body = _feed(edited)
            changed = _run(partner, _records(edited))
    finally:
        server.close()
    return CalendarImportTimes(
        activities=activities,
        events=records,
        feed_bytes=len(bodies[0]),
        first=first,
        first_rates=[run.per_second for run in firsts],
        again=again,
        changed=changed,
    )
