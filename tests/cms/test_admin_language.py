"""The admin speaks its user's language: no English of ours in a Dutch admin, no Dutch in English.

The strings checked are read from the catalogs when the test runs (so a
string another branch adds is checked too): every msgid of ours whose Dutch
differs from it. A Dutch page must show none of those English phrases, and
none of the labels Django makes up from a field's name ("Starts at") for the
models whose forms are walked; an English page must show none of their Dutch
phrases. Phrases of two words or more: a single word ("Sport", "Type") is
often the same in both languages or part of a name.

The coordinator's and the partner editor's other screens (the translation
report, the feedback totals, a survey's results, the sign-ups and buddy lists, the questions,
and the partners, categories, building blocks, policy actions and surveys
with their fields) are walked in Dutch too, and must show no label left
untranslated in the code, no English word of a known list and no raw
``None``/``True``/``False``.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from django.forms import modelform_factory
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from wagtail.users.models import UserProfile

from cms.accounts.email_change import request_email_change
from cms.contact_point.intake import receive_question
from cms.contact_point.models import TopicResponsibility
from cms.contact_point.routing_admin import RoutingForm
from cms.feedback.models import PageFeedback
from cms.models import (
    ActivityIndexPage,
    ActivityPage,
    BuddyMatch,
    BuddyOffer,
    BuddyProject,
    BuddyRequest,
    BuildingBlock,
    Category,
    GlossaryTerm,
    GuideIndexPage,
    GuidePage,
    HomePage,
    Municipality,
    Partner,
    PolicyAction,
    ProgressUpdate,
    Question,
    Signup,
    SignupList,
    Survey,
    SurveyOption,
    SurveyQuestion,
    Venue,
    Village,
)
from cms.permissions.approval import MunicipalApprovalTask
from cms.taking_part.capacity import SignupRequest, sign_up
from cms.translation.translators import TranslatorAssignment
from tests import factories
from tests.cms.conftest import OTHER, OWN
from tests.cms.test_survey_results import answer
from tests.region_factories import TIEL
from tests.signup_helpers import signup_activity
from tests.survey_factories import survey

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


# The models of the coordinator's and the partner editor's other screens.
LABELLED_MODELS = (
    Partner,
    Category,
    BuildingBlock,
    PolicyAction,
    ProgressUpdate,
    Survey,
    SurveyQuestion,
    SurveyOption,
    Question,
    Signup,
    SignupList,
    BuddyProject,
    BuddyOffer,
    BuddyRequest,
    BuddyMatch,
    Municipality,
    Village,
)
# English these screens used to show, one word at a time (a phrase of two words
# or more is found through the catalogs already).
KNOWN_ENGLISH = re.compile(
    r"(?<![\w-])(Reference|Attended|Missing|Outdated|Answered|Asked|Surveys|Results|Answers|"
    r"Title|Topic|People|Villages|Publication|Options|Location|Members|Categories|Questions)"
    r"(?![\w-])"
)
RAW_VALUES = re.compile(r"(?<![\w-])(None|True|False)(?![\w-])")
# An element that is hidden and holds only text (Wagtail's empty side-panel counter
# says "None" there): nobody sees it, nor does a screen reader.
HIDDEN_TEXT = re.compile(r"<(\w+)\b[^>]*\shidden(?:\s[^>]*)?>[^<]*</\1>")


def labels_left_in_english() -> set[str]:
    """Labels of ``LABELLED_MODELS``' fields whose verbose name gettext never sees.

    A verbose name the code marks for translation is a lazy string; a plain one
    is Django's made-up name or an English literal, shown as is in any language.
    """
    labels = set()
    for model in LABELLED_MODELS:
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is not model or not hasattr(field, "verbose_name"):
                continue
            if type(field).__module__.startswith("modeltranslation"):
                continue
            if not isinstance(field.verbose_name, Promise):
                labels.add(capfirst(field.verbose_name))
    return labels


def around(pattern: re.Pattern, text: str) -> list[str]:
    """Each match with the words around it, to find it on the screen."""
    return [text[max(0, m.start() - 60) : m.end() + 20] for m in pattern.finditer(text)]


@pytest.fixture
def screens(coalition):
    """Something on every screen: a survey with answers, a sign-up, feedback and a question."""
    factories.load(activities=[signup_activity(OWN, slug="taalcafe", capacity=5)])
    activity = ActivityPage.objects.get(slug="taalcafe")
    sign_up(activity, SignupRequest("Ania", "email", "ania@example.org", "pl", 2, None))
    asked = survey()
    for language in ("pl", "pl", "ro"):
        answer(asked, language, single=1, scale=4, text="Werk")
    PageFeedback.objects.create(
        page=GuidePage.objects.get(slug="huisarts"),
        language="pl",
        clear=False,
        reason="translation",
        given_on=timezone.localdate(),
    )
    receive_question({"language": "pl", "topic": "health", "text": "Gdzie jest lekarz?"})
    return asked


def screen_addresses(role: str, asked: Survey) -> list[str]:
    action = PolicyAction.objects.get(slug="taalhuis")
    signup = Signup.objects.get()
    question = Question.objects.get()
    addresses = [
        reverse("cms_translation_report"),
        reverse("signups:index"),
        reverse("signups:edit", args=[signup.pk]),
        reverse("wagtailsnippets_cms_policyaction:list"),
        reverse("wagtailsnippets_cms_policyaction:edit", args=[action.pk]),
        reverse("cms_partner_calendar", args=[Partner.objects.get(slug=OWN).pk]),
    ]
    if role == "coordinator":
        partner = Partner.objects.get(slug=OWN)
        addresses += [
            reverse("cms_feedback_totals"),
            reverse("cms_survey_results", args=[asked.pk]),
            reverse("wagtailsnippets_cms_survey:list"),
            reverse("wagtailsnippets_cms_survey:edit", args=[asked.pk]),
            reverse("wagtailsnippets_cms_partner:list"),
            reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk]),
            reverse("wagtailsnippets_cms_category:list"),
            reverse("wagtailsnippets_cms_category:edit", args=[Category.objects.first().pk]),
            reverse("wagtailsnippets_cms_buildingblock:list"),
            reverse(
                "wagtailsnippets_cms_buildingblock:edit", args=[BuildingBlock.objects.first().pk]
            ),
            reverse("questions:index"),
            reverse("questions:edit", args=[question.pk]),
            reverse("question_routing:index"),
            reverse("buddy_requests:index"),
            reverse("buddy_offers:index"),
            reverse("buddy_matches:index"),
            reverse("buddy_projects:index"),
            reverse("cms_buddy_suggestions"),
            reverse("cms_partner_members", args=[partner.pk]),
            reverse("cms_two_factor_setup"),
            reverse("wagtailsnippets_cms_municipality:list"),
            reverse(
                "wagtailsnippets_cms_municipality:edit",
                args=[Municipality.objects.order_by("pk").first().pk],
            ),
        ]
    return addresses


@pytest.mark.parametrize("role", ["editor_own", "coordinator"])
def test_the_other_dutch_screens_show_no_english_and_no_raw_values(role, client, login_as, screens):
    user = login_as(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    english = {phrase for source, _dutch in catalog_pairs() for phrase in phrases(source)}
    dutch_text = " ".join(dutch for _source, dutch in catalog_pairs())
    english = {phrase for phrase in english if phrase not in dutch_text}
    untranslated = labels_left_in_english()
    for address in screen_addresses(role, screens):
        response = client.get(address)
        assert response.status_code == 200, address
        page = response.content.decode()
        text = visible_text(HIDDEN_TEXT.sub(" ", page))
        left = sorted(phrase for phrase in english if phrase in text)
        assert not left, f"{role} {address}: untranslated {left}"
        assert not KNOWN_ENGLISH.search(text), f"{role} {address}: {around(KNOWN_ENGLISH, text)}"
        assert not RAW_VALUES.search(text), f"{role} {address}: raw {around(RAW_VALUES, text)}"
        raw_labels = sorted(label_texts(page) & untranslated)
        assert not raw_labels, f"{role} {address}: labels left in English {raw_labels}"


def test_an_untranslated_label_and_a_raw_value_are_found():
    """The checks themselves: a plain verbose name, an English word and a raw None are caught."""
    assert around(KNOWN_ENGLISH, visible_text("<td>Answers</td>")) == ["Answers"]
    assert RAW_VALUES.findall(visible_text("<td>None</td><td>Nonetheless</td>")) == ["None"]
    assert HIDDEN_TEXT.sub(" ", '<div class="counter" hidden>None</div><td>ja</td>').split() == [
        "<td>ja</td>"
    ]
    assert "Slug" not in labels_left_in_english()  # every slug's label is translated
    assert "Cancel token hash" in labels_left_in_english()  # never in a form, never translated


STYLE_SHEET = re.compile(r"(?s)<div data-style-sheet=[^>]*>.*?</div>")


def desk_addresses(role: str) -> list[str]:
    """The translation desk's screens: the translator's, and the coordinator's overview."""
    guide = GuidePage.objects.get(slug="huisarts")
    shared = [reverse("cms_translation_exchange"), reverse("cms_machine_drafts")]
    if role == "coordinator":
        return [
            *shared,
            reverse("cms_translation_coverage"),
            reverse("translators:index"),
            reverse("translators:add"),
            reverse("wagtailsnippets_cms_glossaryterm:list"),
            reverse("cms_glossary_sheet", args=["pl"]),
        ]
    return [
        *shared,
        reverse("cms_translation_queue") + "?language=pl",
        reverse("cms_translation_desk", args=["guide", guide.pk, "pl"]),
        reverse("cms_glossary_sheet", args=["pl"]),
    ]


