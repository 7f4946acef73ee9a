"""The admin of sign-ups: an organiser's editors see, export, mark attended and cancel theirs.

The list starts from ``handled_by_user`` and its filter offers only the
user's own lists (activity and date), so that one list per date is one
click; every view of one sign-up asks ``may_handle``. Sign-ups are never
added here (the policy refuses "add"), and have no revisions: a revision
would keep a copy of the name and contact past their erasure.

Cancelling here is the same cancellation as the person's own link: the
first on the waiting list who fits moves up and is told.
"""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Signup, SignupList
from ..yes_no_column import YesNoColumn
from .capacity import cancel
from .notifications import announce_cancellation
from .permissions import handled_by_user, may_handle


def own_lists(request) -> object:
    if request is None:
        return SignupList.objects.none()
    return handled_by_user(request.user, Signup).values_list("signup_list", flat=True)


def lists_of_user(request):
    """The sign-up lists (activity and date) the filter offers: only the user's own."""
    return SignupList.objects.filter(pk__in=own_lists(request)).select_related("activity")


class SignupFilterSet(WagtailFilterSet):
    signup_list = django_filters.ModelChoiceFilter(
        label=_("Activity and date"), queryset=lists_of_user
    )
    status = django_filters.ChoiceFilter(choices=Signup.Status.choices)

    class Meta:
        model = Signup
        fields = ["signup_list", "status"]


class SignupsOfUserMixin:
    def get_object(self, *args, **kwargs):
        signup = super().get_object(*args, **kwargs)
        if not may_handle(self.request.user, signup):
            raise PermissionDenied
        return signup


class SignupIndexView(generic.IndexView):
    def get_base_queryset(self):
        return handled_by_user(self.request.user, Signup).select_related("signup_list__activity")


class SignupEditView(SignupsOfUserMixin, generic.EditView):
    def get_object(self, queryset=None):
        signup = super().get_object(queryset)
        self.status_before = signup.status
        return signup

    def save_instance(self):
        signup = self.form.instance
        wants_cancel = (
            signup.status == Signup.Status.CANCELLED
            and self.status_before != Signup.Status.CANCELLED
        )
        if wants_cancel:
            # Through the one cancellation: it locks the list and moves the next one up.
            signup.status = self.status_before
            signup.save(update_fields=["attended"])
            promoted = cancel(signup)
            announce_cancellation(signup, promoted)
            return signup
        return super().save_instance()


class SignupDeleteView(SignupsOfUserMixin, generic.DeleteView):
    pass


class SignupHistoryView(SignupsOfUserMixin, history.HistoryView):
    """Wagtail's history view asks only "may change sign-ups at all" (issue #21): same rule here."""


class SignupUsageView(SignupsOfUserMixin, usage.UsageView):
    pass


def activity_title(signup: Signup) -> str:
    return signup.signup_list.activity.title


def list_date(signup: Signup) -> str:
    return f"{signup.signup_list.date:%Y-%m-%d}" if signup.signup_list.date else str(_("all dates"))


class SignupViewSet(ModelViewSet):
    """Sign-ups: the organiser's editors see theirs; coordinators see all."""

    model = Signup
    icon = "group"
    menu_label = _("Sign-ups")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = SignupIndexView
    edit_view_class = SignupEditView
    delete_view_class = SignupDeleteView
    history_view_class = SignupHistoryView
    usage_view_class = SignupUsageView
    filterset_class = SignupFilterSet
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name="signups:edit"),
        Column("activity", label=_("Activity"), accessor=activity_title),
        Column("date", label=_("Date"), accessor=list_date),
        Column("name", label=_("Name")),
        Column("contact_value", label=_("Contact")),
        Column("people", label=_("People")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        YesNoColumn("attended", label=_("Attended")),
        DateColumn("created_at", label=_("Signed up")),
    ]
    list_export = [
        "reference",
        "signup_list.activity.title",
        "signup_list.date",
        "name",
        "contact_method",
        "contact_value",
        "language",
        "people",
        "status",
        "attended",
        "created_at",
    ]
    export_headings = {
        "signup_list.activity.title": _("Activity"),
        "signup_list.date": _("Date"),
    }
    export_filename = "sign-ups"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("name", read_only=True),
                            FieldPanel("people", read_only=True),
                            FieldPanel("language", read_only=True),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("contact_method", read_only=True),
                            FieldPanel("contact_value", read_only=True),
                        ]
                    ),
                ],
                heading=_("Who"),
                help_text=_(
                    "The name and contact are erased automatically some days after the activity."
                ),
            ),
            FieldPanel(
                "status",
                help_text=_(
                    "Cancelling moves the first on the waiting list who fits up, and "
                    "tells them if they gave an e-mail address."
                ),
            ),
            FieldPanel("attended"),
        ]
    )
