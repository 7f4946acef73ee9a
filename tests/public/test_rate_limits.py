"""The sliding-window rate limit of anonymous submissions (public/guard/limits.py)."""

import pytest
from django.core.cache import cache

from public.guard.limits import Rate, seconds_to_wait

START = 1_800_000_000.0


@pytest.fixture(autouse=True)
def rates(settings, db):
    cache.clear()
    settings.PUBLIC_POST_RATES = {"question": "2/hour", "survey_response": "1/minute"}


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("5/hour", Rate(5, 3600)),
        ("10/minute", Rate(10, 60)),
        ("3/s", Rate(3, 1)),
        ("1/day", Rate(1, 86400)),
    ],
)
def test_rates_are_read_as_django_rest_framework_wrote_them(text, rate):
    assert Rate.parse(text) == rate


def test_a_client_waits_until_its_oldest_submission_leaves_the_window():
    assert seconds_to_wait("question", "192.0.2.1", now=START) is None
    assert seconds_to_wait("question", "192.0.2.1", now=START + 600) is None
    assert seconds_to_wait("question", "192.0.2.1", now=START + 1200) == 2400
    # A refused attempt does not push the window on.
    assert seconds_to_wait("question", "192.0.2.1", now=START + 3599) == 1
    assert seconds_to_wait("question", "192.0.2.1", now=START + 3601) is None


def test_clients_and_kinds_of_submission_are_counted_apart():
    assert seconds_to_wait("survey_response", "192.0.2.1", now=START) is None
    assert seconds_to_wait("survey_response", "192.0.2.1", now=START + 1) == 59
    assert seconds_to_wait("survey_response", "192.0.2.2", now=START + 1) is None
    assert seconds_to_wait("question", "192.0.2.1", now=START + 1) is None


def test_a_kind_without_a_rate_is_not_limited(settings):
    settings.PUBLIC_POST_RATES = {}
    assert all(seconds_to_wait("question", "192.0.2.1", now=START) is None for _ in range(20))
