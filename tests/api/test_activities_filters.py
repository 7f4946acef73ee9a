"""Activity filters: each query parameter narrows the list the way a migrant expects."""

from datetime import timedelta
from math import cos, radians

import pytest
from django.db.models import F
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from cms.geo import EARTH_RADIUS_KM, Circle, HaversineKm, distance_km
from cms.models import ActivityPage
from tests import factories
from tests.api.conftest import days_ahead, iso, local

OCHTEN = (51.910, 5.570)
TIEL = (51.887, 5.429)  # about 10 km west of Ochten
NIJMEGEN = (51.842, 5.853)  # about 21 km east


def slugs(api, **params) -> list[str]:
    return [item["slug"] for item in api.json("activities", **params)["results"]]


def at(lat_lon: tuple[float, float]) -> dict:
    return {"name": "Zaal", "address": "Straat 1", "lat": lat_lon[0], "lon": lat_lon[1]}


@pytest.fixture
def activities(club, library):
    """Five activities that differ in one way each."""
    soon = days_ahead(2)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="voetbal",
                category="sport",
                languages_offered=["nl", "pl"],
                audience="adults",
                cost={"free": False, "amount": "3.00"},
                mixed_team={"sport": "football", "level": "beginner"},
                starts_at=iso(local(soon, 19)),
                ends_at=iso(local(soon, 20)),
                location=at(OCHTEN),
            ),
            factories.activity(
                "bibliotheek",
                slug="taalcafe",
                co_organisers=["vv-ochten"],
                languages_offered=["nl", "ro"],
                audience="everyone",
                starts_at=iso(local(soon + timedelta(days=1), 10)),
                location=at(TIEL),
            ),
            factories.activity(
                "bibliotheek",
                slug="voorlezen",
                category="family",
                audience="children",
                starts_at=iso(local(soon + timedelta(days=2), 14)),
                location=at(NIJMEGEN),
            ),
            factories.activity(
                "bibliotheek",
                slug="spreekuur",
                category="help",
                audience="adults",
                starts_at=iso(local(soon + timedelta(days=3), 9)),
                location=None,
            ),
        ]
    )


def test_without_filters_every_published_activity_soonest_first(api, activities):
    assert slugs(api) == ["voetbal", "taalcafe", "voorlezen", "spreekuur"]


def test_category(api, activities):
    assert slugs(api, category="sport") == ["voetbal"]


def test_partner_includes_what_it_co_organises(api, activities):
    assert slugs(api, partner="vv-ochten") == ["voetbal", "taalcafe"]
    assert slugs(api, partner="bibliotheek") == ["taalcafe", "voorlezen", "spreekuur"]


def test_offered_language(api, activities):
    assert slugs(api, offered_language="pl") == ["voetbal"]
    assert slugs(api, offered_language="ro") == ["taalcafe"]
    assert slugs(api, offered_language="uk") == []


def test_audience(api, activities):
    assert slugs(api, audience="children") == ["voorlezen"]
    assert slugs(api, audience="adults") == ["voetbal", "spreekuur"]


def test_free(api, activities):
    assert slugs(api, free="true") == ["taalcafe", "voorlezen", "spreekuur"]
    assert slugs(api, free="false") == ["voetbal"]


def test_mixed_team(api, activities):
    assert slugs(api, mixed_team="true") == ["voetbal"]
    assert "voetbal" not in slugs(api, mixed_team="false")


def test_filters_combine(api, activities):
    assert slugs(api, partner="bibliotheek", audience="adults") == ["spreekuur"]


def test_empty_parameters_count_as_absent(api, activities):
    # What a partner site's search form sends when nothing is chosen.
    assert len(slugs(api, category="", audience="", near="", free="")) == 4


def test_near_uses_great_circle_distance_and_reports_it(api, activities):
    results = api.json("activities", near="51.910,5.570", radius_km="15")["results"]
    assert [item["slug"] for item in results] == ["voetbal", "taalcafe"]
    taalcafe = results[1]
    assert taalcafe["distance_km"] == pytest.approx(distance_km(OCHTEN, TIEL), abs=0.01)
    assert 9 < taalcafe["distance_km"] < 11


def test_radius_grows_the_circle(api, activities):
    assert slugs(api, near="51.910,5.570", radius_km="25") == ["voetbal", "taalcafe", "voorlezen"]


