"""One language per screen, on every page type: Dutch where the field is, the rest a tab away.

The home page, the two sections and the policy plan have a title and an intro
in 13 languages; their first tab used to show all 26 inputs (and 26 more for
SEO). Every input is still in the form (nothing a translator needs is lost),
but the first tab holds only the source language's.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from cms.models import (
    ActivityIndexPage,
    ActivityPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    Partner,
    PolicyAction,
    PolicyPlanPage,
)
from cms.surveys.models import Survey
from tests import survey_factories

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, ActivityIndexPage, GuideIndexPage, PolicyPlanPage, ActivityPage, GuidePage]
LANGUAGE_INPUT = re.compile(r'name="([\w-]+)_(nl|en|pl|ro|bg|hu|lt|lv|uk|cs|sk|es|pt)"')


def found_user():
    """Whoever is logged in may edit; the finder only needs someone who may (a superuser)."""
    return get_user_model().objects.filter(is_superuser=True).first()


def tabs(html: str) -> dict[str, str]:
    """The HTML of the first tab ("content") and the second ("translations"), by place:
    their ids follow the admin's language."""
    starts = [m.start() for m in re.finditer(r'<section[^>]*id="tab-[\w-]+"', html)]
    ends = starts[1:] + [len(html)]
    shown = [html[start:end] for start, end in zip(starts, ends, strict=True)]
    return {"inhoud": shown[0], "vertalingen": shown[1]}


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_the_first_tab_holds_only_dutch_and_the_rest_is_on_the_translations_tab(
    model, coalition, client, login_as
):
    login_as("coordinator")
    page = model.objects.first()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    shown = tabs(html)

    first = {code for _field, code in LANGUAGE_INPUT.findall(shown["inhoud"])}
    assert first == {"nl"}
    assert "title" in {field for field, _code in LANGUAGE_INPUT.findall(shown["inhoud"])}
    translations = {code for _f, code in LANGUAGE_INPUT.findall(shown["vertalingen"])}
    assert {"pl", "bg", "uk", "ro"} <= translations and "nl" not in translations


@pytest.mark.parametrize("model", [Partner, PolicyAction, Survey], ids=lambda m: m.__name__)
def test_a_snippet_s_own_texts_are_dutch_first_too(model, coalition, client, login_as):
    """A partner's description, an action's title and a survey's intro; the rows edited
    inline (questions, progress updates) keep their inputs in their row."""
    survey_factories.survey(slug="buurt")
    login_as("coordinator")
    found = model.objects.first()
    html = client.get(AdminURLFinder(found_user()).get_edit_url(found)).content.decode()
    shown = tabs(html)

    own = [(f, code) for f, code in LANGUAGE_INPUT.findall(shown["inhoud"]) if "-" not in f]
    assert own and {code for _f, code in own} == {"nl"}
    translations = {code for _f, code in LANGUAGE_INPUT.findall(shown["vertalingen"])}
    assert {"pl", "bg", "uk", "ro"} <= translations
