"""Retention of sign-ups and buddy data: erased on schedule (``--now``), counts kept."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.models import ActivityPage, BuddyOffer, BuddyRequest, Signup
from cms.taking_part.buddies import end_match, make_match
from cms.taking_part.capacity import SignupRequest, sign_up
from tests import factories
from tests.signup_helpers import signup_activity


def purge(now) -> str:
    out = StringIO()
    call_command("purge_taking_part_data", "--now", now.isoformat(), stdout=out)
    return out.getvalue()


@pytest.fixture
def signed_up(db):
    factories.load(
        partners=[factories.partner(slug="club", type="sports_club")],
        activities=[signup_activity("club", slug="cafe", capacity=5)],
    )
    activity = ActivityPage.objects.get(slug="cafe")
    sign_up(activity, SignupRequest("Ania", "email", "ania@example.org", "pl", 2, None))
    return activity


def test_a_sign_up_is_erased_two_weeks_after_the_activity_and_still_counts(signed_up, settings):
    day = timezone.localtime(signed_up.starts_at).date()
    just_before = timezone.make_aware(
        timezone.datetime.combine(
            day + timedelta(days=settings.SIGNUP_RETENTION_DAYS), timezone.datetime.min.time()
        )
    ) + timedelta(hours=12)
    purge(just_before)
    assert Signup.objects.get().name == "Ania"

    assert "Erased the personal data of 1 sign-ups" in purge(just_before + timedelta(days=1))
    signup = Signup.objects.get()
    assert (signup.name, signup.contact_value, signup.cancel_token_hash) == ("", "", "")
    assert (signup.people, signup.status) == (2, "confirmed")
    assert signup.personal_data_erased_at is not None
    # A second run finds nothing more to do.
    assert "of 0 sign-ups" in purge(just_before + timedelta(days=2))


@pytest.fixture
def pair(db):
    common = {"language": "nl", "languages": ["nl"], "village": "ochten", "times": [], "help": []}
    request = BuddyRequest.objects.create(
        reference="REQ1",
        name="Oleh",
        contact_method="email",
        contact_value="o@example.org",
        **common,
    )
    offer = BuddyOffer.objects.create(
        reference="OFF1",
        name="Henk",
        contact_method="phone",
        contact_value="+31612345678",
        **common,
    )
    return request, offer


def test_buddies_are_erased_after_their_match_ended(pair, settings):
    request, offer = pair
    match = make_match(request, offer)
    ended = timezone.now()
    end_match(match, "completed", now=ended)
    purge(ended + timedelta(days=settings.BUDDY_ENDED_RETENTION_DAYS - 1))
    assert BuddyRequest.objects.get().name == "Oleh"
    purge(ended + timedelta(days=settings.BUDDY_ENDED_RETENTION_DAYS + 1))
    assert BuddyRequest.objects.get().name == "" and BuddyOffer.objects.get().contact_value == ""


def test_a_request_nobody_matched_is_erased_after_waiting_too_long(pair, settings):
    later = timezone.now() + timedelta(days=settings.BUDDY_WAITING_RETENTION_DAYS + 1)
    assert "1 buddy offers and 1 buddy requests" in purge(later)
    request = BuddyRequest.objects.get()
    assert (request.name, request.status, request.village) == ("", "withdrawn", "ochten")


def test_a_running_match_keeps_its_people(pair, settings):
    make_match(*pair)
    purge(timezone.now() + timedelta(days=settings.BUDDY_WAITING_RETENTION_DAYS + 1))
    assert BuddyRequest.objects.get().name == "Oleh"
