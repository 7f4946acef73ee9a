"""The activity form's repetition in words, through the real Wagtail edit view (#20 point 1)."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from cms.models import ActivityPage
from cms.recurrence import AMSTERDAM
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(coalition):
    return ActivityPage.objects.get(slug="spreekuur")


def edit(client, page, **choices):
    data = page_form_data(page, action="publish")  # first date: Tuesday 5 January 2027, 19:00
    data.update(choices)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_a_weekly_training_with_an_end_date_and_a_holiday(client, training):
    client.force_login(make_member("editor", "ggd"))
    response = edit(
        client,
        training,
        repeat="weekly",
        repeat_interval="1",
        repeat_weekdays=["1"],
        repeat_until="2027-03-30",
        repeat_skip="16-02-2027",
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ActivityPage.objects.get(pk=training.pk)
    assert page.recurrence == "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T215959Z"
    starts = [
        o.starts_at for o in page.next_occurrences(50, now=datetime(2027, 1, 1, tzinfo=AMSTERDAM))
    ]
    assert starts[0].date() == date(2027, 1, 5) and starts[-1].date() == date(2027, 3, 30)
    assert date(2027, 2, 16) not in {s.date() for s in starts}
    assert len(starts) == 12  # 13 Tuesdays, one skipped


def test_a_weekday_that_misses_the_first_date_is_refused_in_plain_words(client, training):
    client.force_login(make_member("editor", "ggd"))
    before = training.recurrence
    response = edit(client, training, repeat="weekly", repeat_weekdays=["0"])
    assert response.status_code == 200
    errors = response.context["form"].errors["repeat_weekdays"]
    assert "is not on a chosen day" in errors[0] or "niet op een gekozen dag" in errors[0]
    assert ActivityPage.objects.get(pk=training.pk).recurrence == before


def test_a_rule_the_widget_cannot_show_is_kept_and_only_coordinators_write_rules(client, training):
    training.recurrence = "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=SU"
    training.save_revision().publish()
    editor = make_member("editor", "ggd")
    client.force_login(editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[training.pk])).context["form"]
    assert form.initial["repeat"] == "keep"
    assert "repeat_rule" not in form.fields
    response = edit(client, training, repeat="keep", repeat_rule="FREQ=DAILY")
    assert response.status_code == 302
    assert ActivityPage.objects.get(pk=training.pk).recurrence.startswith("FREQ=MONTHLY;BYSETPOS")

    client.force_login(make_member("coordinator"))
    response = edit(client, training, repeat="rule", repeat_rule="FREQ=DAILY;COUNT=3")
    assert response.status_code == 302
    assert ActivityPage.objects.get(pk=training.pk).recurrence == "FREQ=DAILY;COUNT=3"


def test_the_preview_lists_the_next_five_dates_in_the_editor_s_language(client, coalition):
    client.force_login(make_member("editor", "ggd"))
    response = client.post(
        reverse("cms_recurrence_preview"),
        {
            "starts_at": "2030-01-01 19:00",
            "repeat": "weekly",
            "repeat_interval": "2",
            "repeat_weekdays": ["1"],
            "repeat_skip": "15-01-2030",
        },
        headers={"accept-language": "pl"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<li>") == 5
    assert "wtorek, 1 stycznia 2030, 19:00" in html
    assert "15 stycznia" not in html and "29 stycznia 2030" in html


def test_the_preview_explains_what_does_not_fit(client, coalition):
    client.force_login(make_member("editor", "ggd"))
    response = client.post(
        reverse("cms_recurrence_preview"),
        {"starts_at": "2030-01-01 19:00", "repeat": "weekly", "repeat_weekdays": ["0"]},
    )
    assert "<li>" in response.content.decode() and "<ol" not in response.content.decode()


def test_the_preview_is_for_admin_users_only(client, coalition):
    response = client.post(reverse("cms_recurrence_preview"), {"starts_at": "2030-01-01 19:00"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
