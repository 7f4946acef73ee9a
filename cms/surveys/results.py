"""A survey's results for the coordinator: counts per answer, broken down by language and village.

A breakdown column is shown only for a group of at least
``SURVEY_MIN_GROUP_SIZE`` responses (5), so that nobody can be recognised by
"the one Bulgarian in Hien". Smaller groups are added up into one "other"
column, shown only when it reaches the minimum too. Because the totals are
always shown, a single hidden group could still be worked out as total minus
the shown columns; so while the hidden groups add up to fewer than the
minimum, the smallest shown group is hidden as well (secondary suppression).

Totals per answer and the free texts (without language or village) are
always shown. Everything is counted in the database: a constant number of
queries, whatever the number of responses. Questions and answers are labelled
in Dutch, the source language, by the one fallback rule
(``cms.translation.fallback``).
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .. import csv_safety
from ..models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from ..places import villages_of
from ..translation.fallback import translated_value
from ..translation.languages import english_name, language_codes
from .answers import with_questions
from .models import SCALE_MAX, SCALE_MIN

OTHER = "__other__"
NOT_GIVEN = ""
# The results page speaks the coordinator's language; the CSV keeps the English
# column names and labels, which spreadsheets and scripts may rely on.
BREAKDOWN_NAMES = {"language": _("language"), "village": _("village")}
SHOWN_LABELS = {OTHER: _("Other (smaller groups)"), NOT_GIVEN: _("Not given")}


def minimum_group_size() -> int:
    return settings.SURVEY_MIN_GROUP_SIZE


def shown_groups(sizes: Mapping[str, int], minimum: int) -> tuple[list[str], bool]:
    """Which groups get their own column, and whether the rest get an "other" column.

    ``sizes``: responses per group. Returns the shown keys (largest first) and
    whether the hidden groups together may be shown as "other".
    """
    shown = {key for key, size in sizes.items() if size >= minimum}
    hidden = sum(size for key, size in sizes.items() if key not in shown)
    while 0 < hidden < minimum and shown:
        smallest = min(shown, key=lambda key: (sizes[key], key))
        shown.discard(smallest)
        hidden += sizes[smallest]
    order = sorted(shown, key=lambda key: (-sizes[key], key))
    # With nothing else shown, "other" would only repeat the total.
    return order, bool(order) and hidden >= minimum


@dataclass
class Breakdown:
    """The columns of one breakdown (by language, or by village)."""

    name: str
    columns: list[str]
    labels: dict[str, str]
    sizes: dict[str, int]  # responses per column
    groups: dict[str, str]  # group key → its column (a shown key or OTHER); absent: hidden
    group_sizes: dict[str, int]  # responses per group

    def column_of(self, key: str) -> str | None:
        return self.groups.get(key)

    @property
    def shown_name(self) -> str:
        """The breakdown's name on the results page, in the reader's language."""
        return str(BREAKDOWN_NAMES.get(self.name, self.name))

    @property
    def hidden_responses(self) -> int:
        """Responses in no column: groups too small, even together."""
        return sum(size for key, size in self.group_sizes.items() if key not in self.groups)


def breakdown(name: str, sizes: Mapping[str, int], labels: Mapping[str, str]) -> Breakdown:
    shown, with_other = shown_groups(sizes, minimum_group_size())
    groups: dict[str, str] = {}
    for key in sizes:
        if key in shown:
            groups[key] = key
        elif with_other:
            groups[key] = OTHER
    columns = [*shown, OTHER] if with_other else shown
    column_labels = {key: labels.get(key, key) for key in shown}
    column_labels[OTHER] = "Other (smaller groups)"
    column_sizes = {column: 0 for column in columns}
    for key, size in sizes.items():
        if key in groups:
            column_sizes[groups[key]] += size
    return Breakdown(name, columns, column_labels, column_sizes, groups, dict(sizes))


@dataclass(frozen=True)
class Column:
    breakdown: str
    key: str
    label: str
    size: int

    @property
    def heading(self) -> str:
        return f"{self.breakdown}: {self.label}"

    @property
    def shown_heading(self) -> str:
        """The column's heading on the results page, in the reader's language."""
        if self.key in SHOWN_LABELS:
            label = str(SHOWN_LABELS[self.key])
        elif self.breakdown == "language":
            label = _shown_language(self.key, self.label)
        else:
            label = self.label
        return f"{BREAKDOWN_NAMES.get(self.breakdown, self.breakdown)}: {label}"


def _shown_language(code: str, english: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return english


@dataclass
class ResultRow:
    """One answer of a question (an option, or a scale value) with its counts.

    ``cells``: the counts per shown column, in the order of ``SurveyResults.columns``.
    """

    label: str
    total: int
    cells: list[int] = field(default_factory=list)


@dataclass
class QuestionResult:
    question: SurveyQuestion
    rows: list[ResultRow]
    texts: list[str]

    @property
    def prompt(self) -> str:
        return translated_value(self.question, "prompt", settings.SOURCE_LANGUAGE).text or ""


@dataclass
class SurveyResults:
    survey: Survey
    responses: int
    breakdowns: list[Breakdown]
    questions: list[QuestionResult]
    minimum: int

    @property
    def columns(self) -> list[Column]:
        """Every shown column of every breakdown, in the order of ``ResultRow.cells``."""
        return [
            Column(b.name, column, b.labels[column], b.sizes[column])
            for b in self.breakdowns
            for column in b.columns
        ]


def _village_labels(municipality_id: int | None) -> dict[str, str]:
    return {
        NOT_GIVEN: "Not given",
        **{village.slug: village.name for village in villages_of(municipality_id)},
    }


def _language_labels() -> dict[str, str]:
    return {code: english_name(code) for code in language_codes()}


def survey_results(survey: Survey) -> SurveyResults:
    """Everything the results page and the CSV show, in a constant number of queries."""
    survey = with_questions(Survey.objects.filter(pk=survey.pk)).get()
    responses = SurveyResponse.objects.filter(survey=survey)
    by_language = dict(
        responses.values_list("language").annotate(n=Count("id")).values_list("language", "n")
    )
    by_village = dict(
        responses.values_list("village").annotate(n=Count("id")).values_list("village", "n")
    )
    breakdowns = [
        breakdown("language", by_language, _language_labels()),
        breakdown("village", by_village, _village_labels(survey.municipality_id)),
    ]

    answers = SurveyAnswer.objects.filter(response__survey=survey)
    counts: dict[tuple[int, object], ResultRowCounts] = defaultdict(ResultRowCounts)
    for question_id, option_id, scale, language, village, n in (
        answers.exclude(option=None, scale=None)
        .values_list("question_id", "option_id", "scale", "response__language", "response__village")
        .annotate(n=Count("id"))
        .order_by()
    ):
        key = (question_id, option_id if option_id is not None else scale)
        counts[key].add(breakdowns, {"language": language, "village": village}, n)

    texts: dict[int, list[str]] = defaultdict(list)
    # Sorted by text, not by arrival: the order must not hint at who wrote what.
    for question_id, text in (
        answers.exclude(text="").order_by("question_id", "text").values_list("question_id", "text")
    ):
        texts[question_id].append(text)

    questions = []
    for question in survey.questions.all():
        if question.has_options:
            values = [
                (option.pk, translated_value(option, "label", settings.SOURCE_LANGUAGE).text or "")
                for option in question.options.all()
            ]
        elif question.kind == SurveyQuestion.Kind.SCALE:
            values = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]
        else:
            values = []
        rows = [counts[(question.pk, value)].row(label, breakdowns) for value, label in values]
        questions.append(QuestionResult(question, rows, texts.get(question.pk, [])))
    return SurveyResults(
        survey, sum(by_language.values()), breakdowns, questions, minimum_group_size()
    )


class ResultRowCounts:
    """Counts of one answer being added up while the grouped query is read."""

    def __init__(self):
        self.total = 0
        self.by_column: Counter[tuple[str, str]] = Counter()

    def add(self, breakdowns: list[Breakdown], groups: Mapping[str, str], n: int) -> None:
        self.total += n
        for b in breakdowns:
            column = b.column_of(groups[b.name])
            if column is not None:
                self.by_column[(b.name, column)] += n

    def row(self, label: str, breakdowns: list[Breakdown]) -> ResultRow:
        cells = [self.by_column[(b.name, column)] for b in breakdowns for column in b.columns]
        return ResultRow(label, self.total, cells)


def results_csv(results: SurveyResults) -> str:
    """The counts (with the same suppression) and the free texts, as a spreadsheet opens them.

    Aggregates only: never one line per response, which would link a person's
    answers to their language and village.
    """
    out = io.StringIO()
    # The byte-order mark makes spreadsheet programs read the file as UTF-8.
    out.write("\ufeff")
    writer = csv_safety.writer(out)
    headers = [column.heading for column in results.columns]
    writer.writerow(["question", "answer", "total", *headers])
    for result in results.questions:
        for row in result.rows:
            writer.writerow([result.prompt, row.label, row.total, *row.cells])
    for result in results.questions:
        for text in result.texts:
            writer.writerow([result.prompt, text, "", *([""] * len(headers))])
    return out.getvalue()
