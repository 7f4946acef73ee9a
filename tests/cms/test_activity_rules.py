"""Rules an editor meets in the admin form, enforced by the model."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import ActivityPage
from tests import factories


@pytest.fixture
def activity(db):
    partner = factories.partner()
    record = factories.activity(partner["slug"], recurrence="FREQ=WEEKLY;BYDAY=TU")
    factories.load(partners=[partner], activities=[record])
    return ActivityPage.objects.get(slug=record["slug"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recurrence": "FREQ=NEVER"}, "recurrence"),
        ({"lat": 51.9, "lon": None}, "lon"),
        ({"is_free": False, "cost_amount": None}, "cost_amount"),
        ({"registration": "link", "registration_url": ""}, "registration_url"),
        ({"team_sport": "volleyball", "team_level": ""}, "team_level"),
    ],
)
def test_invalid_combinations_name_the_field(activity, changes, field):
    for name, value in changes.items():
        setattr(activity, name, value)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert field in error.value.message_dict


def test_changing_the_rule_rebuilds_the_stored_dates(activity):
    weekly = activity.occurrences.count()
    activity.recurrence = "FREQ=MONTHLY;BYDAY=1TU"
    activity.save_revision().publish()
    monthly = ActivityPage.objects.get(pk=activity.pk).occurrences.count()
    assert 0 < monthly < weekly / 3


def test_refresh_occurrences_moves_the_window_along(activity):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    activity.occurrences.all().delete()
    call_command("refresh_occurrences")
    latest = activity.occurrences.order_by("-starts_at").first().starts_at
    assert latest > timezone.now() + timedelta(days=500)
