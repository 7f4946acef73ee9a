"""What the admin's reports reveal about people: only one's own partner's colleagues.

Wagtail's workflow report offers a "requested by" filter that lists everyone
who ever submitted anything, with their e-mail addresses, to every editor
(issue #21). Here a partner's editor or contributor is offered only the people
of their own partners, a municipality's coordinator those of its partners;
regional coordinators still see everyone. The filter's
choices are also what it accepts, so another partner's user cannot be
filtered on by id either.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.admin.views.reports import audit_logging, page_types_usage, workflows

from .roles import coordinated_municipality_ids, is_coordinator, partner_ids


def requesters_visible_to(request) -> QuerySet:
    """Wagtail's list of requesters, narrowed to the user's own partners' people."""
    users = workflows.get_requested_by_queryset(request)
    user = getattr(request, "user", None)
    if user is not None and is_coordinator(user):
        return users
    return users.filter(pk__in=colleagues_of(user).values("pk"))


def colleagues_of(user) -> QuerySet:
    """The people of the user's own partners, and of the partners working in the
    municipalities the user coordinates."""
    User = get_user_model()
    if user is None:
        return User.objects.none()
    own = Q(groups__partner_group__partner__in=partner_ids(user))
    coordinated = coordinated_municipality_ids(user)
    if coordinated:
        own |= Q(groups__partner_group__partner__municipalities__in=coordinated)
    return User.objects.filter(own)


class PartnerWorkflowReportFilterSet(workflows.WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=requesters_visible_to
    )


def narrow_workflow_report() -> None:
    """Wagtail routes its report views itself; give its view our filter set."""
    workflows.WorkflowView.filterset_class = PartnerWorkflowReportFilterSet


def people_hidden_from(user) -> QuerySet:
    """The people of partners the user does not work for (none for coordinators).

    Their names and e-mail addresses stay out of every report the user sees;
    coordinators and the user's own colleagues stay in.
    """
    User = get_user_model()
    if user is None or is_coordinator(user):
        return User.objects.none()
    colleagues = colleagues_of(user)
    return (
        User.objects.filter(groups__partner_group__isnull=False)
        .exclude(pk__in=colleagues.values("pk"))
        .distinct()
    )


class PartnerSiteHistoryFilterSet(audit_logging.SiteHistoryReportFilterSet):
    """Site history's "user" filter offers no other partner's people (as the workflow report)."""

    def get_users_queryset(self):
        hidden = people_hidden_from(self.request.user)
        return super().get_users_queryset().exclude(pk__in=hidden.values("pk"))

    def get_user_choices(self):
        hidden = people_hidden_from(self.request.user)
        return super().get_user_choices().exclude(pk__in=hidden.values("pk"))


def _site_history_without_other_partners_people(view, queryset):
    """Each log model's rows, filtered as Wagtail does, without other partners' people's entries.

    Applied whether or not the filter form is valid: a malformed filter must not
    bring the rows back.
    """
    queryset = _wagtail_site_history_filter(view, queryset)
    hidden = people_hidden_from(view.request.user)
    return queryset.exclude(user_id__in=hidden.values("pk"))


def _page_types_usage_without_other_partners_pages(view, page_types):
    """The "last edited" page of each type only where the user may edit it.

    Wagtail names the most recently edited page of each type, with its draft
    title, whoever's it is.
    """
    page_types = _wagtail_page_types_usage(view, page_types)
    user = view.request.user
    if is_coordinator(user):
        return page_types
    for item in page_types:
        page = item.last_edited_page
        if page is not None and not page.permissions_for_user(user).can_edit():
            item.last_edited_page = None
    return page_types


_wagtail_site_history_filter = audit_logging.LogEntriesView.filter_queryset
_wagtail_page_types_usage = page_types_usage.PageTypesUsageReportView.decorate_paginated_queryset


def narrow_other_reports() -> None:
    """Site history and page types usage, narrowed like the workflow report (issue #21, point 5)."""
    audit_logging.LogEntriesView.filterset_class = PartnerSiteHistoryFilterSet
    audit_logging.LogEntriesView.filter_queryset = _site_history_without_other_partners_people
    page_types_usage.PageTypesUsageReportView.decorate_paginated_queryset = (
        _page_types_usage_without_other_partners_pages
    )
