""" "Was this clear?" under guides and activities: a plain form, through the guard, no cookie."""

from __future__ import annotations

import re
import time

import pytest

from cms.models import PageFeedback
from public.guard.tokens import issue_form_token

pytestmark = pytest.mark.django_db


def form_fields(html: str) -> dict[str, str]:
    form = html[html.index('id="feedback"') :]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))


@pytest.mark.parametrize(
    ("path", "kind", "slug"),
    [
        ("/pl/wegwijzers/de-huisarts/", "guide", "de-huisarts"),
        ("/pl/activiteiten/gemengd-voetbal/", "activity", "gemengd-voetbal"),
    ],
)
def test_every_guide_and_activity_asks_in_the_visitors_language(site, content, path, kind, slug):
    html = site.html(path)
    assert "Czy to było zrozumiałe?" in html
    assert 'action="/pl/duidelijk/"' in html
    assert "Tłumaczenie jest trudne do zrozumienia" in html
    fields = form_fields(html)
    assert (fields["kind"], fields["slug"]) == (kind, slug) and fields["form_token"]


def test_a_no_with_a_reason_is_stored_and_thanked_without_a_cookie(client, content):
    response = client.post(
        "/bg/duidelijk/",
        {
            "kind": "guide",
            "slug": "de-huisarts",
            "clear": "false",
            "reason": "translation",
            "text": "",
            "form_token": issue_form_token("feedback", now=time.time() - 10),
            "website": "",
        },
    )
    assert response.status_code == 303, response.content
    assert response["Location"] == "/bg/duidelijk/bedankt/?back=/bg/wegwijzers/de-huisarts/"
    assert not response.cookies
    stored = PageFeedback.objects.get()
    assert (stored.language, stored.clear, stored.reason) == ("bg", False, "translation")
    thanks = client.get(response["Location"]).content.decode()
    assert 'href="/bg/wegwijzers/de-huisarts/"' in thanks


def test_a_no_without_a_reason_says_what_to_choose_and_stores_nothing(client, content):
    response = client.post(
        "/pl/duidelijk/",
        {
            "kind": "activity",
            "slug": "gemengd-voetbal",
            "clear": "false",
            "form_token": issue_form_token("feedback", now=time.time() - 10),
        },
    )
    assert response.status_code == 400
    assert "Wybierz, dlaczego nie było to zrozumiałe." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_the_thank_you_page_never_sends_people_elsewhere(client, db):
    html = client.get("/pl/duidelijk/bedankt/", {"back": "//evil.example/"}).content.decode()
    back = re.search(r'<a href="([^"]*)">Wróć do strony</a>', html).group(1)
    assert back == "/pl/"
