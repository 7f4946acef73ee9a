"""A guide's page offers its recording in a plain <audio> player: no script, nothing preloaded."""

from __future__ import annotations

import re

import pytest

from cms.models import GuidePage
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

