"""The plain-Dutch hint: Flesch-Douma score, level, longest sentences, shown in the page editor."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cms.models import ActivityPage, GuidePage
from cms.readability import dutch_text, readability, sentences
from tests import factories

from .conftest import make_member

PLAIN = "Bel eerst de huisarts. De huisarts is de dokter bij u in de buurt. Hij helpt u snel."
OFFICIAL = (
    "Overeenkomstig de voorschriften van de zorgverzekeringswet dient u zich, alvorens gebruik "
    "te maken van tweedelijnszorg, te vervoegen bij uw huisarts, tenzij sprake is van een "
    "levensbedreigende situatie."
)


def test_plain_dutch_scores_easy_and_official_dutch_scores_difficult():
    plain, official = readability(PLAIN), readability(OFFICIAL)
    assert plain.score > 80 and plain.level == "A2" and plain.plain_enough
    assert official.score < 30 and official.level == "C2" and not official.plain_enough
    assert plain.longest == []  # no sentence over 15 words to shorten


def test_the_longest_sentences_come_first_and_short_ones_are_left_out():
    long_one = "Een zin van zeventien woorden die net iets te lang is voor teksten op B1 hier ja."
    text = f"{PLAIN}\n{OFFICIAL} {long_one}"
    found = readability(text)
    assert [s.words for s in found.longest] == [27, 17]
    assert found.longest[0].text.startswith("Overeenkomstig")


def test_lines_without_a_full_stop_are_sentences_too():
    assert [s.text for s in sentences("Wat te doen\n- eerst bellen\n- dan langsgaan.")] == [
        "Wat te doen",
        "- eerst bellen",
        "- dan langsgaan.",
    ]


def test_no_text_gives_no_score():
    assert readability("  \n ") is None


@pytest.fixture
def pages(coalition):
    factories.load(
        partners=[],
        guides=[factories.guide("ggd", slug="lastig", body={"nl": OFFICIAL})],
        activities=[factories.activity("ggd", slug="makkelijk", summary={"nl": PLAIN})],
    )
    return GuidePage.objects.get(slug="lastig"), ActivityPage.objects.get(slug="makkelijk")


def test_editors_see_the_hint_and_the_sentence_to_shorten_in_the_page_editor(client, pages):
    guide, activity = pages
    client.force_login(make_member("editor", "ggd"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    expected = readability(dutch_text(guide))
    assert not expected.plain_enough
    assert f'help-warning" data-readability-level="{expected.level}"' in html
    shown = re.search(r"Flesch-Douma (\d+)[.,](\d)", html)  # in the editor's own number format
    assert float(f"{shown.group(1)}.{shown.group(2)}") == expected.score
    assert "Overeenkomstig de voorschriften" in html.split("data-readability-longest", 1)[1]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[activity.pk])).content.decode()
    assert "Flesch-Douma" in html and "data-readability-longest" not in html
