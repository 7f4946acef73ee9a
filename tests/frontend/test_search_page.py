"""The search page: the one search service, facets as links, in the visitor's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def results(html: str) -> list[str]:
    return re.findall(r'<h3><a href="(/\w\w/[\w/#-]+)"', html)


def test_finds_across_languages_and_links_in_the_visitors_language(site, content):
    html = site.html("/pl/zoeken/", q="voetbal")
    assert "/pl/activiteiten/gemengd-voetbal/" in results(html)
    assert 'value="voetbal"' in html


def test_facets_are_links_that_narrow_the_search(site, content):
    html = site.html("/pl/zoeken/", q="voetbal")
    assert 'id="facets-heading"' in html
    link = re.search(r'<a href="(\?[^"]*type=activity[^"]*)"', html).group(1).replace("&amp;", "&")
    narrowed = site.html("/pl/zoeken/" + link)
    assert all(url.startswith("/pl/activiteiten/") for url in results(narrowed))
    assert 'aria-current="true"' in narrowed
    assert 'name="type" value="activity"' in narrowed  # a new search keeps the filter


def test_a_missing_last_letter_is_forgiven_on_every_backend(site, content):
    # Both the database backend (substring match) and the engine (fuzzy match) find it.
    assert "/pl/activiteiten/gemengd-voetbal/" in results(site.html("/pl/zoeken/", q="voetba"))


def test_empty_and_absurd_queries(site, content):
    assert "facets-heading" not in site.html("/pl/zoeken/")
    assert site.get("/pl/zoeken/", q="x" * 500).status_code == 200
    assert site.get("/pl/zoeken/", q="voetbal", category="nope").status_code == 200
    html = site.html("/pl/zoeken/", q="zzzqqqxxx")
    assert results(html) == []


def test_an_over_long_query_is_refused_with_a_message_and_not_repeated(site, content):
    normal = site.html("/pl/zoeken/", q="voetbal")
    html = site.html("/pl/zoeken/", q="x" * 20_000)
    assert 'class="error" role="alert"' in html
    assert "x" * 201 not in html
    assert len(html) < 2 * len(normal)
