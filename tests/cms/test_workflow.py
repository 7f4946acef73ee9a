"""Contributors submit, coordinators approve: the moderation workflow of the sections."""

import re

from django.urls import reverse
from wagtail.models import WorkflowState

from cms.models import ActivityIndexPage, ActivityPage
from cms.permissions.setup import MODERATION_WORKFLOW
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import make_member


def spreekuur() -> ActivityPage:
    return ActivityPage.objects.get(slug="spreekuur")


def test_the_sections_send_submissions_to_the_coordinators(coalition):
    workflow = spreekuur().get_workflow()
    assert workflow.name == MODERATION_WORKFLOW
    task = workflow.workflow_tasks.get().task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Coordinators"]


def test_contributor_submits_and_coordinator_approves(client, coalition):
    contributor = make_member("contributor", "ggd")
    client.force_login(contributor)
    page = spreekuur()
    live_title = page.title

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="submit", title_nl="Spreekuur, nu ook op zaterdag"),
    )

    assert response.status_code == 302
    page = spreekuur()
    assert page.title == live_title  # nothing published yet
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == contributor

    # The contributor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve_url, {"comment": ""})
    assert spreekuur().title == live_title

    client.force_login(make_member("coordinator"))
    response = client.post(approve_url, {"comment": "Prima."})

    assert response.status_code in (200, 302)
    page = spreekuur()
    assert page.title == "Spreekuur, nu ook op zaterdag"
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_contributor_cannot_publish_a_new_activity(client, coalition):
    client.force_login(make_member("contributor", "ggd"))
    section = ActivityIndexPage.objects.get()
    data = page_form_data(spreekuur(), action="publish", slug="nieuw", title_nl="Nieuw")

    client.post(reverse("wagtailadmin_pages:add", args=["cms", "activitypage", section.pk]), data)

    page = ActivityPage.objects.get(slug="nieuw")
    assert not page.live


def test_contributor_submits_a_new_activity_for_approval(client, coalition):
    client.force_login(make_member("contributor", "ggd"))
    section = ActivityIndexPage.objects.get()
    data = page_form_data(spreekuur(), action="submit", slug="nieuw", title_nl="Nieuw")

    client.post(reverse("wagtailadmin_pages:add", args=["cms", "activitypage", section.pk]), data)

    page = ActivityPage.objects.get(slug="nieuw")
    assert not page.live
    assert page.workflow_in_progress


def test_editor_publishes_without_approval(client, coalition):
    client.force_login(make_member("editor", "ggd"))
    page = spreekuur()

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", title_nl="Meteen live"),
    )

    page = spreekuur()
    assert page.title == "Meteen live"
    assert page.live
    assert not page.workflow_in_progress


def test_the_workflow_report_names_only_the_own_partners_people(client, coalition):
    """Its "requested by" filter listed every submitter's address to every editor (issue #21)."""
    for slug, partner in (("spreekuur", "ggd"), ("voetbal", "vv-ochten")):
        client.force_login(make_member("contributor", partner))
        page = ActivityPage.objects.get(slug=slug)
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page_form_data(page, action="submit", title_nl="Ter goedkeuring"),
        )
    assert WorkflowState.objects.count() == 2
    report = reverse("wagtailadmin_reports:workflow")

    client.force_login(make_member("editor", "ggd"))
    response = client.get(report)
    offered = response.context["filters"].form.fields["requested_by"].queryset
    assert [user.email for user in offered] == ["contributor-ggd@example.org"]
    assert "contributor-vv-ochten@example.org" not in response.content.decode()
    other = offered.model.objects.get(email="contributor-vv-ochten@example.org")
    assert (
        "contributor-vv-ochten"
        not in client.get(f"{report}?requested_by={other.pk}").content.decode()
    )

    client.force_login(make_member("coordinator"))
    offered = client.get(report).context["filters"].form.fields["requested_by"].queryset
    assert offered.count() == 2


def _confirmations(client) -> list[str]:
    """The messages the next page shows (what the person reads after the redirect)."""
    shown = client.get(reverse("wagtailadmin_home"))
    return [str(message) for message in shown.context["messages"]]


def _lead_action(client, page) -> str:
    """The name of the first action button of the page editor's footer: the main one."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return re.search(r'<button[^>]*name="(action-\w+)"', html).group(1)


def test_each_person_s_main_button_and_its_confirmation_say_what_happens(client, coalition):
    """Contributor: "Submit for approval", confirmed as sent to the coordinator; a
    coordinator approving from the start page's dialog is told it is published (issue #20)."""
    contributor = make_member("contributor", "ggd")
    client.force_login(make_member("editor", "ggd"))
    assert _lead_action(client, spreekuur()) == "action-publish"
    client.force_login(contributor)
    assert _lead_action(client, spreekuur()) == "action-submit"

    submitted = client.post(
        reverse("wagtailadmin_pages:edit", args=[spreekuur().pk]),
        page_form_data(spreekuur(), action="submit", title_nl="Spreekuur op zaterdag"),
    )
    assert submitted.status_code == 302
    assert _confirmations(client) == [
        "Ingestuurd naar de coördinator ter goedkeuring: Spreekuur op zaterdag"
    ]

    client.force_login(make_member("coordinator"))
    task_state = spreekuur().current_workflow_task_state
    approved = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[spreekuur().pk, "approve", task_state.pk],
        ),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert approved.json()["step"] == "success"
    assert spreekuur().live and spreekuur().title == "Spreekuur op zaterdag"
    assert _confirmations(client) == ["Goedgekeurd en gepubliceerd: Spreekuur op zaterdag"]
