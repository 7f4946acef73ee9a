"""Who changed what and when: revisions and the audit log, for pages and snippets."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from cms.models import ActivityPage, Partner, PolicyAction
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import PASSWORD, make_member
from tests.cms.test_permission_matrix import action_form_data, partner_form_data


def spreekuur() -> ActivityPage:
    return ActivityPage.objects.get(slug="spreekuur")


def test_publish_and_unpublish_by_an_editor_are_logged_with_the_editor(client, coalition):
    editor = make_member("editor", "ggd")
    client.force_login(editor)
    page = spreekuur()

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", title_nl="Nieuwe titel"),
    )
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    entries = PageLogEntry.objects.filter(page=page, user=editor)
    assert entries.filter(action="wagtail.publish").count() == 1
    assert entries.filter(action="wagtail.unpublish").count() == 1
    revision = page.revisions.order_by("-created_at").first()
    assert revision.user == editor
    assert revision.content["title_nl"] == "Nieuwe titel"


def test_page_history_is_only_for_those_who_may_edit(client, coalition):
    page = spreekuur()
    client.force_login(make_member("editor", "vv-ochten"))
    refused = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")

    client.force_login(make_member("editor", "ggd"))
    assert client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).status_code == 200


def test_partner_changes_are_revisioned_and_logged(client, coalition):
    coordinator = make_member("coordinator")
    client.force_login(coordinator)
    partner = Partner.objects.get(slug="ggd")

    response = client.post(
        reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk]),
        partner_form_data(partner, name="GGD Gelderland-Zuid (Tiel)"),
    )

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "GGD Gelderland-Zuid (Tiel)"
    revision = Revision.objects.for_instance(partner).get()
    assert revision.user == coordinator
    assert revision.content["name"] == "GGD Gelderland-Zuid (Tiel)"
    assert ModelLogEntry.objects.filter(
        object_id=str(partner.pk), action="wagtail.edit", user=coordinator
    ).exists()


def test_progress_update_by_an_editor_is_revisioned_and_logged(client, coalition):
    editor = make_member("editor", "ggd")
    client.force_login(editor)
    action = PolicyAction.objects.get(slug="taalhuis")

    client.post(
        reverse("wagtailsnippets_cms_policyaction:edit", args=[action.pk]), action_form_data()
    )

    revision = Revision.objects.for_instance(action).get()
    assert revision.user == editor
    assert "Nieuwe stap gezet." in [u["text_nl"] for u in revision.content["updates"]]
    assert ModelLogEntry.objects.filter(
        object_id=str(action.pk), action="wagtail.edit", user=editor
    ).exists()


def test_giving_someone_a_role_is_logged_on_the_partner(client, coalition):
    coordinator = make_member("coordinator")
    client.force_login(coordinator)
    partner = Partner.objects.get(slug="ggd")

    client.post(
        reverse("cms_partner_members", args=[partner.pk]),
        {"email": "nieuw@example.org", "role": "contributor"},
    )
    invited = ModelLogEntry.objects.get(object_id=str(partner.pk), action="wegwijs.member_invited")
    assert invited.user == coordinator
    (link,) = re.findall(r"http\S+/admin/invitation/\S+/", mail.outbox[0].body)
    client.logout()
    client.post(urlsplit(link).path, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    entry = ModelLogEntry.objects.get(object_id=str(partner.pk), action="wegwijs.member_added")
    assert entry.user == coordinator
    assert entry.data == {"member": "nieuw@example.org", "role": "contributor"}


def test_policy_action_history_and_usage_open_for_those_who_may_report(client, coalition):
    """Both views answered 500 (issue #21, point 6): the mixin passed an argument on."""
    action = PolicyAction.objects.get(slug="taalhuis")  # GGD is responsible
    for url_name in ("history", "usage"):
        url = reverse(f"wagtailsnippets_cms_policyaction:{url_name}", args=[action.pk])
        for who, allowed in (
            (make_member("coordinator"), True),
            (make_member("editor", "ggd"), True),
            (make_member("editor", "vv-ochten"), False),
            (make_member("contributor", "ggd"), False),
        ):
            client.force_login(who)
            response = client.get(url)
            if allowed:
                assert response.status_code == 200, (url_name, who.email)
            else:
                assert response.status_code in (302, 403), (url_name, who.email)
                assert response.status_code == 403 or response["Location"] == reverse(
                    "wagtailadmin_home"
                )
