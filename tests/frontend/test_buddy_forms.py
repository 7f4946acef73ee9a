"""Language buddies on the site: counts per village, and the two forms without JavaScript."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache

from cms.models import BuddyOffer, BuddyRequest
from public.guard import issue_form_token

from .conftest import OFFLINE_SCRIPT


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def fields(form: str, **overrides) -> dict:
    data = {
        "name": "Kasia",
        "contact_method": "email",
        "contact_value": "kasia@example.org",
        "language": "pl",
        "languages": ["pl", "en"],
        "village": "ochten",
        "times": ["evenings"],
        "help": ["conversation"],
        "website": "",
        "form_token": issue_form_token(form, now=time.time() - 10),
    }
    data.update(overrides)
    return data


def test_asking_for_a_buddy_shows_a_reference_and_the_count_grows(client, site):
    html = site.html("/pl/taalmaatje/request/")
    assert 'name="form_token"' in html and "<script" not in html.replace(OFFLINE_SCRIPT, "")
    response = client.post("/pl/taalmaatje/request/", fields("buddy_request"))
    assert response.status_code == 303
    sent = client.get(response["Location"]).content.decode()
    request = BuddyRequest.objects.get()
    assert request.reference in sent and "Kasia" not in sent
    overview = site.html("/pl/taalmaatje/")
    assert "Kasia" not in overview
    assert '<th scope="row">Ochten</th><td>1</td><td>0</td>' in overview


def test_offering_with_bad_input_names_the_field_and_stores_nothing(client, site):
    response = client.post("/nl/taalmaatje/offer/", fields("buddy_offer", village="parijs"))
    assert response.status_code == 400
    assert 'id="village-error"' in response.content.decode()
    assert not BuddyOffer.objects.exists()
