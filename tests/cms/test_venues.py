"""Venues: an activity held at one shows its place; partners keep their own venues.

The API's ``location`` keeps its shape and is filled from the venue; a venue
that moves takes its activities along; an editor chooses only their partner's
and the platform's venues; a coordinator turns a one-off place into a venue.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Revision

from cms.models import ActivityPage, Partner, Venue
from cms.venues.from_activity import venue_from_activity
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import OTHER, OWN

pytestmark = pytest.mark.django_db


def spreekuur() -> ActivityPage:
    return ActivityPage.objects.get(slug="spreekuur")


def venue(partner_slug: str | None = OWN, **fields) -> Venue:
    partner = Partner.objects.get(slug=partner_slug) if partner_slug else None
    values = {
        "name": "Sporthal De Eng",
        "address": "Engweg 3, Ochten",
        "lat": 51.9121,
        "lon": 5.5702,
        "partner": partner,
        **fields,
    }
    made = Venue(**values)
    made.full_clean()
    made.save()
    return made


def held_at(page: ActivityPage, place: Venue) -> ActivityPage:
    page.venue = place
    page.save_revision().publish()
    return ActivityPage.objects.get(pk=page.pk)


def test_the_api_location_is_the_venue_s_place_in_the_same_shape(coalition, client):
    before = client.get("/api/v1/activities/spreekuur").json()["location"]
    held_at(spreekuur(), venue())

    location = client.get("/api/v1/activities/spreekuur").json()["location"]

    assert list(location) == list(before)
    assert location == {
        "name": "Sporthal De Eng",
        "address": "Engweg 3, Ochten",
        "lat": 51.9121,
        "lon": 5.5702,
    }


def test_the_activity_page_tells_visitors_how_accessible_the_venue_is(coalition, client):
    held_at(spreekuur(), venue(accessibility="Drempelvrije ingang, lift naar de eerste etage."))

    page = client.get("/pl/activiteiten/spreekuur/").content.decode()

    assert "Sporthal De Eng" in page
    assert '<span lang="nl">Drempelvrije ingang, lift naar de eerste etage.</span>' in page
    assert "<strong>Dostępność</strong>" in page  # the label in the visitor's language


def test_a_venue_that_moves_takes_its_activities_along(coalition, client):
    place = venue()
    held_at(spreekuur(), place)

    place.address = "Sportlaan 9, Ochten"
    place.lat, place.lon = 51.9200, 5.5800
    place.save()

    location = client.get("/api/v1/activities/spreekuur").json()["location"]
    assert (location["address"], location["lat"], location["lon"]) == (
        "Sportlaan 9, Ochten",
        51.92,
        5.58,
    )
    near_old = client.get("/api/v1/activities", {"near": "51.9121,5.5702", "radius_km": 0.3})
    assert "spreekuur" not in [item["slug"] for item in near_old.json()["results"]]


def test_a_venue_without_coordinates_stands_at_its_village_s_centre(coalition):
    place = venue(lat=None, lon=None, village="kesteren")
    page = held_at(spreekuur(), place)
    assert (page.lat, page.lon) == (51.9350, 5.5685)


def test_a_venue_needs_a_village_or_coordinates(coalition):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        venue(lat=None, lon=None)
    assert list(refused.value.message_dict) == ["village"]
    assert not Venue.objects.exists()


def test_an_editor_chooses_only_own_and_platform_venues(coalition, client, login_as):
    own, platform, other = venue(), venue(None, name="Dorpshuis"), venue(OTHER, name="Clubhuis")
    login_as("editor_own")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[spreekuur().pk]))
    choices = set(response.context["form"].fields["venue"].queryset)
    assert choices == {own, platform}
    assert other not in choices


def test_another_partner_s_venue_is_refused_naming_the_field(coalition, client, login_as):
    other = venue(OTHER, name="Clubhuis")
    login_as("editor_own")
    page = spreekuur()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", venue=other.pk),
    )
    assert response.status_code == 200
    assert "venue" in response.context["form"].errors
    assert spreekuur().venue_id is None


def test_an_editor_holds_an_activity_at_a_venue_from_the_form(coalition, client, login_as):
    own = venue()
    login_as("editor_own")
    page = spreekuur()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", venue=own.pk, location_name="typed, ignored"),
    )
    assert response.status_code == 302
    saved = spreekuur()
    assert (saved.venue_id, saved.location_name, saved.lat) == (own.pk, "Sporthal De Eng", 51.9121)


def test_a_one_off_place_is_put_on_the_map_by_its_village(coalition, client, login_as):
    login_as("editor_own")
    page = spreekuur()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(
            page,
            action="publish",
            location_name="Kerk",
            location_address="Kerkstraat 1",
            location_village="opheusden",
        ),
    )
    assert response.status_code == 302
    saved = spreekuur()
    assert (saved.venue_id, saved.location_name, saved.lat, saved.lon) == (
        None,
        "Kerk",
        51.9305,
        5.6340,
    )


def test_a_coordinator_makes_a_venue_of_a_one_off_place(coalition, client, login_as):
    login_as("coordinator")
    page = spreekuur()
    page.location_name, page.location_address = "Dorpshuis De Kern", "Dorpsstraat 1"
    page.save_revision().publish()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    address = reverse("cms_make_venue", args=[page.pk])
    assert address in edit

    response = client.post(address, {"partner": ""})

    assert response.status_code == 302
    made = Venue.objects.get()
    assert (made.name, made.address, made.partner, made.lat) == (
        "Dorpshuis De Kern",
        "Dorpsstraat 1",
        None,
        page.lat,
    )
    saved = spreekuur()
    assert saved.venue_id == made.pk
    assert Revision.objects.get(pk=saved.latest_revision_id).content["venue"] == made.pk
    # Published again from its latest revision, it is still held at the venue.
    saved.get_latest_revision().publish()
    assert spreekuur().venue_id == made.pk


def test_a_place_already_at_a_venue_is_not_made_a_venue_again(coalition):
    page = held_at(spreekuur(), venue())
    with pytest.raises(ValueError):
        venue_from_activity(page, None)
    assert Venue.objects.count() == 1


@pytest.mark.parametrize("role", ["editor_own", "contributor_own", "editor_other"])
def test_only_coordinators_make_venues_of_places(role, coalition, client, login_as):
    login_as(role)
    page = spreekuur()
    address = reverse("cms_make_venue", args=[page.pk])
    refused = client.post(address, {"partner": ""})
    # The admin answers a PermissionDenied with a redirect to its home page.
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert (
        address
        not in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )
    assert not Venue.objects.exists()


def test_the_venue_list_shows_own_and_platform_venues_only(coalition, client, login_as):
    venue(), venue(None, name="Dorpshuis"), venue(OTHER, name="Clubhuis")
    login_as("editor_own")
    listing = client.get(reverse("venues:index")).content.decode()
    assert "Sporthal De Eng" in listing and "Dorpshuis" in listing
    assert "Clubhuis" not in listing


def test_a_re_import_puts_the_activity_back_at_the_file_s_place(coalition):
    from tests import factories

    held_at(spreekuur(), venue())
    factories.load(activities=[factories.activity(OWN, slug="spreekuur")])
    saved = spreekuur()
    assert (saved.venue_id, saved.location_name) == (None, "Bibliotheek")
