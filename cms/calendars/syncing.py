"""A partner's calendar feed → that partner's activities, upserted by the event's UID.

Each event becomes an import record and goes through ``cms.importing`` (the one
way content enters in bulk), so an imported activity obeys every rule a
hand-written one does. A second run over the same feed changes nothing: an
event whose feed values did not change is skipped before the page is even
read. An event that disappears from the feed, or says STATUS:CANCELLED, is
unpublished (kept, so its history stays). An activity changed in Wegwijs
since the last import is neither overwritten nor unpublished: the run says so
instead, and the people in Wegwijs decide.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from ..importing import ImportFailed, content_digest, import_activity
from ..importing.errors import InvalidField
from ..importing.records import Lookups
from ..index_once.deferral import index_once
from ..models import Partner
from ..site_structure import ensure_site_structure
from ..translation.provenance import Origin, saving_as
from .fetching import FeedUnavailable, fetch_feed
from .models import OUTCOMES, CalendarEvent, CalendarImport
from .parsing import EventProblem, FeedEvent, NotACalendar, ParsedFeed, parse_feed
from .reasons import Reason
from .runs import claim, record_failure

SUMMARY_LENGTH = 500

logger = logging.getLogger(__name__)


def _summary(event: FeedEvent) -> str:
    """The description's first line, cut at a word; the title when there is none."""
    first = event.description.split("\n")[0].strip()
    if len(first) > SUMMARY_LENGTH:
        first = first[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return first or event.title


def _location(text: str) -> dict[str, str]:
    """ "Sportpark De Eng, Ochten" → name "Sportpark De Eng", address "Ochten"."""
    name, _, address = text.partition(",")
    return {"name": name.strip()[:200], "address": address.strip()[:255]}


def event_slug(partner: Partner, event: FeedEvent) -> str:
    """A readable slug that stays unique for the same event of the same partner."""
    key = f"{partner.slug}\n{event.uid}\n{event.recurrence_id}".encode()
    suffix = hashlib.sha256(key).hexdigest()[:8]
    return f"{slugify(event.title)[:60].strip('-') or 'activiteit'}-{suffix}"


def in_feed_language(partner: Partner, text: str) -> dict[str, str]:
    """The feed's text under the feed's language, and as the Dutch stand-in when it is not Dutch.

    Why Dutch is never left empty: it is the source every activity must have
    (the page's title, ``required_languages``), the text the translation desk
    translates from, and the last language of every reader's fallback chain
    (requested → en → nl); without it a Romanian reader of a Polish feed would
    see no title at all. So readers of the feed's language get its text as a
    real translation, everyone else the same text through Dutch until a person
    writes the Dutch (an edit in Wegwijs, which the next run does not overwrite).
    """
    source = settings.SOURCE_LANGUAGE
    return {source: text, partner.calendar_language or source: text}


def event_record(event: FeedEvent, partner: Partner, slug: str) -> dict:
    """The event in the import format (``cms.importing``), texts in the feed's language."""
    return {
        "slug": slug,
        "partner": partner.slug,
        "category": partner.calendar_category.slug,
        "title": in_feed_language(partner, event.title),
        "summary": in_feed_language(partner, _summary(event)),
        "body": in_feed_language(partner, event.description),
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "recurrence": event.rule,
        "recurrence_exceptions": sorted(moment.isoformat() for moment in event.skipped),
        "location": _location(event.location),
        "languages_offered": list(partner.calendar_languages),
    }


def _digest(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


class _Run:
    """One pass over a parsed feed; counts outcomes and collects problems."""

    def __init__(self, partner: Partner):
        self.partner = partner
        self.counts: Counter[str] = Counter()
        self.problems: list[EventProblem | Reason] = []
        self.lookups = Lookups.load()
        # Once for the feed, not once per event (a sixth of an import's time); outside
        # the events' savepoints, so that a failed event cannot roll the sections back.
        self.lookups.default_structure = ensure_site_structure()
        self.links = {
            (link.uid, link.recurrence_id): link
            for link in CalendarEvent.objects.filter(partner=partner).select_related("activity")
        }

    def cancel(self, link: CalendarEvent) -> None:
        page = link.activity
        if link.cancelled or page is None:
            # Said before. A page live again since was put back by a person in Wegwijs.
            self.counts["unchanged"] += 1
            return
        if page.live and self.edited_since_import(link):
            self.counts["skipped"] += 1
            message = Reason(
                gettext_noop(
                    "the activity '%(title)s' was changed in Wegwijs since the last import, "
                    "so it stays published although the calendar cancelled or removed the "
                    "event; unpublish it in Wegwijs if it no longer takes place"
                ),
                {"title": page.title},
            )
            self.problems.append(EventProblem(link.uid, page.title, message))
            return
        with transaction.atomic():
            if page.live:
                page.unpublish()
            link.cancelled = True
            link.feed_digest = ""
            link.save(update_fields=["cancelled", "feed_digest"])
        self.counts["cancelled"] += 1

    def edited_in_wegwijs(self, link: CalendarEvent, record: dict) -> bool:
        if link.cancelled:
            return False
        return content_digest(link.activity, record, self.lookups) != link.page_digest

    def edited_since_import(self, link: CalendarEvent) -> bool:
        """The page's values differ from what the last import wrote (``link.record``).

        A link from before the record was kept cannot tell: it is unpublished as before.
        """
        if not link.record:
            return False
        try:
            return self.edited_in_wegwijs(link, link.record)
        except InvalidField:  # the record no longer reads (its category was removed)
            return True

    def upsert(self, event: FeedEvent) -> None:
        link = self.links.get(event.key)
        if event.cancelled:
            if link is not None:
                self.cancel(link)
            return
        slug = link.activity.slug if link and link.activity else event_slug(self.partner, event)
        record = event_record(event, self.partner, slug)
        digest = _digest(record)
        if link and link.activity and link.feed_digest == digest:
            self.counts["unchanged"] += 1
            return
        if link and link.activity and self.edited_in_wegwijs(link, record):
            self.counts["skipped"] += 1
            message = Reason(
                gettext_noop(
                    "the activity '%(title)s' was changed in Wegwijs since the last import, "
                    "so the calendar's new version was not taken over; make the change in "
                    "Wegwijs too, or undo the edit there"
                ),
                {"title": link.activity.title},
            )
            self.problems.append(EventProblem(event.uid, event.title, message))
            return
        try:
            with transaction.atomic():
                publish = self.partner.calendar_publish
                result = import_activity(record, self.lookups, publish=publish)
                if link is None:
                    link = CalendarEvent(
                        partner=self.partner, uid=event.uid, recurrence_id=event.recurrence_id
                    )
                link.activity = result.page
                link.feed_digest = digest
                link.page_digest = result.digest
                link.record = record
                link.cancelled = False
                link.save()
        except ImportFailed as failure:
            for problem in failure.problems:
                # The import format's own words (cms.importing) stay English.
                message = Reason(
                    gettext_noop("field '%(field)s': %(message)s"),
                    {"field": problem.field, "message": problem.message},
                )
                self.problems.append(EventProblem(event.uid, event.title, message))
            return
        self.counts[result.outcome] += 1


def import_calendar(partner: Partner, *, now: datetime | None = None) -> CalendarImport:
    """Fetch the partner's feed and bring its activities in line; the result is stored.

    Raises ``ImportRunning`` (and changes nothing) while another import of the
    partner runs. Whatever else goes wrong is the partner's import failing:
    recorded as such, with nothing changed (the events are written in one
    transaction), so the next partner's import goes on.
    """
    now = now or timezone.now()
    state, took_over = claim(partner)
    try:
        if not partner.calendar_url:
            raise FeedUnavailable(gettext_noop("no calendar feed is linked to this partner"))
        feed = parse_feed(fetch_feed(partner.calendar_url), cutoff=now)
        with transaction.atomic():
            run = _sync(partner, feed)
    except (FeedUnavailable, NotACalendar) as error:
        return record_failure(state, error.reason)
    except Exception as error:  # noqa: BLE001 (one partner's bug must not stop the others)
        logger.exception("calendar import of partner %s failed", partner.slug)
        return record_failure(state, unexpected_reason(error))
    state.status = CalendarImport.Status.DONE
    state.error = ""
    state.counts = {outcome: run.counts[outcome] for outcome in OUTCOMES}
    problems = [took_over, *run.problems] if took_over else run.problems
    state.problems = [str(problem) for problem in problems]
    state.problem_reasons = [problem.as_json() for problem in problems]
    state.finished_at = timezone.now()
    state.save()
    return state


def unexpected_reason(error: Exception) -> Reason:
    """What the partner is told: the error's kind and first line, the rest is in the log."""
    lines = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {lines[0][:200]}" if lines else type(error).__name__
    return Reason(
        gettext_noop(
            "an unexpected error stopped the import (%(error)s); "
            "the platform's administrators find the details in the log"
        ),
        {"error": detail},
    )


def _sync(partner: Partner, feed: ParsedFeed) -> _Run:
    run = _Run(partner)
    run.problems.extend(feed.problems)
    # The feed's texts are the partner's own, but nobody here wrote them: origin "import".
    # index_once: the admin search entries and references of all the feed's activities
    # are written once, at the end, as for ``import_content`` (not once per event).
    with saving_as(Origin.IMPORT), index_once():
        for event in feed.events:
            run.upsert(event)
        # Gone from the feed: deleted in the partner's calendar. Events that are
        # past, or that could not be read this time, are left alone.
        present = {event.key for event in feed.events} | feed.past
        unreadable = {problem.uid for problem in feed.problems}
        for key, link in run.links.items():
            if key not in present and key[0] not in unreadable:
                run.cancel(link)
    return run
