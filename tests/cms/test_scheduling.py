"""Go-live and expiry dates: scheduled content appears and expired content leaves the site,
the API and (through ``page_unpublished``) the search index."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_unpublished

from cms.models import ActivityIndexPage, ActivityPage, GuidePage
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import make_member


def _admin_time(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def editor_client(client, coalition):
    client.force_login(make_member("editor", "ggd"))
    return client


@pytest.fixture
def unpublished(db):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.slug)

    page_unpublished.connect(receiver)
    yield seen
    page_unpublished.disconnect(receiver)


@pytest.mark.parametrize("model, slug", [(ActivityPage, "spreekuur"), (GuidePage, "huisarts")])
def test_expired_content_leaves_the_site(editor_client, unpublished, model, slug):
    page = model.objects.get(slug=slug)
    expires = timezone.now() + timedelta(hours=1)
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", expire_at=_admin_time(expires)),
    )
    assert response.status_code == 302
    assert model.objects.live().filter(slug=slug).exists()

    # An hour later, the scheduler runs.
    model.objects.filter(slug=slug).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")

    page = model.objects.get(slug=slug)
    assert not page.live
    assert page.expired
    assert not model.objects.live().filter(slug=slug).exists()
    assert slug in unpublished  # the search index listens to this signal


def test_expired_activity_is_gone_from_the_api(editor_client):
    def listed() -> list[str]:
        return [item["slug"] for item in editor_client.get("/api/v1/activities").json()["results"]]

    assert editor_client.get("/api/v1/activities/spreekuur").status_code == 200
    assert "spreekuur" in listed()
    ActivityPage.objects.filter(slug="spreekuur").update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )

    call_command("publish_scheduled")

    assert editor_client.get("/api/v1/activities/spreekuur").status_code != 200
    assert "spreekuur" not in listed()


def test_scheduled_activity_goes_live_at_its_time(editor_client):
    section = ActivityIndexPage.objects.get()
    template = ActivityPage.objects.get(slug="spreekuur")
    go_live = timezone.now() + timedelta(days=2)
    data = page_form_data(
        template, action="publish", slug="later", title_nl="Later", go_live_at=_admin_time(go_live)
    )

    editor_client.post(
        reverse("wagtailadmin_pages:add", args=["cms", "activitypage", section.pk]), data
    )

    page = ActivityPage.objects.get(slug="later")
    assert not page.live
    assert not ActivityPage.objects.live().filter(slug="later").exists()
    revision = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(page.pk))

    # Two days later, the scheduler runs.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    ActivityPage.objects.filter(pk=page.pk).update(go_live_at=past)
    call_command("publish_scheduled")

    assert ActivityPage.objects.live().filter(slug="later").exists()
