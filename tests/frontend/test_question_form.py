"""The "Ask a question" page: a plain form that works without JavaScript, in every language."""

from __future__ import annotations

import re
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question
from public.guard.tokens import issue_form_token
from tests import factories

from .conftest import OFFLINE_SCRIPT

CODES = [code for code, _ in settings.LANGUAGES]


def fields(**overrides) -> dict:
    data = {
        "topic": "health",
        "text": "Gdzie mogę znaleźć lekarza, który mówi po polsku?",
        "language": "pl",
        "contact_method": "phone",
        "contact_value": "+48 600 123 456",
        "website": "",
        "form_token": issue_form_token("question", now=time.time() - 10),
    }
    data.update(overrides)
    return data


@pytest.fixture
def ggd(db):
    factories.load(partners=[factories.partner(slug="ggd", name="GGD Gelderland-Zuid", type="ggd")])
    set_responsible("health", Partner.objects.get(slug="ggd"))


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_the_page_speaks_every_language_and_is_in_the_menu(site, code):
    html = site.html(f"/{code}/vraag/")
    with translation.override(code):
        assert translation.gettext("Ask a question") in html
        assert translation.gettext("Send question") in html
        assert str(translation.gettext("School and children")) in html
    assert f'href="/{code}/vraag/"' in html  # the main menu links to it
    assert "<script" not in html.replace(OFFLINE_SCRIPT, "")  # nothing here needs JavaScript
    # The page's language is the question's language unless the visitor picks another.
    assert re.search(rf'<option value="{code}" lang="{code}" selected>', html)


@pytest.mark.django_db
def test_the_home_page_links_to_it(site, site_structure):
    assert 'class="button" href="/ro/vraag/"' in site.html("/ro/")


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people_and_screen_readers(site):
    html = site.html("/en/vraag/")
    hidden = re.search(r'<div class="sr" aria-hidden="true">(.*?)</div>', html)
    assert hidden and 'name="website"' in hidden[1] and 'tabindex="-1"' in hidden[1]
    assert 'name="form_token"' in html


def test_a_question_is_sent_and_the_thank_you_page_says_who_answers(client, ggd):
    response = client.post("/pl/vraag/", fields())
    assert response.status_code == 302
    stored = Question.objects.get()
    assert (stored.topic, stored.language, stored.routed_partner.slug) == ("health", "pl", "ggd")
    assert stored.contact_value == "+48600123456"

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert stored.reference in html
    assert "GGD Gelderland-Zuid" in html
    with translation.override("pl"):
        assert translation.gettext("They will contact you in the way you chose.") in html
    assert "90" in html
    # Nothing the asker typed travels in the address or shows on the page.
    assert "lekarza" not in response["Location"] + html
    assert "600" not in html


def test_an_unrouted_question_is_answered_by_the_coordinators(client, ggd):
    response = client.post("/en/vraag/", fields(topic="other", contact_method="", contact_value=""))
    html = client.get(response["Location"]).content.decode()
    assert "The platform team of the municipality will answer your question." in html
    assert "nobody can send you an answer" in html
    assert Question.objects.get().routed_partner is None


def test_a_tampered_thank_you_address_is_not_found(client, ggd):
    assert client.get("/pl/vraag/verstuurd/", {"r": "made-up"}).status_code == 404


def test_mistakes_are_shown_in_the_page_language_and_what_was_written_is_kept(client, ggd):
    response = client.post("/pl/vraag/", fields(text="Lekarz?", contact_value="zadzwoń"))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("pl"):
        assert translation.gettext("Please check the marked fields.") in html
        assert translation.gettext("This is not a phone number we can call.") in html
    assert "Lekarz?</textarea>" in html
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "spam",
    [
        lambda: {"website": "https://pills.example"},
        lambda: {"form_token": ""},
        lambda: {"form_token": issue_form_token("question")},  # sent within a second
    ],
)
def test_spam_is_refused_and_nothing_is_stored(client, ggd, spam):
    response = client.post("/en/vraag/", fields(**spam()))
    assert response.status_code == 400
    assert "could not be sent yet" in response.content.decode()
    assert not Question.objects.exists()


def test_the_site_and_the_api_share_one_limit_per_client(client, ggd, settings):
    cache.clear()  # counts committed by live-server tests of this run
    settings.PUBLIC_POST_RATES = {**settings.PUBLIC_POST_RATES, "question": "2/hour"}
    assert client.post("/en/vraag/", fields()).status_code == 302
    api = client.post(
        "/api/v1/questions",
        {key: value for key, value in fields().items()},
        content_type="application/json",
    )
    assert api.status_code == 201
    refused = client.post("/en/vraag/", fields())
    assert refused.status_code == 429
    assert "several questions in a short time" in refused.content.decode()
    assert Question.objects.count() == 2


def test_the_form_is_protected_against_cross_site_posts(ggd):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/en/vraag/", fields()).status_code == 403
    browser.get("/en/vraag/")
    token = browser.cookies["csrftoken"].value
    response = browser.post("/en/vraag/", {**fields(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
