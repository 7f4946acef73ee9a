"""Translation status follows the Dutch source version, not the clock."""

import pytest

from cms.models import GuidePage
from tests import factories


@pytest.fixture
def guide(db):
    partner = factories.partner()
    record = factories.guide(
        partner["slug"],
        title={"nl": "De huisarts", "en": "The GP", "pl": "Lekarz rodzinny"},
        summary={"nl": "Zo werkt het.", "en": "How it works.", "pl": "Jak to działa."},
        body={"nl": "Bel eerst.", "en": "Call first.", "pl": "Najpierw zadzwoń."},
    )
    factories.load(partners=[partner], guides=[record])
    return record


def statuses(slug):
    return GuidePage.objects.get(slug=slug).translation_statuses()


def test_new_guide_has_complete_and_missing_languages(guide):
    result = statuses(guide["slug"])
    assert result["en"] == result["pl"] == "complete"
    assert result["ro"] == "missing"


def test_changing_the_dutch_source_makes_translations_outdated(guide):
    factories.load(guides=[{**guide, "summary": {**guide["summary"], "nl": "Zo werkt het nu."}}])
    result = statuses(guide["slug"])
    assert result["pl"] == result["en"] == "outdated"


def test_updating_a_translation_with_the_source_makes_it_complete_again(guide):
    changed = {**guide, "summary": {**guide["summary"], "nl": "Nieuw.", "pl": "Nowe."}}
    factories.load(guides=[changed])
    result = statuses(guide["slug"])
    assert result["pl"] == "complete"
    assert result["en"] == "outdated"


def test_resaving_unchanged_content_keeps_translations_complete(guide):
    page = GuidePage.objects.get(slug=guide["slug"])
    page.save_revision().publish()
    assert statuses(guide["slug"])["pl"] == "complete"
