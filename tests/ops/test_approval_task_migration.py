"""Migrations ``0027``-``0028``: the moderation task becomes a ``MunicipalApprovalTask`` in place.

An installation that runs it keeps its moderation step: the same task id,
the same groups (the Coordinators), and a submission in progress still waits
on it and can be approved by a coordinator afterwards. Migrating back turns it
into Wagtail's ``GroupApprovalTask`` again, with nothing lost either way.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupApprovalTask, Task, TaskState, WorkflowState

from cms.models import ActivityPage, MunicipalApprovalTask
from cms.municipalities.registry import forget
from tests import factories
from tests.cms.conftest import make_member

BEFORE = ("cms", "0026_admin_labels_in_the_editors_language")


def migrate(*targets: tuple[str, str]) -> None:
    ContentType.objects.clear_cache()
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())
    forget()


def task_row() -> tuple[int, str, list[str]]:
    (task,) = Task.objects.filter(name="Coordinator approval").specific()
    return task.pk, type(task).__name__, sorted(task.groups.values_list("name", flat=True))


# Serialized rollback: the next transactional test starts from the migrated content again.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_moderation_task_keeps_its_id_groups_and_submissions():
    factories.load(
        partners=[factories.partner(slug="ggd", type="ggd")],
        activities=[factories.activity("ggd", slug="spreekuur")],
    )
    contributor = make_member("contributor", "ggd")
    page = ActivityPage.objects.get(slug="spreekuur")
    page.title = "Ter goedkeuring"
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)
    task_id, kind, groups = task_row()
    assert (kind, groups) == ("MunicipalApprovalTask", ["Coordinators"])

    migrate(BEFORE)
    # (``MunicipalApprovalTask``'s table is gone here: only Wagtail's tables are read.)
    assert task_row() == (task_id, "GroupApprovalTask", ["Coordinators"])

    migrate()
    assert task_row() == (task_id, "MunicipalApprovalTask", ["Coordinators"])
    assert MunicipalApprovalTask.objects.filter(pk=task_id).exists()
    assert not GroupApprovalTask.objects.exists()
    (state,) = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
    assert state.task_id == task_id

    coordinator = make_member("coordinator", email="regio@example.org")
    state.specific.approve(user=coordinator)
    page = ActivityPage.objects.get(slug="spreekuur")
    assert page.title == "Ter goedkeuring"
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
