"""An unreviewed machine translation is labelled, in the visitor's language, like a fallback."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from cms.models import GuidePage
from cms.translation import provenance
from cms.translation.records import Origin

pytestmark = pytest.mark.django_db

NOTE = "Automatically translated. A person has not checked this translation yet."


def note_in(code: str) -> str:
    with translation.override(code):
        return translation.gettext(NOTE)


def test_machine_text_carries_the_note_until_a_person_reviews_it(site, content):
    page = GuidePage.objects.get(slug="de-huisarts")
    provenance.record(page, "title", "pl", Origin.MACHINE)
    html = site.html("/pl/wegwijzers/de-huisarts/")
    assert note_in("pl") in html
    assert note_in("pl") != NOTE  # really in Polish
    assert note_in("en") not in site.html("/en/wegwijzers/de-huisarts/")

    provenance.review(page, "title", "pl", get_user_model().objects.create_user("ola"))
    assert note_in("pl") not in site.html("/pl/wegwijzers/de-huisarts/")


def test_human_translations_carry_no_note(site, content):
    assert "machine-translated" not in site.html("/pl/wegwijzers/de-huisarts/")
