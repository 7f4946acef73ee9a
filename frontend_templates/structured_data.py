"""schema.org data for search engines and link previews, built from what the page shows.

An activity is an ``Event`` (with an ``eventSchedule`` when it repeats); a guide
is an ``Article``, published by the municipality whose site shows it, and also a
``HowTo`` when its text has numbered steps. The page's
``<script type="application/ld+json">`` carries it: data, never run, so the
site's script-src CSP does not apply to it.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils.timezone import localtime

from cms.recurrence import Occurrence
from cms.translation.fallback import translated_value

SCHEMA = "https://schema.org"
FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}
WEEKDAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
# What json.dumps leaves in that could end the <script> element early or open a comment.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_text(data: dict[str, Any]) -> str:
    """JSON safe to put between ``<script type="application/ld+json">`` tags."""
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)


def _local(moment: datetime) -> str:
    return localtime(moment).isoformat()


def _rule_parts(rule: str) -> dict[str, str]:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    pairs = (part.split("=", 1) for part in text.split(";") if "=" in part)
    return {key.upper(): value for key, value in pairs}


def event_schedule(starts_at: datetime, ends_at: datetime | None, rule: str) -> dict[str, Any]:
    """An RFC 5545 rule as a schema.org ``Schedule`` (frequency, weekdays, times, end)."""
    parts = _rule_parts(rule)
    start = localtime(starts_at)
    unit = FREQUENCIES.get(parts.get("FREQ", ""), "W")
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{parts.get('INTERVAL', '1')}{unit}",
        "startDate": start.date().isoformat(),
        "startTime": start.strftime("%H:%M"),
        "scheduleTimezone": settings.TIME_ZONE,
    }
    if ends_at:
        schedule["endTime"] = localtime(ends_at).strftime("%H:%M")
    days = [day.strip()[-2:] for day in parts.get("BYDAY", "").split(",") if day.strip()]
    if days:
        schedule["byDay"] = [f"{SCHEMA}/{WEEKDAYS[day]}" for day in days if day in WEEKDAYS]
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        schedule["endDate"] = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
    if "COUNT" in parts:
        schedule["repeatCount"] = int(parts["COUNT"])
    return schedule


def activity_event(
    page, language: str, url: str, image: str, dates: list[Occurrence]
) -> dict[str, Any]:
    """An activity as ``Event``: its first date is the first one the page lists."""
    first = dates[0] if dates else Occurrence(page.starts_at, page.ends_at or page.starts_at)
    place: dict[str, Any] = {"@type": "Place", "name": page.location_name or page.location_address}
    if page.location_address:
        place["address"] = page.location_address
    if page.lat is not None and page.lon is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": page.lat, "longitude": page.lon}
    event: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": translated_value(page, "title", language).text,
        "description": translated_value(page, "summary", language).text,
        "url": url,
        "image": image,
        "startDate": _local(first.starts_at),
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "location": place,
        "isAccessibleForFree": bool(page.is_free),
        "inLanguage": list(page.languages_offered or []),
        "organizer": {"@type": "Organization", "name": page.organiser.name},
    }
    if first.ends_at and first.ends_at > first.starts_at:
        event["endDate"] = _local(first.ends_at)
    if not page.is_free and page.cost_amount is not None:
        event["offers"] = {
            "@type": "Offer",
            "price": f"{page.cost_amount:.2f}",
            "priceCurrency": "EUR",
            "url": url,
        }
    if page.recurrence:
        event["eventSchedule"] = event_schedule(page.starts_at, page.ends_at, page.recurrence)
    return event


def guide_article(
    page, language: str, url: str, image: str, publisher: str | None = None
) -> dict[str, Any]:
    """A guide as ``Article``, in the language its title is shown in."""
    title = translated_value(page, "title", language)
    article: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": title.text,
        "description": translated_value(page, "summary", language).text,
        "inLanguage": title.language,
        "url": url,
        "image": image,
        "author": {"@type": "Organization", "name": page.author.name},
        "publisher": {"@type": "Organization", "name": publisher or settings.WAGTAIL_SITE_NAME},
    }
    if page.first_published_at:
        article["datePublished"] = _local(page.first_published_at)
    if page.last_published_at:
        article["dateModified"] = _local(page.last_published_at)
    if page.last_reviewed:
        article["lastReviewed"] = page.last_reviewed.isoformat()
    return article


def guide_howto(page, language: str, url: str) -> dict[str, Any] | None:
    """A guide whose shown text has numbered steps is a ``HowTo`` too: those steps, in order.

    None for a guide without steps: a plain explanation is no how-to.
    """
    body = translated_value(page, "body", language)
    steps = [
        step for block in body.text or [] if block.block_type == "steps" for step in block.value
    ]
    if not steps:
        return None
    return {
        "@context": SCHEMA,
        "@type": "HowTo",
        "name": translated_value(page, "title", language).text,
        "inLanguage": body.language,
        "url": url,
        "step": [
            {"@type": "HowToStep", "position": number, "name": step["title"]}
            | ({"text": step["text"]} if step.get("text") else {})
            for number, step in enumerate(steps, start=1)
        ],
    }
