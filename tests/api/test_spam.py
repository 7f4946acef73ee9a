"""The anonymous forms' spam checks (api/spam.py): honeypot and minimum fill time."""

import pytest

from public.guard.clients import pseudonymous_client
from public.guard.tokens import HONEYPOT_FIELD, SpamRefused, check_submission, issue_form_token

ISSUED = 1_800_000_000.0


def refused_field(**kwargs) -> str:
    with pytest.raises(SpamRefused) as refused:
        check_submission(**kwargs)
    return refused.value.field


@pytest.fixture(autouse=True)
def form_timing(settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    settings.FORM_TOKEN_MAX_AGE_SECONDS = 3600


class TestFormToken:
    def test_a_form_filled_in_at_human_speed_passes(self):
        token = issue_form_token("question", now=ISSUED)
        check_submission("question", token, honeypot="", now=ISSUED + 40)

    def test_a_form_sent_back_sooner_than_the_minimum_is_refused(self):
        token = issue_form_token("question", now=ISSUED)
        assert refused_field(form="question", token=token, honeypot="", now=ISSUED + 1) == (
            "form_token"
        )

    def test_a_filled_honeypot_is_refused_even_with_a_good_token(self):
        token = issue_form_token("question", now=ISSUED)
        field = refused_field(form="question", token=token, honeypot="http://spam", now=ISSUED + 40)
        assert field == HONEYPOT_FIELD

    def test_a_stale_token_is_refused(self):
        token = issue_form_token("question", now=ISSUED)
        assert refused_field(form="question", token=token, honeypot="", now=ISSUED + 3601) == (
            "form_token"
        )

    def test_a_token_for_another_form_is_refused(self):
        token = issue_form_token("survey:needs-2027", now=ISSUED)
        assert refused_field(form="question", token=token, honeypot="", now=ISSUED + 40) == (
            "form_token"
        )

    @pytest.mark.parametrize("token", [None, "", "not-a-token", "e30:forged:signature"])
    def test_a_missing_or_forged_token_is_refused(self, token):
        assert refused_field(form="question", token=token, honeypot="", now=ISSUED) == "form_token"

    def test_a_token_whose_time_was_edited_is_refused(self):
        token = issue_form_token("question", now=ISSUED)
        earlier = issue_form_token("question", now=ISSUED - 100)
        # The payload of one token with the signature of another.
        forged = earlier.split(":")[0] + ":" + token.split(":", 1)[1]
        assert refused_field(form="question", token=forged, honeypot="", now=ISSUED + 1) == (
            "form_token"
        )


def test_the_rate_limit_key_does_not_hold_the_address():
    key = pseudonymous_client("203.0.113.7")
    assert "203.0.113.7" not in key
    assert key == pseudonymous_client("203.0.113.7")
    assert key != pseudonymous_client("203.0.113.8")
