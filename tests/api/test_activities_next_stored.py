"""The list sorts by each activity's stored next occurrence: every write keeps it exact, and
the minute job moves it on when an occurrence ends (cms/next_occurrence.py)."""

import importlib
import io
from datetime import timedelta
from pathlib import Path

from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cms.models import ActivityOccurrence, ActivityPage
from cms.next_occurrence import first_not_ended, refresh_ended
from tests import factories
from tests.api.conftest import days_ahead, iso, local


def daily(slug: str, first_day: int, hour: int = 10, count: int = 10) -> dict:
    start = local(days_ahead(first_day), hour)
    return factories.activity(
        "vv-ochten",
        slug=slug,
        starts_at=iso(start),
        ends_at=iso(start + timedelta(hours=1)),
        recurrence=f"FREQ=DAILY;COUNT={count}",
    )


def listed(api, **params) -> list[tuple[str, str | None]]:
    results = api.json("activities", **params)["results"]
    return [
        (item["slug"], item["next_occurrence"] and item["next_occurrence"]["starts_at"])
        for item in results
    ]


def stored(slug: str):
    page = ActivityPage.objects.get(slug=slug)
    return page.upcoming_starts_at, page.upcoming_ends_at


def test_the_minute_job_moves_an_ended_occurrence_on_to_the_next(api, club):
    factories.load(activities=[daily("ochtend", -3), daily("later", 2, hour=9)])
    today = local(days_ahead(-3), 10)
    # As stored three days ago: the first date, which has ended since.
    ActivityPage.objects.filter(slug="ochtend").update(
        upcoming_starts_at=today, upcoming_ends_at=today + timedelta(hours=1)
    )
    assert listed(api)[0] == ("ochtend", iso(today))

    call_command("refresh_next_occurrences", stdout=io.StringIO())

    now = timezone.now()
    page = ActivityPage.objects.get(slug="ochtend")
    rows = ActivityOccurrence.objects.filter(activity=page)
    assert stored("ochtend") == first_not_ended(rows, now)
    assert page.upcoming_ends_at >= now
    slugs = [slug for slug, _ in listed(api)]
    assert slugs == ["ochtend", "later"]


def test_the_minute_job_writes_nothing_when_nothing_ended(api, club):
    factories.load(activities=[daily("ochtend", 1)])
    before = stored("ochtend")
    with connection.cursor() as cursor:
        cursor.execute("SELECT number FROM cms_contentversion WHERE id = 1")
        version = cursor.fetchone()
    assert refresh_ended(timezone.now()) == 0
    assert stored("ochtend") == before
    with connection.cursor() as cursor:
        cursor.execute("SELECT number FROM cms_contentversion WHERE id = 1")
        assert cursor.fetchone() == version


def test_publishing_new_dates_moves_the_activity_in_the_list(api, club):
    factories.load(activities=[daily("eerst", 1), daily("tweede", 3)])
    assert [slug for slug, _ in listed(api)] == ["eerst", "tweede"]

    page = ActivityPage.objects.get(slug="eerst")
    moved = local(days_ahead(5), 10)
    page.starts_at, page.ends_at, page.recurrence = moved, moved + timedelta(hours=1), ""
    page.save_revision().publish()

    assert listed(api) == [("tweede", iso(local(days_ahead(3), 10))), ("eerst", iso(moved))]
    assert stored("eerst") == (moved, moved + timedelta(hours=1))


def test_a_draft_does_not_move_the_published_dates(api, club):
    factories.load(activities=[daily("eerst", 1), daily("tweede", 3)])
    page = ActivityPage.objects.get(slug="eerst")
    page.starts_at = local(days_ahead(9), 10)
    page.ends_at = page.starts_at + timedelta(hours=1)
    page.save_revision()  # not published

    assert [slug for slug, _ in listed(api)] == ["eerst", "tweede"]


def test_an_activity_without_a_next_date_stores_none_and_comes_last(api, club):
    factories.load(activities=[daily("voorbij", -20, count=3), daily("straks", 4)])
    assert stored("voorbij") == (None, None)
    assert listed(api) == [("straks", iso(local(days_ahead(4), 10))), ("voorbij", None)]


def test_the_migration_fills_what_the_list_used_to_work_out(api, club):
    factories.load(activities=[daily("ochtend", -3), daily("voorbij", -20, count=3)])
    expected = {slug: stored(slug) for slug in ("ochtend", "voorbij")}
    ActivityPage.objects.update(upcoming_starts_at=None, upcoming_ends_at=None)
    # Found by name: the number in front changes when branches are merged.
    (path,) = Path("cms/migrations").glob("*_activity_stores_its_next_occurrence.py")
    migration = importlib.import_module(f"cms.migrations.{path.stem}")
    migration.fill(django_apps, None)

    assert {slug: stored(slug) for slug in expected} == expected
    assert expected["ochtend"][0] is not None


def test_a_date_window_lists_each_activity_once_at_its_first_date_in_it(api, club):
    factories.load(activities=[daily("elke-dag", 1, hour=8), daily("een-keer", 3, count=1)])
    after, before = days_ahead(2).isoformat(), days_ahead(6).isoformat()
    first = api.json("activities", starts_after=after, starts_before=before, page_size=1)
    second = api.client.get(first["next"]).json()

    assert [item["slug"] for item in first["results"] + second["results"]] == [
        "elke-dag",
        "een-keer",
    ]
    assert first["results"][0]["next_occurrence"]["starts_at"] == iso(local(days_ahead(2), 8))
    assert second["next"] is None
