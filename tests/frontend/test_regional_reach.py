"""Reach with several municipalities: each site shares, keeps offline and states as itself.

Neder-Betuwe and Tiel share the GGD's guide and consultation hour (they live in
Neder-Betuwe's part of the tree); each has content of its own. On Tiel's host,
the shared pages answer at Tiel's address; the canonical link, the sharing tags
and their card, the schema.org data, the pages kept offline, the web app
manifest and the accessibility statement are all Tiel's.
"""

from __future__ import annotations

import json
from io import BytesIO
from urllib.parse import urlsplit

import extruct
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from tests import factories
from tests.region_factories import IN_OCHTEN, IN_TIEL, TIEL, region

from .conftest import local
from .test_sharing import open_graph

pytestmark = pytest.mark.django_db

NB_HOST = "neder-betuwe.localhost"
TIEL_HOST = "tiel.localhost"
TIEL_RED = (0xA0, 0x1C, 0x2C)


def at(host: str) -> Client:
    return Client(HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="pl")


def html(host: str, path: str, status: int = 200) -> str:
    response = at(host).get(path)
    assert response.status_code == status, (host, path, response.status_code)
    return response.content.decode()


@pytest.fixture
def two(db):
    soon, later = local(3, 19).isoformat(), local(60, 19).isoformat()
    region(
        activities=[
            factories.activity(
                "ggd",
                slug="ggd-spreekuur",
                title={"nl": "GGD-spreekuur", "pl": "Dyżur GGD"},
                municipalities=["neder-betuwe", "tiel"],
                starts_at=soon,
                ends_at=None,
            ),
            factories.activity(
                "club-ochten", slug="voetbal-ochten", location=IN_OCHTEN, starts_at=soon
            ),
            factories.activity("club-tiel", slug="rugby-tiel", location=IN_TIEL, starts_at=soon),
            factories.activity(
                "club-tiel", slug="rugby-later", location=IN_TIEL, starts_at=later, ends_at=None
            ),
        ],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts", "pl": "Lekarz rodzinny"},
                municipalities=["neder-betuwe", "tiel"],
            ),
            factories.guide("club-ochten", slug="ochten-sport", municipalities=["neder-betuwe"]),
            factories.guide("club-tiel", slug="tiel-sport", municipalities=["tiel"]),
        ],
    )


def test_a_shared_page_answers_at_each_municipalitys_address_and_nowhere_else(two):
    for host in (NB_HOST, TIEL_HOST):
        assert "<h1>Lekarz rodzinny</h1>" in html(host, "/pl/wegwijzers/huisarts/")
        assert "Dyżur GGD" in html(host, "/pl/activiteiten/ggd-spreekuur/")
    html(TIEL_HOST, "/pl/wegwijzers/tiel-sport/")
    # Published to the other municipality only: not on this one's site.
    html(TIEL_HOST, "/pl/wegwijzers/ochten-sport/", status=404)
    html(TIEL_HOST, "/pl/activiteiten/voetbal-ochten/", status=404)
    html(NB_HOST, "/pl/wegwijzers/tiel-sport/", status=404)


def test_canonical_and_sharing_addresses_are_the_sites_own(two):
    page = html(TIEL_HOST, "/pl/wegwijzers/huisarts/")
    canonical = "http://tiel.localhost/pl/wegwijzers/huisarts/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert open_graph(page)["og:url"] == [canonical]
    assert open_graph(page)["og:site_name"] == ["Wegwijs Tiel"]
    [article] = extruct.extract(page, syntaxes=["json-ld"])["json-ld"]
    assert article["@type"] == "Article" and article["url"] == canonical
    event_page = html(TIEL_HOST, "/pl/activiteiten/ggd-spreekuur/")
    [event] = extruct.extract(event_page, syntaxes=["json-ld"])["json-ld"]
    assert event["@type"] == "Event"
    assert event["url"] == "http://tiel.localhost/pl/activiteiten/ggd-spreekuur/"
    assert urlsplit(event["image"]).netloc == "tiel.localhost"
    nb = open_graph(html(NB_HOST, "/pl/wegwijzers/huisarts/"))
    assert nb["og:url"] == ["http://neder-betuwe.localhost/pl/wegwijzers/huisarts/"]


def card_colour(image_url: str) -> tuple[int, int, int]:
    path = urlsplit(image_url).path.removeprefix(settings.MEDIA_URL)
    with default_storage.open(path) as stored:
        card = Image.open(BytesIO(stored.read()))
        assert card.size == (1200, 630)
        return card.convert("RGB").getpixel((5, 5))


