"""Activities as an RFC 5545 iCalendar feed: one VEVENT per activity, its RRULE kept.

Times are written in Europe/Amsterdam with a VTIMEZONE, so that a calendar
expands a weekly 19:00 rule at 19:00 local time on both sides of the clock
change, as ``cms.recurrence`` does. The API's feed and the site's "add to my
calendar" file are both this, so an activity added on its own and one from a
subscription are the same event (same UID): a calendar shows it once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta

from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration, vRecur

from cms.languages import translated_value
from cms.models import ActivityPage
from cms.public_urls import public_path
from cms.recurrence import AMSTERDAM

PRODUCT_ID = "-//Wegwijs//Activities API v1//NL"
UID_DOMAIN = "wegwijs"
# How often subscribed calendars should fetch the feed again.
REFRESH = timedelta(hours=12)

# The EU summer-time rule (in force since 1996) as yearly rules. icalendar can
# generate a VTIMEZONE from zoneinfo, but only as a list of transitions for a
# bounded span of years, while a weekly activity may run on for ever.
AMSTERDAM_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def activity_uid(activity: ActivityPage) -> str:
    """Stable across edits, slug changes and deployments sharing the database."""
    return f"activity-{activity.translation_key}@{UID_DOMAIN}"


def _rule(text: str) -> vRecur:
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    return vRecur.from_ical(text)


def activity_event(activity: ActivityPage, language: str, absolute: Callable[[str], str]) -> Event:
    """One VEVENT with the activity's texts in ``language`` (or their fallback)."""
    event = Event()
    url = absolute(public_path("activity", activity.slug, language))
    title = translated_value(activity, "title", language)
    summary = translated_value(activity, "summary", language)
    category = translated_value(activity.category, "name", language)

    event.add("uid", activity_uid(activity))
    # The time the information was last revised, not the time of this request:
    # the feed stays byte-identical (and its ETag valid) until something changes.
    event.add("dtstamp", activity.last_published_at)
    event.add("last-modified", activity.last_published_at)
    event.add("created", activity.first_published_at)
    event.add("dtstart", activity.starts_at.astimezone(AMSTERDAM))
    if activity.ends_at:
        event.add("dtend", activity.ends_at.astimezone(AMSTERDAM))
    if activity.recurrence:
        event.add("rrule", _rule(activity.recurrence))
    event.add("summary", title.text, parameters={"LANGUAGE": title.language})
    event.add(
        "description",
        f"{summary.text}\n\n{url}" if summary.text else url,
        parameters={"LANGUAGE": summary.language},
    )
    event.add("url", url)
    event.add("categories", [category.text], parameters={"LANGUAGE": category.language})
    place = ", ".join(part for part in (activity.location_name, activity.location_address) if part)
    if place:
        event.add("location", place)
    if activity.lat is not None and activity.lon is not None:
        event.add("geo", (activity.lat, activity.lon))
    if activity.organiser.email:
        event.add(
            "organizer",
            vCalAddress(f"mailto:{activity.organiser.email}"),
            parameters={"CN": activity.organiser.name},
        )
    return event


def activities_calendar(
    activities: Iterable[ActivityPage], language: str, absolute: Callable[[str], str]
) -> bytes:
    """The whole feed; ``absolute`` turns a site path into a full URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Wegwijs")
    calendar.add("x-wr-timezone", AMSTERDAM.key)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    calendar.add_component(Timezone.from_ical(AMSTERDAM_VTIMEZONE))
    for activity in activities:
        calendar.add_component(activity_event(activity, language, absolute))
    return calendar.to_ical()
