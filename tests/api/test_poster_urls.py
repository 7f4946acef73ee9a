"""``poster_url`` on activity, guide and survey details leads to the printable PDF."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.poster_worker import own_media, printed  # noqa: F401 (a fixture)
from tests.survey_factories import survey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_media")]


@pytest.fixture
def content(db):
    factories.load(
        partners=[factories.partner(slug="bieb")],
        activities=[factories.activity("bieb", slug="taalcafe")],
        guides=[factories.guide("bieb", slug="huisarts")],
    )
    survey(slug="werk")
    # Closed since yesterday: still shown (an old poster's visitor learns it is closed).
    survey(slug="dicht", closes_at=timezone.now() - timedelta(days=1))


@pytest.mark.parametrize(
    ("detail", "poster"),
    [
        ("activities/taalcafe", "/posters/activity/taalcafe.pdf?languages=pl&size=a4"),
        ("guides/huisarts", "/posters/guide/huisarts.pdf?languages=pl&size=a4"),
        ("surveys/werk", "/posters/survey/werk.pdf?languages=pl&size=a4"),
    ],
)
def test_details_carry_a_poster_url_in_their_language(client, content, detail, poster):
    answer = client.get(f"/api/v1/{detail}?lang=pl").json()
    assert answer["poster_url"] == poster
    pdf = printed(client, answer["poster_url"].replace("languages=pl", "languages=pl,bg"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_survey_that_takes_no_answers_has_no_poster(client, content):
    assert client.get("/api/v1/surveys/werk").json()["poster_url"]
    assert client.get("/api/v1/surveys/dicht").json()["poster_url"] is None
    assert client.get("/posters/survey/dicht.pdf").status_code == 404
