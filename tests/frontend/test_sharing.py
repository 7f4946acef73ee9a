"""What a shared link and a search engine see: complete Open Graph tags, a canonical
address and schema.org data, read back with an independent parser (extruct)."""

from __future__ import annotations

import re
from io import BytesIO
from urllib.parse import urlsplit

import extruct
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image

from cms.blocks import BodyBlock
from cms.models import GuidePage, Municipality
from frontend_templates.share_image import share_image_url

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/pl/",
    "/pl/activiteiten/",
    "/pl/activiteiten/gemengd-voetbal/",
    "/pl/wegwijzers/",
    "/pl/wegwijzers/de-huisarts/",
    "/pl/beleidsplan/",
    "/pl/partners/",
    "/pl/partners/vv-ochten/",
    "/pl/zoeken/",
    "/pl/vraag/",
    "/pl/enquete/",
    "/pl/taalmaatje/",
    "/pl/woordenlijst/",
    "/pl/toegankelijkheid/",
]
REQUIRED = ("og:title", "og:type", "og:url", "og:image", "og:description", "og:locale")


def open_graph(html: str) -> dict[str, list[str]]:
    """Every og: property with all its values (og:locale:alternate comes many times)."""
    found = extruct.extract(html, syntaxes=["opengraph"], uniform=False)["opengraph"]
    values: dict[str, list[str]] = {}
    for block in found:
        for key, value in block["properties"]:
            values.setdefault(key, []).append(value)
    return values


def json_ld(html: str) -> list[dict]:
    return extruct.extract(html, syntaxes=["json-ld"])["json-ld"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_complete_sharing_tags(site, content, path):
    html = site.html(path)
    tags = open_graph(html)
    for key in REQUIRED:
        assert tags.get(key, [""])[0].strip(), (path, key)
    assert tags["og:url"] == [f"http://127.0.0.1:8000{path}"]
    assert tags["og:locale"] == ["pl_PL"]
    alternates = set(tags["og:locale:alternate"])
    assert len(alternates) == len(settings.LANGUAGES) - 1 and "pl_PL" not in alternates
    assert {"nl_NL", "bg_BG", "uk_UA"} <= alternates
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == [f"http://127.0.0.1:8000{path}"]


def test_the_canonical_address_leaves_out_filters_and_search_terms(site, content):
    html = site.html("/pl/activiteiten/", category="sport")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/pl/activiteiten/">' in html
    html = site.html("/pl/zoeken/", q="taal")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/pl/zoeken/">' in html


def test_pages_say_what_they_are_in_the_visitors_language(site, content):
    assert open_graph(site.html("/pl/wegwijzers/de-huisarts/"))["og:title"] == ["Lekarz rodzinny"]
    assert open_graph(site.html("/pl/wegwijzers/de-huisarts/"))["og:type"] == ["article"]
    ro = open_graph(site.html("/ro/activiteiten/gemengd-voetbal/"))
    assert ro["og:title"] == ["Mixed football"] and ro["og:locale"] == ["ro_RO"]


def test_a_page_without_a_photo_shares_the_municipalitys_card(site, content):
    tags = open_graph(site.html("/pl/wegwijzers/de-huisarts/"))
    image = tags["og:image"][0]
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]
    path = urlsplit(image).path
    assert path.startswith(settings.MEDIA_URL)
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as stored:
        card = Image.open(BytesIO(stored.read()))
        assert card.format == "PNG" and card.size == (1200, 630)
        colour = Municipality.objects.get().colour  # the municipality's, as on its posters
        red, green, blue = card.convert("RGB").getpixel((5, 5))
        assert f"#{red:02x}{green:02x}{blue:02x}" == colour.lower()


def test_each_municipality_has_its_own_colour():
    assert share_image_url("Ochten", "#aa3300") != share_image_url("Ochten", "#0b5394")
    path = share_image_url("Ochten", "#aa3300").removeprefix(settings.MEDIA_URL)
    with default_storage.open(path) as stored:
        assert Image.open(stored).convert("RGB").getpixel((5, 5)) == (0xAA, 0x33, 0x00)


