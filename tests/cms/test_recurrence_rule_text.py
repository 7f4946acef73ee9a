"""The coordinator's rule as text is checked as the widget is (#20 point 1).

"BYDAY=MO" with a Tuesday start used to be stored without a word (dateutil then
starts quietly on the next Monday), and a rule dateutil could not read raised
its parser text on ``recurrence``, a field the form does not have: Django then
failed the whole request. Now each is refused on the text box, in plain words,
in the coordinator's language.
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.models import ActivityPage
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(coalition):
    return ActivityPage.objects.get(slug="spreekuur")  # first date: Tuesday 5 January 2027


@pytest.fixture
def coordinator(client):
    user = make_member("coordinator")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(user)
    return user


def write_rule(client, page, rule: str):
    data = page_form_data(page, action="publish", repeat="rule", repeat_rule=rule)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", "De eerste datum, dinsdag 5 januari 2027, is geen datum van"),
        ("wekelijks", "Deze regel is niet te lezen."),
        ("FREQ=WEEKLY;BYDAY=DI", "Deze regel is niet te lezen."),
        ("FREQ=WEEKLY;UNTIL=20270630", "Schrijf de einddatum in UTC"),
        ("FREQ=WEEKLY;UNTIL=20200101T000000Z", "De regel geeft geen datum vanaf de eerste datum."),
        ("", "Schrijf de regel"),
    ],
)
def test_a_rule_that_does_not_fit_is_refused_on_the_text_box_in_plain_words(
    client, training, coordinator, rule, said
):
    before = training.recurrence
    response = write_rule(client, training, rule)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"repeat_rule"}, errors
    assert said in errors["repeat_rule"][0]
    for parser_text in ("invalid", "unpack", "must be specified", "RFC 5545"):
        assert parser_text not in errors["repeat_rule"][0]
    assert ActivityPage.objects.get(pk=training.pk).recurrence == before


def test_a_rule_that_fits_the_first_date_is_stored(client, training, coordinator):
    response = write_rule(client, training, "FREQ=WEEKLY;BYDAY=TU;COUNT=4")
    assert response.status_code == 302, response.context["form"].errors
    assert ActivityPage.objects.get(pk=training.pk).recurrence == "FREQ=WEEKLY;BYDAY=TU;COUNT=4"


def test_a_kept_rule_that_no_longer_gives_a_date_is_refused_not_a_server_error(
    client, training, coordinator
):
    training.recurrence = "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=SU;UNTIL=20270331T215959Z"
    training.save_revision().publish()
    data = page_form_data(
        training,
        action="publish",
        repeat="keep",
        starts_at="2027-06-01 19:00",
        ends_at="2027-06-01 20:30",
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[training.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["repeat"] == ["De regel geeft geen datum vanaf de eerste datum."]