@pytest.mark.parametrize("path", ["/pl/", "/pl/activiteiten/", "/pl/wegwijzers/huisarts/"])
def test_each_municipality_shares_its_own_card_in_its_colour(two, path):
    tiel = open_graph(html(TIEL_HOST, path))
    nb = open_graph(html(NB_HOST, path))
    assert urlsplit(tiel["og:image"][0]).netloc == TIEL_HOST
    assert card_colour(tiel["og:image"][0]) == TIEL_RED
    nb_colour = "#" + "".join(f"{part:02x}" for part in card_colour(nb["og:image"][0]))
    assert nb_colour != TIEL["colour"]


def test_a_page_without_its_own_description_names_the_sites_municipality(two):
    description = open_graph(html(TIEL_HOST, "/pl/activiteiten/"))["og:description"]
    assert description == [
        "Wydarzenia, poradniki i pomoc dla osób z zagranicy, które mieszkają i pracują w Tiel."
    ]


def test_offline_copies_are_the_sites_own_pages_and_each_answers_there(two):
    response = at(TIEL_HOST).get("/pl/offline/pages.json")
    pages = json.loads(response.content)["pages"]
    assert pages == [
        "/pl/",
        "/pl/activiteiten/",
        "/pl/wegwijzers/",
        "/pl/wegwijzers/huisarts/",
        "/pl/wegwijzers/tiel-sport/",
        # rugby-later is 60 days away: past the four weeks kept.
        "/pl/activiteiten/ggd-spreekuur/",
        "/pl/activiteiten/rugby-tiel/",
    ]
    for path in pages:
        html(TIEL_HOST, path)
    nb = json.loads(at(NB_HOST).get("/pl/offline/pages.json").content)["pages"]
    assert "/pl/wegwijzers/ochten-sport/" in nb and "/pl/wegwijzers/tiel-sport/" not in nb


def test_the_web_app_is_named_and_coloured_after_the_municipality(two):
    manifest = json.loads(at(TIEL_HOST).get("/pl/manifest.webmanifest").content)
    assert manifest["name"] == "Wegwijs Tiel" and manifest["theme_color"] == TIEL["colour"]
    page = html(TIEL_HOST, "/pl/")
    assert page.count('<meta name="theme-color"') == 1
    assert f'<meta name="theme-color" content="{TIEL["colour"]}">' in page


def test_each_municipality_has_its_own_accessibility_statement(two):
    statement = html(TIEL_HOST, "/pl/toegankelijkheid/")
    assert "Tiel chce, aby każdy mógł korzystać z http://tiel.localhost/" in statement
    nb = html(NB_HOST, "/pl/toegankelijkheid/")
    assert "Neder-Betuwe chce, aby każdy mógł korzystać z http://neder-betuwe.localhost/" in nb


@pytest.mark.parametrize(
    "path",
    [
        "/pl/",
        "/pl/activiteiten/",
        "/pl/activiteiten/ggd-spreekuur/",
        "/pl/wegwijzers/",
        "/pl/wegwijzers/huisarts/",
        "/pl/beleidsplan/",
        "/pl/partners/",
        "/pl/zoeken/",
        "/pl/vraag/",
        "/pl/enquete/",
        "/pl/toegankelijkheid/",
    ],
)
def test_every_page_of_each_site_links_its_statement_in_the_footer(two, path):
    page = html(TIEL_HOST, path)
    footer = page[page.index('<footer class="bottom">') :]
    assert '<a href="/pl/toegankelijkheid/">Dostępność</a>' in footer


def test_a_page_taken_off_its_home_municipality_leaves_that_site(two):
    """The GGD's guide and hour live in Neder-Betuwe's part of the tree; published
    to Tiel only, they answer at Tiel's address and no longer at Neder-Betuwe's."""
    from cms.models import ActivityPage, GuidePage
    from cms.municipalities.models import Municipality

    tiel = Municipality.objects.get(slug="tiel")
    for model, slug in ((GuidePage, "huisarts"), (ActivityPage, "ggd-spreekuur")):
        page = model.objects.get(slug=slug)
        page.municipalities.set([tiel])
        page.save()
    html(NB_HOST, "/pl/wegwijzers/huisarts/", status=404)
    html(NB_HOST, "/pl/activiteiten/ggd-spreekuur/", status=404)
    assert "<h1>Lekarz rodzinny</h1>" in html(TIEL_HOST, "/pl/wegwijzers/huisarts/")
    assert "Dyżur GGD" in html(TIEL_HOST, "/pl/activiteiten/ggd-spreekuur/")
    # Neder-Betuwe's own pages answer as before.
    html(NB_HOST, "/pl/wegwijzers/ochten-sport/")
