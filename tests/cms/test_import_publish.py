"""A page an import creates looks to editors as if it was published in the admin:
live, one revision that is both latest and live, a "published" line in its history,
nothing unpublished, the editor opens on exactly the imported values."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.importing import import_content
from cms.models import ActivityPage
from tests import factories
from tests.cms.conftest import make_member

pytestmark = pytest.mark.django_db


def _zaalvoetbal() -> dict:
    return factories.activity(
        "vv-ochten",
        slug="zaalvoetbal",
        category="sport",
        title={"nl": "Zaalvoetbal op vrijdag", "pl": "Futsal w piątek"},
    )


@pytest.fixture
def imported():
    import_content(
        {
            "partners": [factories.partner(slug="vv-ochten", type="sports_club")],
            "activities": [_zaalvoetbal()],
        }
    )
    return ActivityPage.objects.get(slug="zaalvoetbal")


def test_a_new_page_is_live_with_one_revision_that_is_latest_and_live(imported):
    assert imported.live and not imported.has_unpublished_changes
    assert imported.first_published_at is not None
    assert imported.last_published_at == imported.first_published_at
    assert imported.draft_title == "Zaalvoetbal op vrijdag"

    [revision] = imported.revisions.all()
    assert imported.latest_revision_id == imported.live_revision_id == revision.pk
    assert revision.content["title_pl"] == "Futsal w piątek"
    assert revision.as_object().title_nl == "Zaalvoetbal op vrijdag"


def test_its_history_says_published_once_with_that_revision(imported):
    entries = PageLogEntry.objects.filter(page=imported).order_by("timestamp", "pk")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.publish"]
    assert entries.get(action="wagtail.publish").revision_id == imported.live_revision_id


def test_an_editor_opens_it_as_published_without_a_draft(client, imported):
    client.force_login(make_member("coordinator"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[imported.pk]))

    assert response.status_code == 200
    assert "Futsal w piątek" in response.content.decode()
    # What the page explorer and the editor's status show: "live", not "live + draft".
    assert imported.status_string == "live"


def test_importing_it_again_unchanged_adds_no_revision(imported):
    import_content({"activities": [_zaalvoetbal()]})

    assert imported.revisions.count() == 1
