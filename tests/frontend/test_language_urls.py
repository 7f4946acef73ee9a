"""One address per language: /nl/..., /pl/...; / goes to the visitor's language."""

import re

import pytest

PAGES = (
    "/{}/",
    "/{}/activiteiten/",
    "/{}/activiteiten/gemengd-voetbal/",
    "/{}/wegwijzers/",
    "/{}/wegwijzers/de-huisarts/",
    "/{}/beleidsplan/",
    "/{}/partners/",
    "/{}/partners/vv-ochten/",
    "/{}/zoeken/",
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("pl-PL,pl;q=0.9,en;q=0.5", "/pl/"),
        ("ro", "/ro/"),
        ("de-DE,bg;q=0.8", "/bg/"),
        ("de-DE", "/nl/"),
        ("", "/nl/"),
    ],
)
def test_root_redirects_to_the_negotiated_language(site, db, accept, expected):
    response = site.get("/", accept_language=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_explicit_lang_parameter_wins_and_a_bad_one_is_ignored(site, db):
    assert site.get("/", accept_language="pl", lang="ro")["Location"] == "/ro/"
    assert site.get("/", accept_language="pl", lang="xx")["Location"] == "/pl/"


def test_unprefixed_page_address_redirects_keeping_path_and_query(site, content):
    response = site.get("/activiteiten/", accept_language="ro", category="sport")
    assert response.status_code == 302
    assert response["Location"] == "/ro/activiteiten/?category=sport"


def test_unknown_unprefixed_path_is_404_and_admin_keeps_its_slash(site, db):
    assert site.get("/admin")["Location"] == "/admin/"
    assert site.get("/favicon.ico").status_code == 404


@pytest.mark.parametrize("template", PAGES)
@pytest.mark.parametrize("code", ["nl", "pl", "ro"])
def test_every_page_type_answers_in_every_language_with_lang_and_dir(site, content, template, code):
    html = site.html(template.format(code))
    assert f'<html lang="{code}" dir="ltr">' in html


def test_the_default_language_has_a_prefix_too(site, content):
    assert site.get("/nl/activiteiten/").status_code == 200
    assert site.get("/api/v1/languages").status_code == 200  # the API stays unprefixed


@pytest.mark.parametrize("template", PAGES)
def test_language_switcher_keeps_the_page(site, content, template):
    html = site.html(template.format("pl"))
    switcher = html[html.index('class="switcher"') :]
    for code in ("nl", "en", "ro", "bg", "uk"):
        assert f'href="{template.format(code)}" hreflang="{code}"' in switcher


def test_language_switcher_keeps_the_filters(site, content):
    html = site.html("/pl/activiteiten/", category="sport", free="on")
    assert 'href="/ro/activiteiten/?category=sport&amp;free=on" hreflang="ro"' in html


def test_alternate_links_for_every_language(site, content):
    html = site.html("/pl/wegwijzers/de-huisarts/")
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
    assert len(alternates) == 13
    assert ("ro", "http://127.0.0.1:8000/ro/wegwijzers/de-huisarts/") in alternates


def test_item_urls_are_the_public_urls_of_the_contract(site, content):
    from cms.public_urls import public_path

    html = site.html("/pl/activiteiten/")
    assert f'href="{public_path("activity", "gemengd-voetbal", "pl")}"' in html
    plan = site.html("/pl/beleidsplan/")
    anchor = public_path("policy_action", "taalcafes-uitbreiden", "pl").split("#")[1]
    assert f'id="{anchor}"' in plan


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/nope/", "/admin/nope/"])
def test_unprefixed_sections_never_redirect_to_a_language(site, db, path):
    response = site.get(path)
    assert response.status_code == 404 or response["Location"].startswith("/admin/")
    if path.startswith("/api/"):
        assert response["Content-Type"].startswith("application/json")