def test_an_activity_is_an_event_with_what_the_page_shows(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    events = [item for item in json_ld(html) if item["@type"] == "Event"]
    assert len(events) == 1
    event = events[0]
    assert event["name"] == re.search(r"<h1>([^<]+)</h1>", html).group(1) == "Piłka nożna razem"
    shown_dates = re.findall(r'<li><time datetime="([^"]+)">', html)
    assert event["startDate"] == shown_dates[0]
    assert event["location"]["name"] == "Sportpark De Eng"
    assert event["location"]["address"] == "Sportlaan 1, 4051 CJ Ochten"
    assert event["location"]["geo"]["latitude"] == pytest.approx(51.9137)
    assert event["isAccessibleForFree"] is False
    assert event["offers"]["price"] == "7.50" and event["offers"]["priceCurrency"] == "EUR"
    assert event["inLanguage"] == ["nl", "pl", "ro"]
    assert event["organizer"]["name"] == "VV Ochten"
    assert event["url"] == "http://127.0.0.1:8000/pl/activiteiten/gemengd-voetbal/"
    schedule = event["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["startTime"] == "19:00" and schedule["endTime"] == "20:30"
    assert schedule["scheduleTimezone"] == "Europe/Amsterdam"


def test_a_one_off_activity_has_no_schedule_and_is_free(site, content):
    event = json_ld(site.html("/nl/activiteiten/ggd-spreekuur/"))[0]
    assert event["@type"] == "Event" and "eventSchedule" not in event
    assert event["isAccessibleForFree"] is True and "offers" not in event
    assert event["name"] == "GGD-spreekuur"


def test_a_guide_is_an_article_in_the_language_it_is_shown_in(site, content):
    article = json_ld(site.html("/pl/wegwijzers/de-huisarts/"))[0]
    assert article["@type"] == "Article"
    assert article["headline"] == "Lekarz rodzinny" and article["inLanguage"] == "pl"
    assert article["author"]["name"] == "Bibliotheek Kesteren"
    fallback = json_ld(site.html("/bg/wegwijzers/werk-zoeken/"))[0]
    assert fallback["headline"] == "Finding work" and fallback["inLanguage"] == "en"


def test_a_guide_with_steps_is_a_howto_too_with_the_steps_the_page_shows(site, content):
    assert len(json_ld(site.html("/pl/wegwijzers/de-huisarts/"))) == 1  # no steps: no HowTo
    steps = [{"title": "Zadzwoń do przychodni", "text": "Rano, od 8:00."}, {"title": "Przyjdź"}]
    body = BodyBlock().to_python(
        [{"type": "text", "value": "<p>Wstęp.</p>"}, {"type": "steps", "value": steps}]
    )
    GuidePage.objects.filter(slug="de-huisarts").update(body_pl=body)
    html = site.html("/pl/wegwijzers/de-huisarts/")
    article, howto = json_ld(html)
    assert article["@type"] == "Article" and howto["@type"] == "HowTo"
    assert howto["name"] == "Lekarz rodzinny" and howto["inLanguage"] == "pl"
    assert howto["url"] == "http://127.0.0.1:8000/pl/wegwijzers/de-huisarts/"
    shown = re.findall(
        r'<ol class="steps"><li><strong>([^<]+)</strong>.*?<li><strong>([^<]+)<', html
    )
    assert [step["name"] for step in howto["step"]] == list(shown[0])
    assert [step["position"] for step in howto["step"]] == [1, 2]
    assert howto["step"][0]["text"] == "Rano, od 8:00." and "text" not in howto["step"][1]


def test_the_municipality_publishes_the_guide(site, content):
    article = json_ld(site.html("/pl/wegwijzers/de-huisarts/"))[0]
    assert article["publisher"]["name"] == Municipality.objects.get().name


def test_structured_data_cannot_break_out_of_its_script(site, content):
    from frontend_templates.structured_data import as_script_text

    text = as_script_text({"name": "</script><script>alert(1)</script>"})
    assert "</script" not in text and "<" not in text
