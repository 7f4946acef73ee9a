"""The interface speaks all 13 languages: every string translated, catalogs compiled."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from cms.models import ActivityPage, GuidePage, Partner, PolicyAction
from frontend_templates import labels

LOCALE = Path(settings.BASE_DIR) / "locale"
CODES = [code for code, _ in settings.LANGUAGES]
ENTRY = re.compile(r'^(?:msgctxt "(?P<ctx>.*)"\n)?msgid "(?P<id>.*)"\nmsgstr "(?P<str>.*)"$', re.M)


def entries(code: str) -> list[re.Match]:
    text = (LOCALE / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text, f"{code}: fuzzy entries are not used by gettext"
    return [match for match in ENTRY.finditer(text) if match["id"]]


@pytest.mark.parametrize("code", CODES)
def test_every_string_is_translated_with_its_placeholders(code):
    found = entries(code)
    assert len(found) > 100
    for match in found:
        assert match["str"], f"{code}: no translation for {match['id']!r}"
        placeholders = sorted(re.findall(r"%\(\w+\)s", match["id"]))
        assert sorted(re.findall(r"%\(\w+\)s", match["str"])) == placeholders, match["id"]


def test_all_catalogs_have_the_same_strings():
    reference = {(m["ctx"], m["id"]) for m in entries("nl")}
    for code in CODES:
        assert {(m["ctx"], m["id"]) for m in entries(code)} == reference, code


@pytest.mark.parametrize("code", CODES)
def test_catalogs_are_compiled_and_current(code):
    compiled = LOCALE / code / "LC_MESSAGES" / "django.mo"
    source = compiled.with_suffix(".po")
    assert compiled.exists(), "run scripts/compile-messages (scripts/test does)"
    assert compiled.stat().st_mtime >= source.stat().st_mtime, "django.mo is older than django.po"
    if code != "en":
        with translation.override(code):
            assert (
                translation.gettext("Search activities and guides")
                != "Search activities and guides"
            )


@pytest.mark.parametrize(
    ("choices", "values"),
    [
        (labels.AUDIENCES, ActivityPage.Audience.values),
        (labels.TEAM_LEVELS, ActivityPage.TeamLevel.values),
        (labels.ACTION_STATUSES, PolicyAction.Status.values),
        (labels.GUIDE_TOPICS, GuidePage.Topic.values),
        (labels.PARTNER_TYPES, Partner.Type.values),
    ],
)
def test_every_choice_of_the_content_model_has_a_visitor_facing_name(choices, values):
    assert set(choices) == set(values)


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_pages_show_the_interface_in_the_page_language(site, content, code):
    html = site.html(f"/{code}/activiteiten/")
    with translation.override(code):
        for text in ("Activities", "Show activities", "Choose your language"):
            assert translation.gettext(text) in html
