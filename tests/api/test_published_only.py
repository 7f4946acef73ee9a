"""Only published content appears: not unpublished, not expired, not in a private section."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import ActivityPage, GuidePage
from tests import factories


@pytest.fixture
def hidden(club):
    """One visible activity and guide, and one of each hidden in every possible way."""
    factories.load(
        activities=[
            factories.activity("vv-ochten", slug=slug)
            for slug in ("zichtbaar", "ingetrokken", "verlopen", "besloten")
        ],
        guides=[
            factories.guide("vv-ochten", slug=slug)
            for slug in ("zichtbaar", "ingetrokken", "verlopen", "besloten")
        ],
    )
    for model in (ActivityPage, GuidePage):
        model.objects.get(slug="ingetrokken").unpublish()
        # Wagtail keeps `live` on until its scheduled-publishing command runs.
        model.objects.filter(slug="verlopen").update(expire_at=timezone.now() - timedelta(hours=1))
        PageViewRestriction.objects.create(
            page=model.objects.get(slug="besloten"),
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim",
        )


@pytest.mark.parametrize("kind", ["activities", "guides"])
def test_only_published_content_is_listed_or_found(api, hidden, kind):
    assert [item["slug"] for item in api.json(kind)["results"]] == ["zichtbaar"]
    assert api.get(f"{kind}/zichtbaar").status_code == 200
    for slug in ("ingetrokken", "verlopen", "besloten"):
        assert api.get(f"{kind}/{slug}").status_code == 404, slug


def test_calendar_feed_shows_only_published_activities(api, hidden):
    feed = api.get("activities.ics").content.decode()
    assert feed.count("BEGIN:VEVENT") == 1


def test_a_private_section_hides_everything_below_it(api, hidden):
    index = ActivityPage.objects.get(slug="zichtbaar").get_parent()
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert api.json("activities")["results"] == []


def test_expiry_in_the_future_does_not_hide(api, hidden):
    ActivityPage.objects.filter(slug="zichtbaar").update(
        expire_at=timezone.now() + timedelta(days=1)
    )
    assert api.get("activities/zichtbaar").status_code == 200
