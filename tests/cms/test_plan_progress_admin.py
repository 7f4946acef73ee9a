"""The plan's progress chart in its page editor: the public page's bars, with their numbers.

The coalition's plan has two actions (GGD's, 40 %, in "support"); one is moved
to "enforcement" at 80 %.
"""

from __future__ import annotations

import re

from django.urls import reverse

from cms.models import BuildingBlock, PolicyAction, PolicyPlanPage


def editor(client, plan: PolicyPlanPage) -> str:
    answer = client.get(
        reverse("wagtailadmin_pages:edit", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_plan_editor_draws_progress_per_building_block(client, login_as):
    PolicyAction.objects.filter(slug="handhaving").update(
        building_block=BuildingBlock.objects.get(slug="enforcement"), progress=80
    )
    login_as("coordinator")

    page = editor(client, PolicyPlanPage.objects.get())

    panel = re.search(r'<div data-panel="plan-progress">.*?</div>', page, re.S).group(0)
    svg = re.search(r'<svg class="chart".*?</svg>', panel, re.S).group(0)
    assert 'aria-hidden="true"' in svg and "<script" not in svg
    assert ">40%</text>" in svg and ">80%</text>" in svg
    table = re.search(r'<table class="listing" data-list="plan-progress">.*?</table>', panel, re.S)
    assert sorted(re.findall(r"<td>(\d+%)</td>", table.group(0))) == ["40%", "80%"]
    assert "The whole plan: <strong>60%</strong>" in panel
    assert "Progress per building block" in page


def test_a_plan_without_actions_says_so(client, login_as):
    login_as("coordinator")
    PolicyAction.objects.all().delete()

    page = editor(client, PolicyPlanPage.objects.get())

    panel = re.search(r'<div data-panel="plan-progress">.*?</div>', page, re.S).group(0)
    assert "No actions planned yet." in panel and "<svg" not in panel