@pytest.mark.parametrize("role", ["translator_pl", "coordinator"])
def test_the_translation_desk_shows_no_english_in_dutch(role, client, login_as):
    """Queue, side-by-side editor, XLIFF, machine drafts, coverage, translators, glossary."""
    user = login_as(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    english = {phrase for source, _dutch in catalog_pairs() for phrase in phrases(source)}
    dutch_text = " ".join(dutch for _source, dutch in catalog_pairs())
    english = {phrase for phrase in english if phrase not in dutch_text}
    # Strings these screens showed in English before they were translated.
    assert {"Ask for drafts", "Download XLIFF", "Per partner and language"} <= english
    for address in desk_addresses(role):
        response = client.get(address)
        assert response.status_code == 200, address
        # The language's style sheet is a document for translators, shown as written.
        page = STYLE_SHEET.sub(" ", response.content.decode())
        text = visible_text(HIDDEN_TEXT.sub(" ", page))
        left = sorted(phrase for phrase in english if phrase in text)
        assert not left, f"{role} {address}: untranslated {left}"
        assert not KNOWN_ENGLISH.search(text), f"{role} {address}: {around(KNOWN_ENGLISH, text)}"
        assert not RAW_VALUES.search(text), f"{role} {address}: raw {around(RAW_VALUES, text)}"


# English the account screens, the translator form and two messages showed before
# their strings were marked for translation (so the catalogs could not see them).
ACCOUNT_ENGLISH = [
    "New e-mail address",
    "We send a link to the new address",
    "Your e-mail address",
    "E-mail address",
    "Waiting for confirmation",
    "for your account from now on",
    "This link is not valid",
    "Empty: every municipality",
    "Too many login attempts",
    "locked for a while",
]


def account_addresses(user) -> list[str]:
    """The account page (a change waiting), its confirmation link, and a link that is no more."""
    link = request_email_change(user, "nieuw-adres@example.org").url
    return [
        reverse("wagtailadmin_account"),
        urlsplit(link).path,
        reverse("cms_email_change_confirm", args=["not-a-token"]),
    ]


@pytest.mark.parametrize("role", ["editor_own", "contributor_own", "coordinator"])
def test_the_account_screens_show_no_english_in_dutch(role, client, login_as):
    user = login_as(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    english = {phrase for source, _dutch in catalog_pairs() for phrase in phrases(source)}
    dutch_text = " ".join(dutch for _source, dutch in catalog_pairs())
    english = {phrase for phrase in english if phrase not in dutch_text} | set(ACCOUNT_ENGLISH)
    shown = []
    for address in account_addresses(user):
        response = client.get(address)
        assert response.status_code in (200, 410), address
        text = visible_text(response.content.decode())
        shown.append(text)
        left = sorted(phrase for phrase in english if phrase in text)
        assert not left, f"{role} {address}: untranslated {left}"
    account, confirm, stale = shown
    assert "Nieuw e-mailadres" in account and "nieuw-adres@example.org" in account
    assert "Bevestigen" in confirm and "Deze link is niet geldig" in stale
    response = client.post(urlsplit(account_addresses(user)[1]).path, follow=True)
    assert "Je e-mailadres is nu nieuw-adres@example.org." in visible_text(
        response.content.decode()
    )


def test_the_translator_form_and_its_refusal_are_in_dutch(client, login_as):
    user = login_as("coordinator")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    page = client.get(reverse("translators:add")).content.decode()
    labels = label_texts(page)
    assert {"Gebruiker", "Taal", "Gemeente"} <= labels, labels
    assert not {"User", "Language", "Site"} & labels
    assert "Leeg: elke gemeente." in visible_text(page)
    refused = client.post(reverse("translators:add"), {"user": user.pk, "language": "nl"})
    assert "nl is geen taal om naar te vertalen" in visible_text(refused.content.decode())


def test_the_lockout_page_and_the_routing_refusal_are_in_dutch(coalition):
    with translation.override("nl"):
        locked = visible_text(render_to_string("cms/accounts/locked_out.html"))
        assert "Te veel inlogpogingen" in locked
        assert not [phrase for phrase in ACCOUNT_ENGLISH if phrase in locked]
        factories.load(municipalities=[TIEL])
        form_class = modelform_factory(
            TopicResponsibility, form=RoutingForm, fields=["topic", "partner", "municipality"]
        )
        form = form_class(
            {
                "topic": "health",
                "partner": Partner.objects.get(slug=OTHER).pk,
                "municipality": Municipality.objects.get(slug="tiel").pk,
            },
            for_user=None,
        )
        assert not form.is_valid()
        assert form.errors["partner"] == ["VV Ochten werkt niet in Tiel."]


def test_the_admin_names_its_models_in_dutch():
    with translation.override("nl"):
        names = {
            str(model._meta.verbose_name)
            for model in (
                GlossaryTerm,
                TranslatorAssignment,
                HomePage,
                ActivityIndexPage,
                GuideIndexPage,
                SignupList,
                MunicipalApprovalTask,
            )
        }
    assert names == {
        "term uit de woordenlijst",
        "vertaler",
        "startpagina",
        "activiteitenlijst",
        "wegwijzerlijst",
        "aanmeldlijst",
        "goedkeuringstaak van de coördinator",
    }
