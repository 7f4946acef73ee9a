"""The survey admin: coordinators build surveys, see results and download QR codes; nobody else.

Every survey address of the admin × every role (the permission matrix of
tests/cms/test_permission_matrix.py, for surveys).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse
from cms.surveys.qr import qr_png, qr_svg, survey_short_url
from cms.translation.languages import language_codes
from tests import survey_factories

from .conftest import ROLES


@pytest.fixture
def survey(db):
    return survey_factories.survey()


@pytest.fixture
def coordinator(client, django_user_model):
    """A coordinator without the partners around: for what only coordinators do."""
    user = django_user_model.objects.create_superuser("coordinator", "c@example.org", "x" * 16)
    client.force_login(user)
    return user


def addresses(survey) -> dict[str, str]:
    return {
        "list": reverse("wagtailsnippets_cms_survey:list"),
        "add": reverse("wagtailsnippets_cms_survey:add"),
        "edit": reverse("wagtailsnippets_cms_survey:edit", args=[survey.pk]),
        "delete": reverse("wagtailsnippets_cms_survey:delete", args=[survey.pk]),
        "results": reverse("cms_survey_results", args=[survey.pk]),
        "csv": reverse("cms_survey_results_csv", args=[survey.pk]),
        "qr.png": reverse("cms_survey_qr_png", args=[survey.pk]),
        "qr.svg": reverse("cms_survey_qr_svg", args=[survey.pk]),
    }


@pytest.mark.parametrize("role", list(ROLES))
def test_only_coordinators_reach_any_survey_address(client, login_as, survey, role):
    login_as(role)
    for name, address in addresses(survey).items():
        response = client.get(address)
        if role == "coordinator":
            assert response.status_code == 200, name
        elif role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("wagtailadmin_login")), name
        else:
            # Wagtail answers a refused admin view with 403 or a redirect to the dashboard.
            assert response.status_code in (302, 403), (name, response.status_code)
            if response.status_code == 302:
                assert response["Location"] == reverse("wagtailadmin_home"), name
            assert b"Werk en wonen" not in response.content, name


@pytest.mark.parametrize("role", ["editor_own", "contributor_other"])
def test_partners_cannot_change_or_delete_a_survey(client, login_as, survey, role):
    login_as(role)
    urls = addresses(survey)
    client.post(urls["delete"])
    client.post(urls["edit"], {"title_nl": "Gekaapt", "slug": "gekaapt"})
    assert Survey.objects.get(pk=survey.pk).title_nl == "Werk en wonen"


@pytest.mark.parametrize("role", ["editor_own", "coordinator"])
def test_the_surveys_menu_is_the_coordinators_alone(client, login_as, coalition, role):
    login_as(role)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("wagtailsnippets_cms_survey:list") in html) == (role == "coordinator")


def test_qr_codes_hold_the_absolute_short_address(client, coordinator, survey):
    assert survey_short_url(survey.slug) == "http://127.0.0.1:8000/s/werk-en-wonen"
    urls = addresses(survey)
    png = client.get(urls["qr.png"] + "?download")
    assert png["Content-Type"] == "image/png"
    assert 'filename="survey-werk-en-wonen-qr.png"' in png["Content-Disposition"]
    assert png.content.startswith(b"\x89PNG") and png.content == qr_png(
        survey_short_url("werk-en-wonen")
    )
    svg = client.get(urls["qr.svg"])
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg") and svg.content == qr_svg(
        survey_short_url("werk-en-wonen")
    )


def test_the_results_page_shows_the_short_address_and_the_downloads(client, coordinator, survey):
    first = survey.questions.get(sort_order=0)
    yes = first.options.get(sort_order=0)
    for _ in range(5):
        response = SurveyResponse.objects.create(
            survey=survey, language="pl", answered_on=timezone.localdate()
        )
        SurveyAnswer.objects.create(response=response, question=first, option=yes)
    html = client.get(addresses(survey)["results"]).content.decode()
    assert "Resultaten: 5 antwoorden" in html  # the admin speaks Dutch
    assert 'data-column="language:pl"' in html
    assert "http://127.0.0.1:8000/s/werk-en-wonen" in html
    assert reverse("cms_survey_qr_png", args=[survey.pk]) in html
    assert reverse("cms_survey_results_csv", args=[survey.pk]) in html
    assert "Heeft u een huisarts?" in html


def test_the_results_csv_downloads(client, coordinator, survey):
    response = client.get(addresses(survey)["csv"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="survey-werk-en-wonen-results.csv"' in response["Content-Disposition"]
    assert "Heeft u een huisarts?" in response.content.decode()


def translations(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": texts.get(code, "") for code in language_codes()}


def option(nl: str, pl: str = "") -> dict[str, str]:
    return translations("label", {"nl": nl, "pl": pl})


def survey_form(questions: list[dict]) -> dict:
    """The add form as the coordinator's browser sends it."""
    return nested_form_data(
        {
            **translations("title", {"nl": "Wonen", "pl": "Mieszkanie"}),
            **translations("intro", {"nl": "Drie vragen."}),
            "slug": "wonen",
            "is_open": "on",
            "opens_at": "",
            "closes_at": "",
            "questions": inline_formset(questions),
        }
    )


def question(kind: str, prompt: dict[str, str], options: list[dict], required: bool = False):
    fields = {"kind": kind, **translations("prompt", prompt), "options": inline_formset(options)}
    if required:
        fields["required"] = "on"
    return fields


def test_a_coordinator_builds_a_translated_survey_with_questions_and_options(client, coordinator):
    form = client.get(reverse("wagtailsnippets_cms_survey:add")).content.decode()
    assert 'name="title_pl"' in form and 'name="intro_uk"' in form

    data = survey_form(
        [
            question(
                "single",
                {"nl": "Woont u in een pand?", "pl": "Budynek?"},
                [option("Ja", "Tak"), option("Nee", "Nie")],
                required=True,
            ),
            question("scale", {"nl": "Hoe tevreden?"}, []),
        ]
    )
    response = client.post(reverse("wagtailsnippets_cms_survey:add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    survey = Survey.objects.get(slug="wonen")
    assert (survey.title_pl, survey.is_open) == ("Mieszkanie", True)
    questions = list(SurveyQuestion.objects.filter(survey=survey).order_by("sort_order"))
    assert [(q.kind, q.prompt_nl, q.required) for q in questions] == [
        ("single", "Woont u in een pand?", True),
        ("scale", "Hoe tevreden?", False),
    ]
    assert list(
        SurveyOption.objects.filter(question=questions[0])
        .order_by("sort_order")
        .values_list("label_nl", "label_pl")
    ) == [("Ja", "Tak"), ("Nee", "Nie")]


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        ("single", [option("Ja")], "minstens 2 opties"),
        ("multiple", [], "minstens 2 opties"),
        ("scale", [option("Ja"), option("Nee")], "hebben geen opties"),
        ("text", [option("Ja")], "hebben geen opties"),
    ],
)
def test_a_question_must_fit_its_kind(client, coordinator, kind, options, message):
    data = survey_form([question(kind, {"nl": "Vraag?"}, options)])
    response = client.post(reverse("wagtailsnippets_cms_survey:add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Survey.objects.exists()
