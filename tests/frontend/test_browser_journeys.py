"""The main journeys in a real headless Chromium, in Polish and in Romanian.

Choose the language, filter activities, open one, add it to the calendar,
search with a typo, read a guide, open the policy plan; axe-core checks every
page type on the way. The site runs on pytest-django's live server with the
demo municipality loaded (committed, so the server thread sees it).
"""

from __future__ import annotations

import os
import re
import uuid
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from icalendar import Calendar
from wagtail.models import Site

from cms.models import HomePage

from .browser import CHROMIUM, CHROMIUM_ARGS, PHONE, assert_accessible, require_tools, watch_csp
from .conftest import refresh_search_index, small_site

# Per language: the words a visitor reads and types.
JOURNEYS = {
    "pl": {
        "language": "Polski",
        "activities": "Wydarzenia",
        "sport": "Sport",
        "mixed_only": "Tylko drużyny mieszane",
        "show": "Pokaż wydarzenia",
        "mixed_team": "Drużyna mieszana",
        "add_to_calendar": "Dodaj do kalendarza",
        "subscribe": "Subskrybuj w moim kalendarzu",
        "search": "Szukaj",
        # "Kawiarenka" with its last letter missing: both search backends forgive it.
        "typo": "kawiarenk",
        "typo_finds": "Kawiarenka językowa",
        "guides": "Poradniki",
        "guide": "Jak działa lekarz rodzinny (huisarts) w Holandii",
        "plan": "Plan działań",
        "organisations": "Organizacje",
    },
    "ro": {
        "language": "Română",
        "activities": "Activități",
        "sport": "Sport",
        "mixed_only": "Doar echipe mixte",
        "show": "Arată activitățile",
        "mixed_team": "Echipă mixtă",
        "add_to_calendar": "Adaugă în calendarul meu",
        "subscribe": "Abonează-mă în calendar",
        "search": "Caută",
        # "Cafenea" with its last letter missing.
        "typo": "cafene",
        "typo_finds": "Cafenea lingvistică",
        "guides": "Ghiduri",
        "guide": "Cum funcționează medicul de familie (huisarts) în Țările de Jos",
        "plan": "Planul de acțiune",
        "organisations": "Organizații",
    },
}


def _serve(settings, load) -> None:
    settings.ELASTICSEARCH_INDEX_PREFIX = f"wegwijs-test-{uuid.uuid4().hex[:12]}"
    load()
    # The serialized rollback restores the database as migrations left it, whose
    # site root is Wagtail's welcome page; a home page committed by an earlier
    # module survives that, and ensure_site_structure keeps an existing home
    # page without pointing the site at it again.
    # The first municipality's home: the oldest (the demo adds a second municipality's).
    first_home = HomePage.objects.order_by("path").first()
    Site.objects.filter(is_default_site=True).update(root_page=first_home)
    cache.clear()  # site root paths, cached per language by wagtail-modeltranslation
    refresh_search_index()


def _drop_indexes(settings) -> None:
    from search import elastic

    if elastic.is_configured():
        elastic.client().indices.delete(
            index=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-*",
            ignore_unavailable=True,
            request_timeout=60,
        )


@pytest.fixture(scope="module", autouse=True)
def migrated_state_afterwards(django_db_blocker):
    """Give the database back as migrations left it once this module is done.

    Live-server tests are transactional: each ends by emptying the database,
    and the serialized rollback only refills it when the next such test
    starts. Tests that run later and build on the migrated state (Wagtail's
    root page, the seeded categories) would find nothing.
    """
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            serialized = getattr(connections[alias], "_test_serialized_contents", None)
            if serialized:
                connections[alias].creation.deserialize_db_from_string(serialized)


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback, settings):
    """The demo municipality in the live server's database (and index, with an engine)."""
    _serve(settings, lambda: call_command("load_demo", stdout=StringIO()))
    yield live_server.url
    _drop_indexes(settings)


@pytest.fixture
def small_live_site(live_server, django_db_serialized_rollback, settings):
    """``small_site`` (three activities) on the live server: quicker than the demo."""
    _serve(settings, small_site)
    yield live_server.url
    _drop_indexes(settings)


@pytest.fixture
def chromium():
    require_tools()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and
    # Django refuses database calls from a thread with a running loop. The
    # test's own queries are synchronous all the same.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def nav(page, name: str) -> None:
    page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()


