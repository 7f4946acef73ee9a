"""The admin speaks its user's language: no English of ours in a Dutch admin, no Dutch in English.

The strings checked are read from the catalogs when the test runs (so a
string another branch adds is checked too): every msgid of ours whose Dutch
differs from it. A Dutch page must show none of those English phrases, and
none of the labels Django makes up from a field's name ("Starts at") for the
models whose forms are walked; an English page must show none of their Dutch
phrases. Phrases of two words or more: a single word ("Sport", "Type") is
often the same in both languages or part of a name.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.users.models import UserProfile

from cms.models import ActivityIndexPage, ActivityPage, GuidePage, Venue

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d|<[^>]+>")
WALKED_MODELS = (ActivityPage, GuidePage, Venue)


@cache
def catalog_pairs() -> list[tuple[str, str]]:
    """(English, Dutch) for every string of ours that Dutch writes differently."""
    with (LOCALE / "nl" / "LC_MESSAGES" / "django.po").open("rb") as po:
        dutch = read_po(po)
    pairs = []
    for message in dutch:
        if not message.id or not isinstance(message.id, str) or not message.string:
            continue
        if message.string == message.id:
            continue
        pairs.append((message.id, message.string))
    return pairs


def phrases(text: str) -> list[str]:
    """The fixed parts of a message (between placeholders and tags) of two words or more."""
    return [
        part.strip(" .,:;()“”\"'")
        for part in PLACEHOLDER.split(text)
        if len(part.strip(" .,:;()“”\"'").split()) >= 2
    ]


def visible_text(page: str) -> str:
    page = re.sub(r"(?s)<(script|style|template|svg)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def label_texts(page: str) -> set[str]:
    return {
        " ".join(visible_text(found).replace("*", "").split())
        for found in re.findall(r"(?s)<label\b[^>]*>(.*?)</label>", page)
    }


def made_up_labels() -> set[str]:
    """The labels Django would make up from field names, were no verbose name given."""
    labels = set()
    for model in WALKED_MODELS:
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is not model or not hasattr(field, "verbose_name"):
                continue
            made_up = field.name.replace("_", " ")
            if str(field.verbose_name) == made_up and " " in made_up:
                labels.add(capfirst(made_up))
    return labels


def addresses(role: str) -> list[str]:
    activity = ActivityPage.objects.get(slug="spreekuur")
    guide = GuidePage.objects.get(slug="huisarts")
    index = ActivityIndexPage.objects.get()
    pages = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[activity.pk]),
        reverse("wagtailadmin_pages:add", args=["cms", "activitypage", index.pk]),
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
    ]
    if role != "contributor_own":
        pages += [reverse("venues:index"), reverse("venues:add")]
    return pages


@pytest.fixture
def walk(client, login_as):
    def walk(role: str, language: str) -> dict[str, str]:
        user = login_as(role)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        Venue.objects.get_or_create(name="Sporthal De Eng", address="Engweg 3", village="ochten")
        shown = {}
        for address in addresses(role):
            response = client.get(address)
            assert response.status_code == 200, address
            shown[address] = response.content.decode()
        return shown

    return walk


ROLES = ["editor_own", "contributor_own", "coordinator"]


@pytest.mark.parametrize("role", ROLES)
def test_the_dutch_admin_shows_no_english_of_ours(role, walk):
    english = {phrase for source, _dutch in catalog_pairs() for phrase in phrases(source)}
    # A phrase that is also part of a Dutch translation is not a sign of English.
    dutch_text = " ".join(dutch for _source, dutch in catalog_pairs())
    english = {phrase for phrase in english if phrase not in dutch_text}
    assert len(english) > 100  # the catalogs were read
    made_up = made_up_labels()
    for address, page in walk(role, "nl").items():
        text = visible_text(page)
        left = sorted(phrase for phrase in english if phrase in text)
        assert not left, f"{role} {address}: untranslated {left}"
        raw = sorted(label_texts(page) & made_up)
        assert not raw, f"{role} {address}: labels made up from field names {raw}"


@pytest.mark.parametrize("role", ROLES)
def test_the_english_admin_shows_no_dutch_of_ours(role, walk):
    dutch = {phrase for _source, target in catalog_pairs() for phrase in phrases(target)}
    english_text = " ".join(source for source, _dutch in catalog_pairs())
    dutch = {phrase for phrase in dutch if phrase not in english_text}
    for address, page in walk(role, "en").items():
        text = visible_text(page)
        left = sorted(phrase for phrase in dutch if phrase in text)
        assert not left, f"{role} {address}: Dutch in the English admin {left}"


def test_a_string_left_in_english_is_found():
    """The check itself: an English phrase of ours in a Dutch page is caught."""
    source, _dutch = next(
        (source, dutch) for source, dutch in catalog_pairs() if source == "Add activity"
    )
    page = f"<main><a>{source}</a></main>"
    assert source in visible_text(page) and phrases(source) == ["Add activity"]
