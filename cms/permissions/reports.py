"""What the admin's reports reveal about people: only one's own partner's colleagues.

Wagtail's workflow report offers a "requested by" filter that lists everyone
who ever submitted anything, with their e-mail addresses, to every editor
(issue #21). Here a partner's editor or contributor is offered only the people
of their own partners; coordinators still see everyone. The filter's
choices are also what it accepts, so another partner's user cannot be
filtered on by id either.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.admin.views.reports import workflows

from .roles import is_coordinator, partner_ids


def requesters_visible_to(request) -> QuerySet:
    """Wagtail's list of requesters, narrowed to the user's own partners' people."""
    users = workflows.get_requested_by_queryset(request)
    user = getattr(request, "user", None)
    if user is not None and is_coordinator(user):
        return users
    own = partner_ids(user) if user is not None else frozenset()
    colleagues = get_user_model().objects.filter(groups__partner_group__partner__in=own)
    return users.filter(pk__in=colleagues.values("pk"))


class PartnerWorkflowReportFilterSet(workflows.WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=requesters_visible_to
    )


def narrow_workflow_report() -> None:
    """Wagtail routes its report views itself; give its view our filter set."""
    workflows.WorkflowView.filterset_class = PartnerWorkflowReportFilterSet
