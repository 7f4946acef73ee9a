"""The moderation step: coordinators approve, each for the municipalities they coordinate.

Wagtail's ``GroupApprovalTask`` lets every member of its groups approve every
page. Here its groups are the regional coordinators (``Coordinators``), who
approve everything as before; a municipality coordinator may approve, send
back and review a submission only where ``municipal.approves`` says so: a
page published only to their municipalities, or one under their
municipality's home. Every existing group approval task (the coordinators'
"Coordinator approval", and Wagtail's own "Moderators approval" of its default
workflow) becomes one of these in place (migration 0022): ids, groups and
submissions in progress stay.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

from .municipal import approves
from .roles import coordinated_municipality_ids, is_coordinator


class _Reviewer:
    """Stands for "a reviewer" when asking Wagtail which actions a reviewer has."""

    is_superuser = True


class MunicipalApprovalTask(AbstractGroupApprovalTask):
    """Approved by the task's groups (regional), or by the coordinators of the page's own."""

    def _approves(self, obj, user) -> bool:
        if user.is_superuser or self._user_in_groups(user):
            return True
        return isinstance(obj, Page) and self._municipal_reviewer(user) and approves(user, obj)

    @staticmethod
    def _municipal_reviewer(user) -> bool:
        """Not in the task's groups: a municipality coordinator may still review here.
        A regional coordinator reviews through the groups only, as before."""
        return not is_coordinator(user) and bool(coordinated_municipality_ids(user))

    def user_can_access_editor(self, obj, user):
        return self._approves(obj, user)

    def locked_for_user(self, obj, user):
        return not self._approves(obj, user)

    def user_can_lock(self, obj, user):
        return self._approves(obj, user)

    def get_actions(self, obj, user):
        if not self._approves(obj, user):
            return []
        # Wagtail's own actions and labels, which it offers to every member of the groups.
        return super().get_actions(obj, _Reviewer())

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if user.is_superuser or self._user_in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if not self._municipal_reviewer(user):
            return TaskState.objects.none()
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        pages = Page.objects.filter(
            pk__in=[
                int(object_id)
                for object_id in in_progress.values_list("workflow_state__object_id", flat=True)
                if object_id.isdigit()
            ]
        )
        allowed = [str(page.pk) for page in pages if approves(user, page)]
        return in_progress.filter(Q(workflow_state__object_id__in=allowed))

    @classmethod
    def get_description(cls):
        return "Coordinators approve: regional ones everything, a municipality's its own pages."

    class Meta:
        verbose_name = _("coordinator approval task")
        verbose_name_plural = _("coordinator approval tasks")