def test_near_without_radius_uses_ten_kilometres(api, activities):
    assert slugs(api, near="51.910,5.570") == ["voetbal"]


def test_activities_without_a_place_are_not_near_anything(api, activities):
    assert "spreekuur" not in slugs(api, near="51.910,5.570", radius_km="20000")


def test_distance_only_appears_when_near_is_given(api, activities):
    assert all("distance_km" not in item for item in api.json("activities")["results"])


@pytest.fixture
def weekly(club):
    """Every Tuesday-or-whatever at 19:00, from next week on, for ten weeks."""
    start = local(days_ahead(7), 19)
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="wekelijks",
                starts_at=iso(start),
                ends_at=iso(start + timedelta(hours=2)),
                recurrence="FREQ=WEEKLY;COUNT=10",
            )
        ]
    )
    return start


def test_date_filters_match_later_occurrences_not_only_the_first(api, weekly):
    fifth = weekly + timedelta(weeks=4)
    window = {
        "starts_after": iso(fifth - timedelta(hours=1)),
        "starts_before": iso(fifth + timedelta(hours=1)),
    }
    [item] = api.json("activities", **window)["results"]
    assert item["slug"] == "wekelijks"
    # The list says which occurrence matched.
    assert item["next_occurrence"]["starts_at"] == iso(fifth)


def test_window_between_two_occurrences_matches_nothing(api, weekly):
    # After the 2nd occurrence and before the 3rd: both bounds must hold for ONE occurrence.
    second = weekly + timedelta(weeks=1)
    window = {
        "starts_after": iso(second + timedelta(hours=1)),
        "starts_before": iso(second + timedelta(days=6)),
    }
    assert slugs(api, **window) == []


def test_rule_that_has_ended_does_not_match_later_dates(api, weekly):
    assert slugs(api, starts_after=iso(weekly + timedelta(weeks=11))) == []


def test_starts_before_alone(api, weekly):
    assert slugs(api, starts_before=iso(weekly)) == []
    assert slugs(api, starts_before=iso(weekly + timedelta(minutes=1))) == ["wekelijks"]


def test_dates_without_time_or_offset_are_amsterdam_days(api, weekly):
    day = weekly.date()
    assert slugs(
        api, starts_after=day.isoformat(), starts_before=(day + timedelta(days=1)).isoformat()
    ) == ["wekelijks"]
    # 19:30 Amsterdam time is after that day's 19:00 start.
    evening = {
        "starts_after": f"{day.isoformat()}T19:30",
        "starts_before": f"{day.isoformat()}T23:00",
    }
    assert slugs(api, **evening) == []


def test_offset_whose_plus_became_a_space_in_the_url_still_works(api, weekly):
    # "…T19:00:00+01:00" pasted into a URL without escaping arrives with a space.
    moment = weekly.isoformat()
    assert "+" in moment
    response = api.client.get(f"/api/v1/activities?starts_after={moment}")
    assert [item["slug"] for item in response.json()["results"]] == ["wekelijks"]


def test_calendar_filters_like_the_list(api, activities):
    feed = api.get("activities.ics", category="sport").content.decode()
    assert feed.count("BEGIN:VEVENT") == 1


def _distance_as_function_tree(centre: tuple[float, float]):
    """``distance_km`` as cms.geo built it from Django's math functions until HaversineKm."""
    lat, lon = centre
    h = Power(Sin((Radians(F("lat")) - radians(lat)) / 2), 2) + Cos(Radians(F("lat"))) * cos(
        radians(lat)
    ) * Power(Sin((Radians(F("lon")) - radians(lon)) / 2), 2)
    return 2 * EARTH_RADIUS_KM * ASin(Sqrt(h))


def test_written_out_distance_is_the_function_trees_to_the_last_bit(activities):
    """HaversineKm's SQL computes exactly the floats the expression tree computed, so
    which activities are within a radius, and the distance shown, cannot change."""
    for centre in (OCHTEN, (51.9106, 5.5703), (-33.9, 151.2)):
        rows = (
            ActivityPage.objects.filter(lat__isnull=False)
            .annotate(
                written=HaversineKm(F("lat"), F("lon"), circle=Circle.around(centre, 1.0)),
                tree=_distance_as_function_tree(centre),
            )
            .values_list("written", "tree")
        )
        assert len(rows) == 3
        for written, tree in rows:
            assert written.hex() == tree.hex()
