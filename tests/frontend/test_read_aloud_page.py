"""A guide's page offers its recording in a plain <audio> player: no script, nothing preloaded."""

from __future__ import annotations

import re

import pytest

from cms.models import ActivityPage, GuidePage
from cms.read_aloud.recordings import record

from .conftest import OFFLINE_SCRIPT

pytestmark = pytest.mark.django_db


def test_the_guide_page_has_a_plain_player_in_the_language_read(site, content):
    assert "<audio" not in site.html("/pl/wegwijzers/de-huisarts/")  # nothing recorded yet
    page = GuidePage.objects.get(slug="de-huisarts")
    for language in ("pl", "nl"):
        record(page, language)
    html = site.html("/pl/wegwijzers/de-huisarts/")
    player = re.search(r'<audio controls preload="none" src="([^"]+)" lang="pl"></audio>', html)
    assert player and player.group(1).startswith("/media/read-aloud/")
    assert "Posłuchaj tego poradnika" in html
    assert re.search(r"download>Pobierz nagranie \([\d,.]+\xa0KB\)</a>", html)
    # Bulgarian, with no whole text in Bulgarian or English: the Dutch text, by the Dutch voice.
    assert 'lang="nl"></audio>' in site.html("/bg/wegwijzers/de-huisarts/")
    plain = html.replace('<script type="application/ld+json">', "").replace(OFFLINE_SCRIPT, "")
    assert "<script" not in plain


def test_the_activity_page_offers_its_summary_read_aloud(site, content):
    assert "<audio" not in site.html("/pl/activiteiten/gemengd-voetbal/")
    record(ActivityPage.objects.get(slug="gemengd-voetbal"), "pl")
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    assert '<h2 id="listen-heading">Posłuchaj opisu tego wydarzenia</h2>' in html
    player = r'<audio controls preload="none" src="/media/read-aloud/[^"]+" lang="pl">'
    assert re.search(player, html)
