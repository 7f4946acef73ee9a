"""Signing up on the activity's page and cancelling by the link: plain forms, no JavaScript."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.core.cache import cache

from cms.models import Signup
from tests import factories
from tests.signup_helpers import signup_activity, token


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cafe(db, site_structure):
    factories.load(
        partners=[factories.partner(slug="bibliotheek", type="library")],
        activities=[signup_activity("bibliotheek", slug="taalcafe", capacity=1)],
    )
    return "taalcafe"


def fields(**overrides) -> dict:
    data = {
        "name": "Ionela",
        "contact_method": "whatsapp",
        "contact_value": "+40 712 345 678",
        "language": "ro",
        "people": "1",
        "website": "",
        "form_token": token(),
    }
    data.update(overrides)
    return data


def test_the_activity_page_carries_the_form_and_the_places_left(site, cafe):
    html = site.html("/ro/activiteiten/taalcafe/")
    assert 'action="/ro/activiteiten/taalcafe/aanmelden/"' in html
    assert 'name="form_token"' in html and 'name="website"' in html
    # No program of its own: schema.org data (JSON-LD) and the offline registration.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="application/ld+json">',
        '<script src="/static/wegwijs/offline.js" defer>',
    ]
    assert re.search(r'<option value="ro" lang="ro" selected>', html)


def test_signing_up_redirects_to_a_receipt_that_holds_nothing_typed(client, cafe, mailoutbox):
    response = client.post("/ro/activiteiten/taalcafe/aanmelden/", fields())
    assert response.status_code == 303
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    signup = Signup.objects.get()
    assert signup.status == "confirmed" and signup.contact_value == "+40712345678"
    assert signup.reference in html
    assert "Ionela" not in html and "712" not in html.replace(signup.reference, "")
    cancel_url = re.search(r'href="(http[^"]+/afmelden/[^"]+)"', html).group(1)

    # The waiting list: the only place is taken.
    waiting = client.post(
        "/ro/activiteiten/taalcafe/aanmelden/",
        fields(contact_method="email", contact_value="maria@example.org", form_token=token()),
    )
    assert waiting.status_code == 303
    assert Signup.objects.get(contact_value="maria@example.org").status == "waiting"

    # Opening the cancel link cancels nothing; the button does, and the next one moves up.
    path = urlparse(cancel_url).path
    page = client.get(path)
    assert page.status_code == 200 and "Ionela" not in page.content.decode()
    assert Signup.objects.get(pk=signup.pk).status == "confirmed"
    mailoutbox.clear()
    assert client.post(path).status_code == 200
    assert Signup.objects.get(pk=signup.pk).status == "cancelled"
    assert Signup.objects.get(contact_value="maria@example.org").status == "confirmed"
    assert [mail.to for mail in mailoutbox] == [["maria@example.org"]]


@pytest.mark.parametrize(
    ("overrides", "field_id"),
    [
        ({"name": ""}, "name-error"),
        ({"contact_value": "abc"}, "contact-value-error"),
        ({"people": "2"}, "people-error"),
        # Crafted input (issue #21): a 400 on the form, never a 500, nothing stored.
        ({"name": "Ionela\x00"}, "name-error"),
        ({"name": "Ionela\x1b"}, "name-error"),
        ({"contact_value": "²²²²²²²²²"}, "contact-value-error"),
        ({"people": "²"}, "people-error"),
    ],
)
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_stored(
    client, cafe, overrides, field_id
):
    response = client.post("/ro/activiteiten/taalcafe/aanmelden/", fields(**overrides))
    assert response.status_code == 400
    assert f'id="{field_id}"' in response.content.decode()
    assert not Signup.objects.exists()


def test_a_second_sign_up_of_the_same_contact_is_recognised(client, cafe):
    assert client.post("/ro/activiteiten/taalcafe/aanmelden/", fields()).status_code == 303
    again = client.post("/ro/activiteiten/taalcafe/aanmelden/", fields(form_token=token()))
    assert again.status_code == 409
    assert Signup.objects.count() == 1


def test_an_unknown_cancel_link_is_not_found(client, cafe):
    assert client.get("/ro/afmelden/not-a-real-secret/").status_code == 404
