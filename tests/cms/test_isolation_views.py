"""Choosers, reports and the admin API's actions reveal nothing of another partner.

GGD's editor (``editor_own``) keeps an unpublished draft of GGD's activity
titled ``DRAFT_TITLE`` and has locked the page; VV Ochten's people look at every
chooser and report the admin offers them. Neither the draft nor GGD's people
(their e-mail addresses) may show up there; the coordinator sees both, which
shows that the probe would find them.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.models import ActivityIndexPage, ActivityPage
from tests.cms.conftest import OWN

DRAFT_TITLE = "Concept-spreekuur-GGD-alleen"
OWN_EMAIL = f"editor-{OWN}@example.org"

VIEWS = [
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailsnippetchoosers_cms_partner:choose",
    "wagtailimages_chooser:choose",
    "wagtaildocs_chooser:choose",
]


@pytest.fixture
def own_draft(client, login_as):
    """GGD's editor saves a draft of GGD's activity and locks the page."""
    editor = login_as("editor_own")
    page = ActivityPage.objects.get(slug="spreekuur")
    page.title = DRAFT_TITLE
    page.save_revision(user=editor, log_action=True)
    page.locked, page.locked_by = True, editor
    page.save(update_fields=["locked", "locked_by"])
    client.logout()
    return page


def _url(name: str) -> str:
    url = reverse(name)
    return url + "?q=spreekuur" if name.endswith("search") else url


def _seen(client, name: str) -> str:
    answer = client.get(_url(name))
    assert answer.status_code in (200, 302, 403), (name, answer.status_code)
    return answer.content.decode() if answer.status_code == 200 else ""


@pytest.mark.parametrize("role", ["editor_other", "contributor_other"])
@pytest.mark.parametrize("name", VIEWS)
def test_another_partner_sees_no_draft_and_no_people(client, login_as, own_draft, role, name):
    login_as(role)
    html = _seen(client, name)
    assert DRAFT_TITLE not in html
    assert OWN_EMAIL not in html


def test_the_coordinator_sees_them_so_the_probe_can_find_them(client, login_as, own_draft):
    login_as("coordinator")
    history = _seen(client, "wagtailadmin_reports:site_history")
    locked = _seen(client, "wagtailadmin_reports:locked_pages")
    assert DRAFT_TITLE in history + locked


def test_another_partner_cannot_copy_a_page_through_the_admin_api(client, login_as):
    login_as("editor_other")
    page = ActivityPage.objects.get(slug="spreekuur")
    before = ActivityPage.objects.count()
    answer = client.post(
        f"/admin/api/main/pages/{page.pk}/action/copy/",
        {
            "destination_page_id": ActivityIndexPage.objects.get().pk,
            "new_title": "Kopie",
            "new_slug": "kopie-spreekuur",
        },
        content_type="application/json",
    )
    # Wagtail answers 404 for a page the user may not see; the locale middleware
    # turns a 404 under /admin/ into a redirect to /nl/admin/..., which is a 404 too.
    assert answer.status_code in (302, 403, 404), answer.status_code
    assert ActivityPage.objects.count() == before
    assert not Page.objects.filter(slug="kopie-spreekuur").exists()


def test_the_owner_may_copy_through_the_admin_api(client, login_as):
    login_as("editor_own")
    page = ActivityPage.objects.get(slug="spreekuur")
    answer = client.post(
        f"/admin/api/main/pages/{page.pk}/action/copy/",
        {
            "destination_page_id": ActivityIndexPage.objects.get().pk,
            "new_title": "Kopie",
            "new_slug": "kopie-spreekuur",
        },
        content_type="application/json",
    )
    assert answer.status_code == 201, answer.content[:300]
    assert Page.objects.filter(pk=answer.json()["id"]).exists()
