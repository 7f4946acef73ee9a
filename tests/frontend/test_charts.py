"""Charts drawn on the server: the plan's progress per building block, a survey's answers.

SVG only (no script), hidden from screen readers, with a table of the same
numbers next to it; labels from the database are escaped.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cms.charts import Bar, bar_chart
from cms.numbers import percent
from tests.survey_factories import survey

pytestmark = pytest.mark.django_db


def test_the_plan_page_draws_progress_per_block_with_a_table(site, content):
    html = site.html("/pl/beleidsplan/")
    figure = re.search(r'<figure class="chart".*?</figure>', html, re.S).group(0)
    svg = re.search(r"<svg.*?</svg>", figure, re.S).group(0)
    assert 'aria-hidden="true"' in svg and "<script" not in svg
    assert svg.count('fill="#1f7a3a"') == 2  # the two blocks that have actions
    assert ">40%</text>" in svg and ">80%</text>" in svg
    table = re.search(r'<table class="visually-hidden">.*?</table>', figure, re.S).group(0)
    assert "Postęp w poszczególnych obszarach" in table  # the caption, in Polish
    assert sorted(re.findall(r"<td>(\d+%)</td>", table)) == ["40%", "80%"]


def test_bar_lengths_follow_the_values_and_labels_are_escaped():
    bars = [Bar("<script>alert(1)</script>", 50, "50%"), Bar("Heel", 100, "100%")]
    svg = bar_chart(bars, 100, colour="#123456")
    widths = re.findall(r'width="(\d+)" height="16" fill="#123456"', svg)
    assert widths == ["155", "310"]  # half and the whole of the bar area
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert bar_chart([], 100) == ""


def test_survey_results_in_the_admin_draw_each_questions_answers(client, django_user_model):
    poll = survey(slug="werk")
    client.force_login(django_user_model.objects.create_superuser("coord", "c@example.org", "x"))
    html = client.get(reverse("cms_survey_results", args=[poll.pk])).content.decode()
    charts = re.findall(r'<svg class="chart".*?</svg>', html, re.S)
    assert charts, "no chart drawn"
    assert all('aria-hidden="true"' in chart for chart in charts)
    assert len(charts) == html.count('<table class="listing" data-question=')


def test_percentages_are_written_as_each_language_writes_them(site, content):
    """Polish "40%", Czech and Slovak "40 %" (a no-break space before the sign), on the
    plan page and in its chart alike (issue #20)."""
    polish = site.html("/pl/beleidsplan/")
    czech = site.html("/cs/beleidsplan/")
    assert "<strong>40%</strong>" in polish and ">40%</text>" in polish
    assert "<strong>40\xa0%</strong>" in czech and ">40\xa0%</text>" in czech
    assert "40%" not in czech


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("nl", "30%"),
        ("pl", "30%"),
        ("bg", "30%"),
        ("cs", "30\xa0%"),
        ("sk", "30\xa0%"),
        ("lt", "30\xa0%"),
        ("ro", "30\xa0%"),
        ("es", "30\xa0%"),
        ("hu", "30%"),
    ],
)
def test_a_percentage_in_each_language(language, written):
    assert percent(30, language) == written
    assert percent(None, language) == ""
