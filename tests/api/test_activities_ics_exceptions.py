"""activities.ics keeps the dates a series skips (EXDATE): nobody turns up for nothing."""

import pytest
from icalendar import Calendar

from tests import factories

pytestmark = pytest.mark.django_db


def test_skipped_dates_leave_as_exdate(client, club):
    factories.load(
        activities=[
            factories.activity(
                "vv-ochten",
                slug="training",
                starts_at="2030-01-08T19:00:00+01:00",
                ends_at="2030-01-08T20:30:00+01:00",
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                recurrence_exceptions=["2030-01-15T19:00:00+01:00"],
            )
        ]
    )
    feed = Calendar.from_ical(client.get("/api/v1/activities.ics").content)
    (event,) = [e for e in feed.walk("VEVENT") if "training" in str(e.get("URL"))]
    skipped = [d.dt.isoformat() for exdate in [event["EXDATE"]] for d in exdate.dts]
    assert skipped == ["2030-01-15T19:00:00+01:00"]
