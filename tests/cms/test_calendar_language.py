"""A partner's feed in its own language: Polish texts land in the Polish fields.

The feed (``calendar_feeds/polish.ics``) is served by a real HTTP server on
127.0.0.1. Its texts are stored as Polish (origin ``import``) and stand in for
the Dutch, so that every reader's fallback chain (requested → en → nl) still
finds a title; a Dutch feed leaves the other languages empty, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.calendars.models import CalendarEvent
from cms.calendars.syncing import import_calendar
from cms.importing import ImportFailed
from cms.models import ActivityPage, Partner
from cms.translation.provenance import records_for
from cms.translation.queue import translation_queue
from tests import factories

NOW = datetime(2027, 1, 1, tzinfo=UTC)
FAMILIES = "polonia-spotkanie-0001@example.org"
TITLE = "Spotkanie dla rodzin: herbata i rozmowa"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_feeds_allowed():
    with override_settings(DEBUG=True, CALENDAR_FEED_TIMEOUT=2):
        yield


def polonia(url: str, **calendar) -> Partner:
    """Polonia Betuwe, linked to ``url`` through the import format (as a coordinator would)."""
    factories.load(
        partners=[
            factories.partner(
                slug="polonia",
                name="Polonia Betuwe",
                type="migrant_organisation",
                calendar={
                    "url": url,
                    "category": "family",
                    "languages_offered": ["pl", "nl"],
                    "publish": True,
                    **calendar,
                },
            )
        ]
    )
    return Partner.objects.select_related("calendar_category").get(slug="polonia")


def activity_of(partner: Partner, uid: str) -> ActivityPage:
    link = CalendarEvent.objects.get(partner=partner, uid=uid)
    return ActivityPage.objects.get(pk=link.activity_id)


def test_a_polish_feed_is_stored_as_polish(server, client):
    partner = polonia(server.serve_file("/kalendarz.ics", "polish.ics"), language="pl")
    assert partner.calendar_language == "pl"
    state = import_calendar(partner, now=NOW)
    assert state.counts["created"] == 2 and not state.problems

    meeting = activity_of(partner, FAMILIES)
    assert meeting.title_pl == TITLE
    assert meeting.summary_pl.startswith("Zapraszamy całe rodziny.")
    assert "Dzieci mają swój kącik" in str(meeting.body_pl)
    # Dutch is the source every page must have: the feed's text stands in for it.
    assert meeting.title_nl == TITLE and meeting.summary_nl == meeting.summary_pl
    assert meeting.title_en == "" and meeting.summary_ro == ""

    polish = client.get(f"/api/v1/activities/{meeting.slug}?lang=pl").json()
    assert (polish["title"], polish["language"], polish["translated"]) == (TITLE, "pl", True)
    romanian = client.get(f"/api/v1/activities/{meeting.slug}?lang=ro").json()
    assert romanian["title"] == TITLE  # something to read in every language, along the chain
    assert romanian["translated"] is False

    records = records_for([meeting])
    for language in ("pl", "nl"):
        assert records[(meeting.pk, "summary", language)].origin == "import"
    # Nothing to translate into Polish; into Romanian everything still is.
    assert meeting.pk not in {item.obj.pk for item in translation_queue("pl", now=NOW)}
    assert meeting.pk in {item.obj.pk for item in translation_queue("ro", now=NOW)}


def test_a_second_run_of_a_polish_feed_changes_nothing(server):
    partner = polonia(server.serve_file("/kalendarz.ics", "polish.ics"), language="pl")
    import_calendar(partner, now=NOW)
    again = import_calendar(partner, now=NOW)
    assert again.counts["unchanged"] == 2 and again.counts["updated"] == 0


def test_a_change_in_the_polish_feed_updates_the_polish_texts(server):
    feed = server.serve_file("/kalendarz.ics", "polish.ics")
    partner = polonia(feed, language="pl")
    import_calendar(partner, now=NOW)
    body = server.routes["/kalendarz.ics"][2]
    server.serve("/kalendarz.ics", body.replace(b"herbata i rozmowa", b"kawa i rozmowa"))

    assert import_calendar(partner, now=NOW).counts["updated"] == 1
    meeting = activity_of(partner, FAMILIES)
    assert meeting.title_pl == "Spotkanie dla rodzin: kawa i rozmowa" == meeting.title_nl


def test_an_english_feed_needs_no_stand_in_for_other_readers(server, client):
    partner = polonia(server.serve_file("/kalendarz.ics", "polish.ics"), language="en")
    import_calendar(partner, now=NOW)
    meeting = activity_of(partner, FAMILIES)
    assert meeting.title_en == TITLE and meeting.title_pl == ""
    answer = client.get(f"/api/v1/activities/{meeting.slug}?lang=en").json()
    assert (answer["language"], answer["translated"]) == ("en", True)


def test_a_feed_without_a_language_is_dutch(server):
    partner = polonia(server.serve_file("/kalendarz.ics", "polish.ics"))
    assert partner.calendar_language == "nl"
    import_calendar(partner, now=NOW)
    meeting = activity_of(partner, FAMILIES)
    assert meeting.title_nl == TITLE and meeting.title_pl == ""


def test_an_unknown_feed_language_is_refused_naming_the_field(db):
    calendar = {"url": "https://polonia.example/k.ics", "category": "family", "language": "xx"}
    with pytest.raises(ImportFailed) as failure:
        factories.load(partners=[factories.partner(slug="polonia", calendar=calendar)])
    assert [problem.field for problem in failure.value.problems] == ["calendar.language"]
    assert not Partner.objects.filter(slug="polonia").exists()


def test_the_admin_says_which_language_the_feed_is_in(server, client, django_user_model):
    partner = polonia(server.serve_file("/kalendarz.ics", "polish.ics"), language="pl")
    client.force_login(django_user_model.objects.create_superuser("coord", "c@example.org", "x"))
    page = client.get(reverse("cms_partner_calendar", args=[partner.pk]), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert 'data-feed-language="pl"' in html and "language: Polski" in html
    assert "stand in for the Dutch" in html
