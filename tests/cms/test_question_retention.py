"""Personal data in questions is erased on schedule, by a command cron runs daily.

The clock is an argument (``--now``), so the tests say "it is 1 March 2027"
instead of waiting 90 days.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands

from cms.contact_point.intake import receive_question
from cms.contact_point.routing import set_responsible
from cms.models import Partner, Question
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2027, 3, 1, 14, 30, tzinfo=AMS)
CRONTAB = Path(settings.BASE_DIR) / "scripts" / "crontab"


def asked(days_ago: float, **changes) -> Question:
    question = receive_question(
        {
            "language": "ro",
            "topic": "housing",
            "text": "Proprietarul, domnul Popescu, vrea să plec mâine.",
            "contact_method": "phone",
            "contact_value": "+40712345678",
        },
        now=NOW - timedelta(days=days_ago),
    )
    if changes:
        Question.objects.filter(pk=question.pk).update(**changes)
        question.refresh_from_db()
    return question


def purge(now: datetime = NOW) -> str:
    out = StringIO()
    call_command("purge_question_data", now=now.isoformat(), stdout=out)
    return out.getvalue()


def personal_data(question: Question) -> tuple:
    question.refresh_from_db()
    return (question.text, question.contact_method, question.contact_value, question.answer)


@pytest.fixture
def routed(db):
    factories.load(partners=[factories.partner(slug="gemeente", type="municipality")])
    set_responsible("housing", Partner.objects.get(slug="gemeente"))


def test_a_question_asked_91_days_ago_is_erased_and_one_of_89_days_is_kept(routed):
    old = asked(91, answer="Bel het Juridisch Loket.", status="answered")
    recent = asked(89)

    assert "Erased the personal data of 1 questions." in purge()

    assert personal_data(old) == ("", "", "", "")
    assert old.personal_data_erased
    assert personal_data(recent) == (
        "Proprietarul, domnul Popescu, vrea să plec mâine.",
        "phone",
        "+40712345678",
        "",
    )
    assert not recent.personal_data_erased


def test_what_stays_is_anonymous_statistics_by_day(routed):
    old = asked(100, status="closed", closed_at=NOW - timedelta(days=95, hours=3))
    purge()
    old.refresh_from_db()
    assert (old.topic, old.language, old.status, old.routed_partner.slug) == (
        "housing",
        "ro",
        "closed",
        "gemeente",
    )
    # Only the day is left of each moment, in the platform's time zone.
    for moment in (old.created_at, old.closed_at):
        local = moment.astimezone(AMS)
        assert (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)
    assert old.created_at.astimezone(AMS).date() == (NOW - timedelta(days=100)).date()


def test_a_closed_question_is_erased_30_days_after_closing(routed):
    closed_long_ago = asked(40, status="closed", closed_at=NOW - timedelta(days=31))
    closed_lately = asked(40, status="closed", closed_at=NOW - timedelta(days=29))
    answered_not_closed = asked(40, status="answered", answer="Da.")

    purge()

    assert personal_data(closed_long_ago)[0] == ""
    assert personal_data(closed_lately)[0] != ""
    assert personal_data(answered_not_closed)[0] != ""


def test_the_periods_are_settings(routed, settings):
    settings.QUESTION_RETENTION_DAYS = 30
    question = asked(31)
    purge()
    assert personal_data(question)[0] == ""


def test_running_again_changes_nothing(routed):
    old = asked(91)
    purge()
    old.refresh_from_db()
    erased_at = old.personal_data_erased_at
    assert "of 0 questions" in purge(NOW + timedelta(days=1))
    old.refresh_from_db()
    assert old.personal_data_erased_at == erased_at


def test_the_clock_is_the_real_one_without_now(routed):
    long_ago = receive_question(
        {"language": "ro", "topic": "work", "text": "Nu am primit salariul."},
        now=datetime.now(AMS) - timedelta(days=91),
    )
    call_command("purge_question_data", stdout=StringIO())
    assert personal_data(long_ago)[0] == ""


def test_cron_runs_the_purge_daily_with_the_other_upkeep():
    """scripts/crontab is what the README tells a server to install."""
    jobs = {
        line.split("manage.py", 1)[1].split()[0]: line
        for line in CRONTAB.read_text().splitlines()
        if "manage.py" in line and not line.startswith("#")
    }
    assert "purge_question_data" in jobs
    assert jobs["purge_question_data"].split()[2:5] == ["*", "*", "*"]  # every day
    commands = get_commands()
    for name in jobs:
        assert name in commands, f"scripts/crontab runs an unknown command: {name}"