@pytest.mark.parametrize("code", JOURNEYS)
def test_main_journey(demo_site, chromium, code):
    words = JOURNEYS[code]
    # A phone set to Dutch: the visitor picks their own language on the home page.
    context = watch_csp(chromium.new_context(locale="nl-NL", **PHONE))
    page = context.new_page()

    page.goto(f"{demo_site}/")
    assert page.url == f"{demo_site}/nl/"
    page.locator(".language-grid").get_by_role("link", name=words["language"]).click()
    assert page.url == f"{demo_site}/{code}/"
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_accessible(page)  # home

    # Filter: sport, mixed teams only.
    nav(page, words["activities"])
    assert_accessible(page)  # activity list
    page.get_by_label("Co" if code == "pl" else "Ce", exact=True).select_option(
        label=words["sport"]
    )
    page.get_by_label(words["mixed_only"]).check()
    page.get_by_role("button", name=words["show"]).click()
    assert "category=sport" in page.url and "mixed_team=on" in page.url
    cards = page.locator("ul.cards > li.card")
    assert cards.count() >= 3
    for index in range(cards.count()):
        assert words["mixed_team"] in cards.nth(index).inner_text()
    assert_accessible(page)  # filtered list
    subscribe = page.get_by_role("link", name=words["subscribe"]).get_attribute("href")
    assert subscribe.startswith("webcal://") and "mixed_team=true" in subscribe
    assert f"lang={code}" in subscribe

    # Open one, add it to the calendar.
    cards.first.get_by_role("link").first.click()
    assert re.search(rf"/{code}/activiteiten/[\w-]+/$", page.url)
    title = page.locator("h1").inner_text()
    assert_accessible(page)  # activity
    calendar_link = page.get_by_role("link", name=words["add_to_calendar"])
    with page.expect_download() as download:
        calendar_link.click()
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == title

    # The same page in another language, and back.
    other = "ro" if code == "pl" else "pl"
    path = page.url.removeprefix(demo_site).replace(f"/{code}/", f"/{other}/", 1)
    page.locator(".switcher summary").click()
    page.locator(".switcher").get_by_role("link", name=JOURNEYS[other]["language"]).click()
    assert page.url == f"{demo_site}{path}"
    page.go_back()

    # Search with a typo.
    page.goto(f"{demo_site}/{code}/zoeken/")
    search_box = page.get_by_role("searchbox")
    search_box.fill(words["typo"])
    search_box.press("Enter")
    results = page.locator("ul.results")
    assert words["typo_finds"] in results.inner_text()
    assert page.locator(".facets").count() == 1
    assert_accessible(page)  # search with facets

    # Read a guide.
    nav(page, words["guides"])
    assert_accessible(page)  # guide list
    page.get_by_role("link", name=words["guide"]).click()
    assert page.locator("h1").inner_text() == words["guide"]
    assert page.locator("div.body").inner_text().strip()
    assert_accessible(page)  # guide

    # The policy plan: five building blocks with progress, actions with updates.
    nav(page, words["plan"])
    assert page.locator("section.block").count() == 5
    assert page.locator("section.block progress").count() >= 5 + 14
    assert page.locator("article.action ol.updates li").count() >= 1
    assert_accessible(page)  # policy plan

    # The organisations behind it all.
    nav(page, words["organisations"])
    assert_accessible(page)  # partner list
    page.locator("ul.cards a").first.click()
    assert_accessible(page)  # partner
    context.close()


def test_filtering_works_without_javascript(demo_site, chromium):
    context = chromium.new_context(locale="pl-PL", java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{demo_site}/")
    assert page.url == f"{demo_site}/pl/"
    nav(page, "Wydarzenia")
    assert page.get_by_role("button", name="Użyj mojej lokalizacji").count() == 0  # needs JS
    page.get_by_label("Gdzie", exact=True).select_option(label="Ochten")
    page.get_by_label("Tylko bezpłatne").check()
    page.get_by_role("button", name="Pokaż wydarzenia").click()
    assert "place=ochten" in page.url and "free=on" in page.url
    cards = page.locator("ul.cards > li.card")
    assert cards.count() >= 1
    for index in range(cards.count()):
        assert "Bezpłatnie" in cards.nth(index).inner_text()
    context.close()


def test_not_found_page_is_accessible(live_server, django_db_serialized_rollback, chromium):
    context = watch_csp(chromium.new_context(locale="ro-RO", **PHONE))
    page = context.new_page()
    response = page.goto(f"{live_server.url}/ro/activiteiten/bestaat-niet/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "ro"
    assert_accessible(page)
    context.close()


def test_near_me_fills_in_the_phones_position(small_live_site, chromium):
    context = watch_csp(
        chromium.new_context(
            locale="pl-PL",
            geolocation={"latitude": 51.93521, "longitude": 5.56917},
            permissions=["geolocation"],
            **PHONE,
        )
    )
    page = context.new_page()
    page.goto(f"{small_live_site}/pl/activiteiten/")
    page.get_by_role("button", name="Użyj mojej lokalizacji").click()
    page.wait_for_url("**place=near**")
    # Rounded to about 100 m: the position travels in the address.
    assert "near=51.935%2C5.569" in page.url
    titles = page.locator("ul.cards h3").all_inner_texts()
    assert "Language café Kesteren" in titles and "Piłka nożna razem" in titles  # within 5 km
    page.get_by_label("Odległość").select_option("2")
    page.get_by_role("button", name="Pokaż wydarzenia").click()
    titles = page.locator("ul.cards h3").all_inner_texts()
    assert "Language café Kesteren" in titles and "Piłka nożna razem" not in titles  # 2.4 km away
    assert_accessible(page)
    context.close()
