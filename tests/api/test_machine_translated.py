"""``machine_translated``: true when a shown text is machine output no person reviewed."""

import pytest
from django.contrib.auth import get_user_model

from cms.models import ActivityPage, GuidePage
from cms.translation import provenance
from tests import factories
from tests.api.conftest import days_ahead, iso, local


@pytest.fixture
def content(db):
    club = factories.partner(
        slug="vv-ochten",
        description={"nl": "Een club.", "pl": "Klub.", "ro": "Un club."},
        translation_sources={"pl": "machine"},
    )
    cafe = factories.activity(
        "vv-ochten",
        slug="taalcafe",
        title={"nl": "Taalcafé", "pl": "Kawiarnia językowa", "ro": "Cafenea"},
        summary={"nl": "Samen oefenen.", "pl": "Ćwiczymy razem.", "ro": "Exersăm."},
        starts_at=iso(local(days_ahead(3), 19)),
        ends_at=None,
        translation_sources={"pl": "machine", "ro": "agency"},
    )
    gp = factories.guide(
        "vv-ochten",
        slug="huisarts",
        title={"nl": "De huisarts", "pl": "Lekarz"},
        summary={"nl": "Zo werkt het.", "pl": "Tak to działa."},
    )
    factories.load(partners=[club], activities=[cafe], guides=[gp])


def test_unreviewed_machine_text_is_flagged_in_list_and_detail(api, content):
    listed = api.json("activities", lang="pl")["results"][0]
    detail = api.json("activities/taalcafe", lang="pl")
    assert listed["machine_translated"] is detail["machine_translated"] is True
    assert api.json("partners/vv-ochten", lang="pl")["machine_translated"] is True
    assert api.json("guides/huisarts", lang="pl")["machine_translated"] is False


def test_other_languages_and_fallbacks_are_not_flagged(api, content):
    assert api.json("activities/taalcafe", lang="ro")["machine_translated"] is False
    assert api.json("activities/taalcafe", lang="nl")["machine_translated"] is False
    # Bulgarian readers see the Dutch source.
    assert api.json("activities/taalcafe", lang="bg")["machine_translated"] is False


def test_a_review_of_every_shown_text_removes_the_flag(api, content):
    page = ActivityPage.objects.get(slug="taalcafe")
    reviewer = get_user_model().objects.create_user("ania")
    provenance.review(page, "title", "pl", reviewer)
    assert api.json("activities/taalcafe", lang="pl")["machine_translated"] is True
    provenance.review(page, "summary", "pl", reviewer)
    assert api.json("activities/taalcafe", lang="pl")["machine_translated"] is False


def test_a_person_rewriting_the_text_removes_the_flag(api, content):
    page = ActivityPage.objects.get(slug="taalcafe")
    page.title_pl, page.summary_pl = "Kawiarnia", "Razem."
    page.save_revision().publish()
    assert api.json("activities", lang="pl")["results"][0]["machine_translated"] is False
    assert GuidePage.objects.get(slug="huisarts").live
