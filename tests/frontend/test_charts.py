"""Charts drawn on the server: the plan's progress per building block, a survey's answers.

SVG only (no script), hidden from screen readers, with a table of the same
numbers next to it; labels from the database are escaped.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cms.charts import Bar, bar_chart
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
