"""Fixtures for the public site's tests.

Small content through ``tests.factories`` (the import path) for most tests; the
demo municipality (``demo``) where a page needs realistic size, loaded once per
module and committed, then removed again so that other tests start empty.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from cms.models import (
    ActivityPage,
    BuddyMatch,
    BuddyOffer,
    BuddyRequest,
    GlossaryTerm,
    GuidePage,
    PageFeedback,
    Partner,
    PolicyAction,
    ProgressUpdate,
    Survey,
    SurveyOption,
    SurveyQuestion,
)
from search.models import IndexChange
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")
# Every page's one script: it registers the offline service worker (progressive:
# the page works the same without it). Pages that need no script have only this.
OFFLINE_SCRIPT = '<script src="/static/wegwijs/offline.js" defer></script>'


def local(days_ahead: int, hour: int, minute: int = 0) -> datetime:
    """Amsterdam wall-clock time ``days_ahead`` days from today."""
    day = datetime.now(AMS).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


class SiteClient:
    """GETs pages the way a phone does: with an Accept-Language header."""

    def __init__(self, client: Client):
        self.client = client

    def get(self, path: str, accept_language: str = "nl", **params):
        return self.client.get(path, params, headers={"accept-language": accept_language})

    def html(self, path: str, status: int = 200, **params) -> str:
        response = self.get(path, **params)
        assert response.status_code == status, (path, response.status_code)
        return response.content.decode()


@pytest.fixture
def site(client) -> SiteClient:
    return SiteClient(client)


def refresh_search_index() -> None:
    """With a search engine: index what was just committed, and make it searchable.

    Saving indexes right away, but gives up after ELASTICSEARCH_TIMEOUT (2 s)
    and leaves the change queued; on a busy test machine ``search_index sync``
    (with the command's long timeout) applies what is left.
    """
    from django.conf import settings

    from search import elastic

    if elastic.is_configured():
        call_command("search_index", "sync", stdout=StringIO())
        elastic.client().indices.refresh(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*", request_timeout=60
        )


def small_site() -> dict:
    """A club, a library, three activities, two guides and two policy actions.

    The football team speaks Polish and Romanian and has a Polish title but no
    Romanian one (so Romanian visitors see the English fallback).
    """
    club = factories.partner(
        slug="vv-ochten",
        name="VV Ochten",
        type="sports_club",
        email="info@vvochten.example",
        phone="0488 12 34 56",
        description={"nl": "Voetbalclub in Ochten.", "pl": "Klub piłkarski w Ochten."},
        languages_spoken=["nl", "pl"],
    )
    library = factories.partner(slug="bibliotheek", name="Bibliotheek Kesteren", type="library")
    football = factories.activity(
        "vv-ochten",
        slug="gemengd-voetbal",
        category="sport",
        title={"nl": "Gemengd voetbal", "en": "Mixed football", "pl": "Piłka nożna razem"},
        summary={"nl": "Samen voetballen.", "en": "Play football together.", "pl": "Gramy razem."},
        starts_at=local(2, 19).isoformat(),
        ends_at=local(2, 20, 30).isoformat(),
        recurrence="FREQ=WEEKLY",
        location={
            "name": "Sportpark De Eng",
            "address": "Sportlaan 1, 4051 CJ Ochten",
            "lat": 51.9137,
            "lon": 5.5762,
        },
        languages_offered=["nl", "pl", "ro"],
        cost={"free": False, "amount": "7.50"},
        registration={
            "required": True,
            "type": "link",
            "url": "https://vvochten.example/aanmelden",
        },
        mixed_team={"sport": "football", "level": "recreational", "open_spots": 6},
    )
    cafe = factories.activity(
        "bibliotheek",
        slug="taalcafe-kesteren",
        category="language",
        title={"nl": "Taalcafé Kesteren", "en": "Language café Kesteren", "ro": "Cafenea"},
        starts_at=local(40, 10).isoformat(),
        ends_at=local(40, 12).isoformat(),
        location={
            "name": "Bibliotheek",
            "address": "Markt 1, 4041 AE Kesteren",
            "lat": 51.9352,
            "lon": 5.5691,
        },
        languages_offered=["nl", "ro"],
    )
    health = factories.activity(
        "bibliotheek",
        slug="ggd-spreekuur",
        category="health",
        title={"nl": "GGD-spreekuur", "en": "GGD consultation hour"},
        starts_at=local(1, 10).isoformat(),
        ends_at=local(1, 11).isoformat(),
        location={
            "name": "GGD",
            "address": "Markt 1, 4041 AE Kesteren",
            "lat": 51.9352,
            "lon": 5.5691,
        },
        languages_offered=["nl", "bg"],
    )
    guides = [
        factories.guide(
            "bibliotheek",
            slug="de-huisarts",
            topic="healthcare",
            title={"nl": "De huisarts", "en": "The GP", "pl": "Lekarz rodzinny"},
            summary={
                "nl": "Zo werkt de huisarts.",
                "en": "How the GP works.",
                "pl": "Jak to działa.",
            },
            body={"nl": "Bel eerst de praktijk.", "pl": "Najpierw zadzwoń do przychodni."},
        ),
        factories.guide(
            "vv-ochten",
            slug="werk-zoeken",
            topic="work",
            title={"nl": "Werk zoeken", "en": "Finding work"},
        ),
    ]
    actions = [
        factories.policy_action(
            slug="taalcafes-uitbreiden",
            building_block="support",
            title={"nl": "Meer taalcafés", "en": "More language cafés", "pl": "Więcej kawiarenek"},
            progress=40,
            responsible=["bibliotheek"],
            updates=[
                {
                    "date": "2026-10-01",
                    "text": {"nl": "Twee nieuwe taalcafés.", "pl": "Dwie nowe."},
                },
            ],
        ),
        factories.policy_action(
            slug="registratie-campagne",
            building_block="inventory",
            title={"nl": "Inschrijfcampagne"},
            progress=80,
            status="in_progress",
        ),
    ]
    factories.load(
        partners=[club, library],
        activities=[football, cafe, health],
        guides=guides,
        policy_actions=actions,
    )
    return {"club": club, "library": library, "football": football, "cafe": cafe}


@pytest.fixture(scope="module")
def module_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            records = small_site()
            refresh_search_index()
            yield records
        finally:
            remove_content()


@pytest.fixture
def content(module_content, db) -> dict:
    """``small_site``, committed once per module (tests only read it)."""
    return module_content


def remove_other_municipalities() -> None:
    """The demo's second municipality: its villages, site and home page with its sections.

    The first municipality (the default site's, made by the migrations) stays.
    """
    from cms.models import Municipality

    for municipality in Municipality.objects.exclude(site__is_default_site=True):
        site = municipality.site
        municipality.delete()
        home = site.root_page
        site.delete()
        home.delete()


def forget_translations_of(*models) -> None:
    from django.contrib.contenttypes.models import ContentType

    from cms.translation.records import (
        SourceText,
        TranslationDraft,
        TranslationRecord,
        TranslationSubmission,
    )

    types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    for table in (TranslationRecord, SourceText, TranslationDraft, TranslationSubmission):
        table.objects.filter(content_type__in=types).delete()


def remove_content() -> None:
    """Everything committed content (the demo) leaves behind, so later tests start empty.

    Buddy offers and requests outlive their project (SET_NULL) and are people's
    data, not content: they go explicitly.
    """
    BuddyMatch.objects.all().delete()
    BuddyOffer.objects.all().delete()
    BuddyRequest.objects.all().delete()
    PageFeedback.objects.all().delete()
    # Publishing queues recordings of the guides read aloud on the task queue.
    DBTaskResult.objects.all().delete()
    ActivityPage.objects.all().delete()
    GuidePage.objects.all().delete()
    PolicyAction.objects.all().delete()
    Partner.objects.all().delete()
    Survey.objects.all().delete()
    remove_other_municipalities()
    GlossaryTerm.objects.all().delete()
    get_user_model().objects.filter(username="coordinator").delete()
    # Translation provenance refers to objects by content type and id, without a foreign key.
    forget_translations_of(
        ActivityPage,
        GuidePage,
        PolicyAction,
        ProgressUpdate,
        Partner,
        Survey,
        SurveyQuestion,
        SurveyOption,
    )
    # The committed content queued index changes; later tests expect an empty outbox.
    IndexChange.objects.all().delete()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo municipality, committed for the whole module, removed afterwards."""
    with django_db_blocker.unblock():
        try:
            call_command("load_demo", stdout=StringIO())
            refresh_search_index()
            yield
        finally:
            remove_content()


@pytest.fixture(scope="session", autouse=True)
def drop_test_indexes():
    """With a search engine: remove the indexes this run's committed content went into."""
    yield
    from django.conf import settings

    from search import elastic

    if elastic.is_configured():
        elastic.client().indices.delete(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
            ignore_unavailable=True,
            request_timeout=60,
        )
