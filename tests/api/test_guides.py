"""Guides: the topic filter, alphabetical order, and how complete each translation is."""

import pytest

from tests import factories


@pytest.fixture
def guides(club):
    factories.load(
        guides=[
            factories.guide(
                "vv-ochten",
                slug="huisarts",
                topic="healthcare",
                title={"nl": "De huisarts", "en": "The GP", "pl": "Lekarz rodzinny"},
                summary={"nl": "Zo werkt het.", "en": "How it works.", "pl": "Jak to działa."},
                body={"nl": "Bel eerst.", "en": "Call first.", "pl": "Najpierw zadzwoń."},
            ),
            factories.guide(
                "vv-ochten",
                slug="inschrijven",
                topic="registration",
                title={"nl": "Inschrijven bij de gemeente", "en": "Registering"},
                summary={"nl": "Naar het gemeentehuis.", "en": "To the town hall."},
                body={"nl": "Neem je paspoort mee.", "en": "Bring your passport."},
            ),
        ]
    )


def test_topic_filter(api, guides):
    results = api.json("guides", topic="registration")["results"]
    assert [item["slug"] for item in results] == ["inschrijven"]


def test_guides_are_alphabetical_in_the_language_the_reader_sees(api, guides):
    def order(lang):
        return [item["title"] for item in api.json("guides", lang=lang)["results"]]

    assert order("nl") == ["De huisarts", "Inschrijven bij de gemeente"]
    assert order("pl") == ["Lekarz rodzinny", "Registering"]


def test_translation_status_per_language(api, guides):
    status = api.json("guides/huisarts")["translation_status"]
    assert (status["en"], status["pl"], status["ro"]) == ("complete", "complete", "missing")
    assert "nl" not in status  # the source language


def test_translation_becomes_outdated_when_the_dutch_text_changes(api, guides):
    factories.load(
        guides=[
            factories.guide(
                "vv-ochten",
                slug="huisarts",
                topic="healthcare",
                title={"nl": "De huisarts", "en": "The GP", "pl": "Lekarz rodzinny"},
                summary={"nl": "Zo werkt het nu.", "en": "How it works.", "pl": "Jak to działa."},
                body={"nl": "Bel eerst.", "en": "Call first.", "pl": "Najpierw zadzwoń."},
            )
        ]
    )
    status = api.json("guides/huisarts")["translation_status"]
    assert (status["en"], status["pl"]) == ("outdated", "outdated")


def test_guide_detail_has_its_body_author_and_language(api, guides):
    guide = api.json("guides/huisarts", lang="pl")
    assert guide["body"] == [{"type": "text", "value": "<p>Najpierw zadzwoń.</p>"}]
    assert guide["author"] == {"slug": "vv-ochten", "name": "VV Ochten"}
    assert guide["url"] == "/pl/wegwijzers/huisarts/"
    assert (guide["language"], guide["translated"]) == ("pl", True)


def test_guide_detail_carries_its_recording_in_the_language_read(api, guides):
    from cms.models import GuidePage
    from cms.read_aloud.recordings import record

    assert api.json("guides/huisarts", lang="pl")["audio"] is None  # not recorded yet
    page = GuidePage.objects.get(slug="huisarts")
    for language in ("pl", "en"):
        record(page, language)
    audio = api.json("guides/huisarts", lang="pl")["audio"]
    assert audio["language"] == "pl" and audio["mime_type"] == "audio/ogg"
    assert audio["url"].startswith("http://127.0.0.1:8000/media/read-aloud/")
    # Bulgarian has no text of its own: the English text, read by the English voice.
    assert api.json("guides/huisarts", lang="bg")["audio"]["language"] == "en"
