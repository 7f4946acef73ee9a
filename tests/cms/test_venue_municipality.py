"""A venue lies in a municipality: chosen, or found from its village or its point.

Two municipalities may each have a village of the same name, so the village's
slug alone does not say where a venue is; the municipality is also where an
activity held there is published when its editor leaves that empty.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from cms.models import Municipality, Partner, Venue, Village
from cms.municipalities.defaults import default_municipalities
from tests.region_factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(db):
    region()
    return Municipality.objects.get(slug="neder-betuwe"), Municipality.objects.get(slug="tiel")


def venue(**fields) -> Venue:
    made = Venue(name="Sporthal", address="Sportlaan 1", **fields)
    made.full_clean()
    made.save()
    return made


def test_the_village_or_the_point_says_which_municipality(two):
    neder_betuwe, tiel = two
    assert venue(village="ochten").municipality == neder_betuwe
    assert venue(village="tiel").municipality == tiel
    # No village: the village whose circle holds the point (Tiel's centre, 3 km).
    assert venue(lat=51.89, lon=5.43).municipality == tiel
    # Outside every village: left to the editor, nothing guessed.
    assert venue(lat=52.5, lon=6.0).municipality is None


def test_a_village_of_another_municipality_is_refused_naming_it(two):
    _, tiel = two
    with pytest.raises(ValidationError) as refused:
        venue(village="ochten", municipality=tiel)
    assert refused.value.message_dict == {"village": ["Kies een van de dorpen van Tiel."]}
    assert not Venue.objects.exists()


def test_a_village_name_two_municipalities_share_asks_which(two):
    neder_betuwe, tiel = two
    Village.objects.create(municipality=tiel, name="Ochten", slug="ochten", lat=51.88, lon=5.43)
    with pytest.raises(ValidationError) as refused:
        venue(village="ochten")
    assert list(refused.value.message_dict) == ["municipality"]
    assert venue(village="ochten", municipality=tiel).municipality == tiel


def test_an_activity_at_a_venue_goes_to_the_venue_s_municipality(two):
    neder_betuwe, tiel = two
    ggd = Partner.objects.get(slug="ggd")  # works in both
    club = Partner.objects.get(slug="club-ochten")  # Neder-Betuwe only
    library = venue(village="tiel")
    assert default_municipalities(ggd, venue=library) == [tiel]
    # Its organiser does not work there: the venue's point decides, among the organiser's own.
    assert default_municipalities(club, venue=library) == [neder_betuwe]
    hall = venue(village="ochten")
    assert default_municipalities(ggd, venue=hall) == [neder_betuwe]


def test_the_migration_places_the_venues_that_were_there(two):
    neder_betuwe, tiel = two
    for fields in (
        {"village": "kesteren"},
        {"lat": 51.887, "lon": 5.43},
        {"lat": 52.5, "lon": 6.0},
    ):
        venue(**fields)
    Venue.objects.update(municipality=None)

    migration = importlib.import_module("cms.migrations.0030_venue_municipality")
    migration.place_venues(apps, None)

    assert list(Venue.objects.order_by("pk").values_list("municipality__slug", flat=True)) == [
        "neder-betuwe",
        "tiel",
        None,
    ]
