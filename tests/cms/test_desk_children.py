"""Inline children at the desk: a survey's questions and options, an action's progress updates.

Migrants read them as part of their parent; a translator finds them there
too ("Survey → question 1 → option 2"), with their own provenance, outdated
exactly when their Dutch changes, held for review where the municipality
asks for it, and counted in the coverage.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from cms.models import (
    Municipality,
    PolicyAction,
    ProgressUpdate,
    Survey,
    SurveyOption,
    SurveyQuestion,
)
from cms.translation import provenance
from cms.translation.coverage import coverage, per_language
from cms.translation.municipal import MunicipalTranslationSettings
from cms.translation.queue import translation_queue
from cms.translation.records import Origin, TranslationRecord, TranslationSubmission
from cms.translation.translators import assign_translator
from tests import factories, survey_factories


@pytest.fixture
def content(db):
    factories.load(
        partners=[factories.partner(slug="club", name="Club")],
        policy_actions=[
            factories.policy_action(
                slug="taalles",
                title={"nl": "Taalles", "pl": "Lekcje języka"},
                description={"nl": "Wat we doen.", "pl": "Co robimy."},
                responsible=["club"],
                updates=[
                    {"date": "2026-11-01", "text": {"nl": "Gestart.", "pl": "Rozpoczęte."}},
                    {"date": "2026-12-01", "text": {"nl": "Tien lessen gegeven."}},
                ],
            )
        ],
    )
    return survey_factories.survey(
        slug="wonen",
        questions=[
            {
                "kind": "single",
                "prompt": {"nl": "Heb je een huisarts?", "pl": "Czy masz lekarza?"},
                "options": [{"nl": "Ja", "pl": "Tak"}, {"nl": "Nee"}],
            },
            {"kind": "text", "prompt": {"nl": "Wat mis je?"}},
        ],
    )


def translator(django_user_model, name: str, language: str = "pl") -> Client:
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "x" * 16)
    assign_translator(user, language)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def ola(content, django_user_model) -> Client:
    return translator(django_user_model, "ola")


def item(kind: str, slug: str):
    return next(i for i in translation_queue("pl") if i.kind == kind and i.obj.slug == slug)


def desk(obj, kind: str) -> str:
    return reverse("cms_translation_desk", args=[kind, obj.pk, "pl"])


def open_desk(client: Client, obj, kind: str) -> dict:
    return {text.name: text for text, _ in client.get(desk(obj, kind)).context["texts"]}


def submit(client: Client, obj, kind: str, texts: dict[str, str]):
    opened = open_desk(client, obj, kind)
    bases = {f"base-{t.base_name}": t.base for t in opened.values()}
    posted = {f"text-{name}": text for name, text in texts.items()}
    return client.post(desk(obj, kind), {**bases, **posted, "action": "submit"})


def names(survey):
    question1, question2 = SurveyQuestion.objects.filter(survey=survey).order_by("sort_order")
    yes, no = SurveyOption.objects.filter(question=question1).order_by("sort_order")
    return {
        "q1": f"questions/{question1.pk}/prompt",
        "q2": f"questions/{question2.pk}/prompt",
        "yes": f"options/{yes.pk}/label",
        "no": f"options/{no.pk}/label",
    }


def test_the_queue_lists_a_surveys_questions_and_options_as_its_texts(content, ola):
    survey_item = item("survey", "wonen")
    n = names(content)
    assert set(survey_item.missing) == {n["no"], n["q2"]}
    assert survey_item.missing_labels == ["vraag 1 → optie 2", "vraag 2"]
    page = ola.get(reverse("cms_translation_queue")).content.decode()
    assert f'data-queue-item="survey:{content.pk}"' in page
    assert "vraag 1 → optie 2" in page
    action = item("action", "taalles")
    update = ProgressUpdate.objects.get(text_nl="Tien lessen gegeven.")
    assert action.missing == (f"updates/{update.pk}/text",)
    assert action.missing_labels[0].startswith("voortgangsbericht van ")


def test_a_closed_survey_is_not_in_the_queue(content):
    survey_factories.closed(slug="oud", title_pl="")
    assert not [i for i in translation_queue("pl") if i.kind == "survey" and i.obj.slug == "oud"]


def test_the_desk_shows_each_question_and_option_beside_its_dutch(content, ola):
    texts = open_desk(ola, content, "survey")
    n = names(content)
    assert [texts[n[key]].label for key in ("q1", "yes", "no", "q2")] == [
        "vraag 1",
        "vraag 1 → optie 1",
        "vraag 1 → optie 2",
        "vraag 2",
    ]
    assert (texts[n["no"]].source, texts[n["no"]].target) == ("Nee", "")
    assert (texts[n["yes"]].source, texts[n["yes"]].target) == ("Ja", "Tak")


def test_submitted_child_texts_are_saved_with_their_provenance_and_nothing_else(content, ola):
    n = names(content)
    response = submit(ola, content, "survey", {n["no"]: "Nie", n["q2"]: "Czego brakuje?"})
    assert response.status_code == 302
    option = SurveyOption.objects.get(label_nl="Nee")
    assert (option.label_pl, option.label_nl, option.label_ro) in (
        ("Nie", "Nee", ""),
        ("Nie", "Nee", None),
    )
    entry = TranslationRecord.objects.get(
        content_type__model="surveyoption", object_id=option.pk, language="pl"
    )
    assert (entry.origin, entry.saved_by, entry.field) == (Origin.HUMAN, ola.user, "label")
    assert provenance.state(option, "label", "pl") == provenance.State.CURRENT
    # Nothing of the survey is left to translate: it leaves the queue.
    assert not [i for i in translation_queue("pl") if i.kind == "survey"]
    # Readers of Polish get the option and the question in Polish now.
    answer = Client().get("/api/v1/surveys/wonen", {"lang": "pl"})
    assert answer.status_code == 200
    shown = answer.content.decode()
    assert '"Nie"' in shown and "Czego brakuje?" in shown


def test_a_child_of_another_parent_is_refused_by_name_and_nothing_changes(content, ola):
    other = survey_factories.survey(slug="ander")
    foreign = SurveyOption.objects.filter(question__survey=other).first()
    name = f"options/{foreign.pk}/label"
    response = submit(ola, content, "survey", {name: "Obce"})
    assert response.status_code == 400
    assert name in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.label_pl != "Obce"


def test_changing_the_dutch_of_one_option_makes_exactly_that_one_outdated(content, ola):
    n = names(content)
    submit(ola, content, "survey", {n["no"]: "Nie", n["q2"]: "Czego brakuje?"})
    option = SurveyOption.objects.get(label_nl="Nee")
    option.label_nl = "Nee, nog niet"
    option.save()
    # Saving another child without changing its Dutch leaves it current.
    question = SurveyQuestion.objects.get(pk=n["q1"].split("/")[1])
    question.save()
    survey_item = item("survey", "wonen")
    assert (survey_item.missing, survey_item.outdated) == ((), (n["no"],))
    texts = open_desk(ola, content, "survey")
    assert texts[n["no"]].state == provenance.State.OUTDATED
    assert texts[n["no"]].changes == ["-Nee", "+Nee, nog niet"]
    assert texts[n["q1"]].state == provenance.State.CURRENT


def test_a_second_translator_reviews_child_texts_before_they_go_live(
    content, ola, django_user_model
):
    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.get(), review_required=True
    )
    action = PolicyAction.objects.get(slug="taalles")
    update = ProgressUpdate.objects.get(text_nl="Tien lessen gegeven.")
    name = f"updates/{update.pk}/text"
    assert submit(ola, action, "action", {name: "Dziesięć lekcji."}).status_code == 302
    update.refresh_from_db()
    assert update.text_pl in ("", None)  # readers see the Dutch until it is checked
    submission = TranslationSubmission.objects.get()
    piotr = translator(django_user_model, "piotr")
    review = piotr.get(reverse("cms_translation_review", args=[submission.pk]))
    assert "Dziesięć lekcji." in review.content.decode()
    done = piotr.post(
        reverse("cms_translation_review", args=[submission.pk]), {"action": "approve"}
    )
    assert done.status_code == 302
    update.refresh_from_db()
    assert update.text_pl == "Dziesięć lekcji."
    entry = TranslationRecord.objects.get(
        content_type__model="progressupdate", object_id=update.pk, language="pl"
    )
    assert (entry.saved_by, entry.reviewed, entry.reviewed_by) == (ola.user, True, piotr.user)


def test_a_survey_is_held_for_review_only_where_its_own_municipality_asks(db):
    from cms.translation.review import review_required
    from tests import region_factories

    region_factories.region()
    tiel = Municipality.objects.get(slug="tiel")
    MunicipalTranslationSettings.objects.create(municipality=tiel, review_required=True)
    neder_betuwe = Municipality.objects.get(slug="neder-betuwe")
    ours = survey_factories.survey(slug="nb", municipality=neder_betuwe)
    theirs = survey_factories.survey(slug="tl", municipality=tiel)
    # Tiel's rule is Tiel's: Neder-Betuwe's survey goes live at once, Tiel's waits.
    assert (review_required(ours), review_required(theirs)) == (False, True)


def test_coverage_counts_the_children_migrants_see(content):
    rows = {row.partner: row.counts for row in coverage(["pl"])}
    assert rows["Club"] == {
        "human": 3,
        "machine_reviewed": 0,
        "machine_unreviewed": 0,
        "fallback": 1,
    }

    def polish():
        return Counter(next(row for row in per_language(coverage(["pl"]))).counts)

    with_them = polish()
    PolicyAction.objects.all().delete()
    Survey.objects.all().delete()
    # What the action and the survey add to the site's own texts (categories, blocks):
    # action: title, description, 2 updates (1 Polish); survey: title, intro,
    # 2 questions (1 Polish), 2 options (1 Polish).
    assert with_them - polish() == Counter({"human": 7, "fallback": 3})
