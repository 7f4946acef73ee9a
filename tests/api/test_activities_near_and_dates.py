"""The geo + date list (``near`` with ``starts_after``/``starts_before``), every page of it,
against an answer worked out here in Python from the occurrences and the great-circle
distance: which activities, in which order, with which first date in the window.

The list is the bench's slowest kind (issue #19) and its SQL is tuned for speed (a walk
over occurrences in start order, an anti-join for "no earlier one in the window", the
distance written out as one SQL expression); this pins what it must answer whatever
shape the query takes.
"""

from datetime import timedelta

import pytest
from django.utils.dateparse import parse_datetime

from cms.geo import distance_km
from cms.models import ActivityOccurrence, ActivityPage
from tests import factories
from tests.api.conftest import days_ahead, iso, local

CENTRE = (51.9106, 5.5703)
RADIUS_KM = 5.0
# Well inside or well outside the circle, so Python's and the database's rounding
# cannot disagree.
PLACES = {
    "ochten": (51.9106, 5.5703),
    "ijzendoorn": (51.9005, 5.5250),  # ~3.3 km
    "echteld": (51.9060, 5.5050),  # ~4.5 km
    "tiel": (51.8870, 5.4290),  # ~10 km: outside
    "dodewaard": (51.9130, 5.6500),  # ~5.5 km: outside
}
# (slug, place or None, first start (days ahead, hour), rule)
ACTIVITIES = [
    ("weekly-ochten", "ochten", (2, 19), "FREQ=WEEKLY"),
    ("daily-ijzendoorn", "ijzendoorn", (-3, 10), "FREQ=DAILY;COUNT=40"),
    ("once-echteld", "echteld", (12, 10), ""),
    ("tie-a-ochten", "ochten", (12, 10), ""),  # same moment as once-echteld
    ("tie-b-ijzendoorn", "ijzendoorn", (12, 10), ""),
    ("late-ochten", "ochten", (40, 14), ""),  # after the window
    ("early-echteld", "echteld", (3, 14), ""),  # before the window
    ("weekly-tiel", "tiel", (8, 19), "FREQ=WEEKLY"),  # outside the circle
    ("once-dodewaard", "dodewaard", (9, 19), ""),  # outside the circle
    ("fortnight-echteld", "echteld", (1, 19), "FREQ=WEEKLY;INTERVAL=2"),
    ("nowhere", None, (10, 10), ""),  # no place: never near anything
]


@pytest.fixture
def spread(club):
    records = []
    for slug, place, (days, hour), rule in ACTIVITIES:
        start = local(days_ahead(days), hour)
        location = None
        if place is not None:
            lat, lon = PLACES[place]
            location = {"name": place, "address": "Dorpsstraat 1", "lat": lat, "lon": lon}
        records.append(
            factories.activity(
                "vv-ochten",
                slug=slug,
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=1)),
                recurrence=rule,
                location=location,
            )
        )
    factories.load(activities=records)


def expected(after, before) -> list[tuple[str, str]]:
    """(slug, first start in [after, before)) of every activity within the circle, soonest
    first, then by id: worked out without the list's SQL."""
    found = []
    for page in ActivityPage.objects.live().filter(lat__isnull=False):
        if distance_km(CENTRE, (page.lat, page.lon)) > RADIUS_KM:
            continue
        starts = ActivityOccurrence.objects.filter(
            activity=page, starts_at__gte=after, starts_at__lt=before
        ).values_list("starts_at", flat=True)
        if starts:
            found.append((min(starts), page.pk, page.slug))
    return [(slug, start) for start, _, slug in sorted(found)]


def crawl(api, page_size: int, after: str, before: str) -> list[tuple[str, str]]:
    """Every page forward, then back again from the last: the items in list order."""
    params = {
        "near": f"{CENTRE[0]},{CENTRE[1]}",
        "radius_km": str(RADIUS_KM),
        "starts_after": after,
        "starts_before": before,
        "page_size": str(page_size),
    }
    pages = [api.json("activities", **params)]
    while pages[-1]["next"]:
        pages.append(api.client.get(pages[-1]["next"]).json())
    back = [pages[-1]]
    while back[-1]["previous"]:
        back.append(api.client.get(back[-1]["previous"]).json())
    assert [page["results"] for page in reversed(back)] == [page["results"] for page in pages]
    items = [item for page in pages for item in page["results"]]
    for item in items:
        place = (item["location"]["lat"], item["location"]["lon"])
        assert item["distance_km"] == pytest.approx(distance_km(CENTRE, place), abs=0.01)
    return [(item["slug"], item["next_occurrence"]["starts_at"]) for item in items]


@pytest.mark.parametrize("page_size", [1, 2, 3, 20])
def test_every_page_of_near_and_dates_is_the_worked_out_answer(api, spread, page_size):
    after, before = local(days_ahead(7), 0), local(days_ahead(37), 0)
    answer = expected(after, before)
    assert len(answer) >= 5  # recurring, one-off, tied: enough to mean something
    got = crawl(api, page_size, iso(after), iso(before))
    assert [slug for slug, _ in got] == [slug for slug, _ in answer]
    assert [parse_datetime(start) for _, start in got] == [start for _, start in answer]
