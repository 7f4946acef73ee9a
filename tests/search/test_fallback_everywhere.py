"""A whitespace-only translation is missing everywhere, and every presenter says the same.

The Polish title of a guide is blank (what a script or another import can
store): the API's list and detail, search on the engine and on the database,
and the site's pages all show the English title, in English, as a fallback,
sort it as read, and the translation status and report call it missing.
"""

from __future__ import annotations

import pytest
from django.test import Client

from cms.models import GuidePage, Partner
from cms.translation.report import translation_gaps
from tests import factories

pytestmark = pytest.mark.search

SHOWN = {"title": "Family doctor", "language": "en", "translated": False, "fallback_language": "en"}


@pytest.fixture
def blank_polish(publish, committed):
    publish(
        partners=[factories.partner(slug="ggd", name="GGD Gelderland-Zuid")],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts", "en": "Family doctor", "pl": "Lekarz"},
            ),
            factories.guide(
                "ggd",
                slug="apotheek",
                title={"nl": "Apotheek", "pl": "Apteka"},
                summary={"nl": "Waar u medicijnen haalt."},
            ),
        ],
    )
    with committed():  # the import trims texts; an editor's script may not
        guide = GuidePage.objects.get(slug="huisarts")
        guide.title_pl = " \u00a0\n"
        guide.save()
        partner = Partner.objects.get(slug="ggd")
        partner.description_nl = partner.description_en = "\t "
        partner.save()


def _shown(item: dict) -> dict:
    return {key: item[key] for key in SHOWN}


def _search(client: Client, q: str, kind: str) -> dict:
    response = client.get("/api/v1/search", {"q": q, "lang": "pl", "type": kind})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_api_list_and_detail(client, blank_polish):
    listed = client.get("/api/v1/guides", {"lang": "pl"}).json()["results"]
    # Sorted as read: "Apteka" before "Family doctor" (a blank title is no title).
    assert [guide["slug"] for guide in listed] == ["apotheek", "huisarts"]
    assert _shown(listed[1]) == SHOWN
    assert _shown(client.get("/api/v1/guides/huisarts", {"lang": "pl"}).json()) == SHOWN


@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_search_on_both_backends(client, settings, blank_polish, backend):
    if backend == "database":
        settings.ELASTICSEARCH_URL = ""
    answer = _search(client, "huisarts", "guide")
    assert answer["backend"] == backend
    assert [_shown(hit) for hit in answer["results"]] == [SHOWN]


@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_no_text_along_the_chain_is_reported_in_the_chains_last_language(
    client, settings, blank_polish, backend
):
    """The partner's description is blank in Dutch and English and absent in Polish."""
    if backend == "database":
        settings.ELASTICSEARCH_URL = ""
    answer = _search(client, "gelderland", "partner")
    assert answer["backend"] == backend
    [hit] = answer["results"]
    assert (hit["summary"], hit["language"], hit["translated"], hit["fallback_language"]) == (
        "",
        "nl",
        False,
        "nl",
    )


def test_translation_status_and_report_count_it_missing(client, blank_polish):
    status = client.get("/api/v1/guides/huisarts").json()["translation_status"]
    assert status["pl"] == "missing"
    [gap] = translation_gaps([GuidePage.objects.get(slug="huisarts")], language="pl")
    assert gap.missing == ("pl",)


def test_site_page(client, blank_polish):
    html = client.get("/pl/wegwijzers/huisarts/").content.decode()
    assert '<h1 lang="en" dir="ltr">Family doctor</h1>' in html
    assert 'class="fallback"' in html


@pytest.mark.parametrize("path", ["/pl/wegwijzers/", "/pl/partners/ggd/"])
def test_site_lists_sort_as_read(client, blank_polish, path):
    html = client.get(path).content.decode()
    assert html.index(">Apteka<") < html.index(">Family doctor<")
