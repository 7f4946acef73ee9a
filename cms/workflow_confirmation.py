"""Approving or sending back from the workflow screen says what happened, too.

The page editor's own buttons confirm through ``cms.action_menu`` ("Approved and
published"). But Wagtail's start page and page listing approve through a view
of their own (``wagtailadmin_pages:workflow_action``, in a dialog), which
confirms nothing at all: the coordinator is left on the start page without a
word. Wagtail offers no hook after a workflow action, so ``hub.urls`` mounts
this subclass at that view's address, before Wagtail's admin: the same view,
the same permission checks, plus the confirmation in the person's language.
"""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState


class ConfirmedWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status == TaskState.STATUS_APPROVED:
            done = _("Approved and published")
        elif self.task_state.status == TaskState.STATUS_REJECTED:
            done = _("Sent back with your comments")
        else:
            return response
        self.object.refresh_from_db()
        messages.success(request, f"{done}: {self.object.get_admin_display_title()}")
        return response
