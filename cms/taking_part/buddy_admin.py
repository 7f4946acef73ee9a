"""The admin of a buddy project: its offers and requests, suggested pairs, and the matches.

A project's editors see only what was handed to their project
(``permissions.handled_by_user``); coordinators see everything and hand
over what no project covers. A match is made from the suggestions page; the
introductions go out at once where an e-mail address was given, and the
match's page shows the ready-made message for the others.
"""

from __future__ import annotations

from django.contrib import messages as django_messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from ..permissions.roles import editor_partner_ids, is_coordinator
from ..read_only_panels import ShownFieldPanel
from .buddies import end_match, make_match, suggested_pairs
from .buddy_models import BuddyMatch, BuddyOffer, BuddyProject, BuddyRequest
from .introductions import introduce, introduction, manual_link
from .permissions import handled_by_user, may_handle


def may_match(user) -> bool:
    return is_coordinator(user) or bool(editor_partner_ids(user))


class OwnRowsMixin:
    def get_object(self, *args, **kwargs):
        row = super().get_object(*args, **kwargs)
        if not may_handle(self.request.user, row):
            raise PermissionDenied
        return row


class OwnIndexView(generic.IndexView):
    def get_base_queryset(self):
        return handled_by_user(self.request.user, self.model)


class OwnEditView(OwnRowsMixin, generic.EditView):
    pass


class OwnDeleteView(OwnRowsMixin, generic.DeleteView):
    pass


class OwnHistoryView(OwnRowsMixin, history.HistoryView):
    """Wagtail's history view asks only "may change these at all" (issue #21): same rule here."""


class OwnUsageView(OwnRowsMixin, usage.UsageView):
    pass


PERSON_PANELS = [
    FieldRowPanel(
        [
            ShownFieldPanel("name"),
            ShownFieldPanel("language"),
            ShownFieldPanel("village"),
        ]
    ),
    FieldRowPanel(
        [
            ShownFieldPanel("contact_method"),
            ShownFieldPanel("contact_value"),
        ]
    ),
    ShownFieldPanel("languages"),
    FieldRowPanel([ShownFieldPanel("times"), ShownFieldPanel("help")]),
    ShownFieldPanel("created_at"),
    FieldPanel("status"),
]


class BuddyPersonViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = OwnIndexView
    edit_view_class = OwnEditView
    delete_view_class = OwnDeleteView
    history_view_class = OwnHistoryView
    usage_view_class = OwnUsageView
    list_filter = ["status", "village"]
    edit_handler = ObjectList(PERSON_PANELS)


class BuddyRequestViewSet(BuddyPersonViewSet):
    model = BuddyRequest
    icon = "user"
    menu_label = _("Buddy requests")
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name="buddy_requests:edit"),
        Column("name", label=_("Name")),
        Column("village", label=_("Village")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Waiting since")),
    ]


class BuddyOfferViewSet(BuddyPersonViewSet):
    model = BuddyOffer
    icon = "user"
    menu_label = _("Buddy offers")
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name="buddy_offers:edit"),
        Column("name", label=_("Name")),
        Column("village", label=_("Village")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Offered")),
    ]


class BuddyMatchEditView(OwnRowsMixin, generic.EditView):
    template_name = "cms/taking_part/match_edit.html"

    def get_object(self, queryset=None):
        match = super().get_object(queryset)
        self.status_before = match.status
        return match

    def save_instance(self):
        match = self.form.instance
        if (
            match.status == BuddyMatch.Status.ENDED
            and self.status_before != BuddyMatch.Status.ENDED
        ):
            end_match(match, match.end_reason or BuddyMatch.EndReason.OTHER)
            return match
        if match.status == BuddyMatch.Status.INTRODUCED and not match.introduced_at:
            match.introduced_at = timezone.now()
        return super().save_instance()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        match = self.object
        context["messages_by_hand"] = [
            {
                "to": to,
                "text": introduction(to, other, to_is_buddy),
                "link": manual_link(to, introduction(to, other, to_is_buddy)),
            }
            for to, other, to_is_buddy in (
                (match.request, match.offer, False),
                (match.offer, match.request, True),
            )
            if to.contact_method != "email" and not to.personal_data_erased_at
        ]
        return context


class BuddyMatchViewSet(ModelViewSet):
    model = BuddyMatch
    icon = "link"
    menu_label = _("Buddy matches")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    index_view_class = OwnIndexView
    edit_view_class = BuddyMatchEditView
    delete_view_class = OwnDeleteView
    history_view_class = OwnHistoryView
    usage_view_class = OwnUsageView
    list_filter = ["status"]
    list_display = [
        TitleColumn("pk", label=_("Match"), url_name="buddy_matches:edit", accessor=str),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("end_reason", label=_("Why it ended"), accessor="get_end_reason_display"),
        DateColumn("created_at", label=_("Matched")),
    ]
    edit_handler = ObjectList([FieldPanel("status"), FieldPanel("end_reason")])


class BuddyProjectViewSet(ModelViewSet):
    """Which partner runs a buddy project for which villages (coordinators only)."""

    model = BuddyProject
    icon = "group"
    menu_label = _("Buddy projects")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["partner", "villages"]
    list_display = [
        TitleColumn("partner", label=_("Partner"), url_name="buddy_projects:edit"),
        Column("villages", label=_("Villages")),
    ]


def _number(value: str | None) -> int | None:
    # ASCII digits only: "²".isdigit() is true, but int("²") fails (issue #21, point 4);
    # and no more than a row id can hold.
    if value and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


@require_http_methods(["GET", "POST"])
def suggestions_view(request: HttpRequest) -> HttpResponse:
    """Suggested pairs, best first; a POST makes the chosen match and sends the introductions."""
    if not may_match(request.user):
        raise PermissionDenied
    requests = handled_by_user(request.user, BuddyRequest).select_related("project")
    offers = handled_by_user(request.user, BuddyOffer)
    if request.method == "POST":
        # Another project's people are refused, not "not found": they exist, just not for you.
        wanted = requests.filter(pk=_number(request.POST.get("request"))).first()
        offer = offers.filter(pk=_number(request.POST.get("offer"))).first()
        if wanted is None or offer is None or wanted.project_id != offer.project_id:
            raise PermissionDenied
        try:
            match = make_match(wanted, offer)
        except ValueError as problem:
            django_messages.error(request, str(problem))
            return redirect("cms_buddy_suggestions")
        by_hand = introduce(match)
        if by_hand:
            django_messages.warning(
                request,
                _(
                    "Matched. Send the introduction by hand to: %(references)s "
                    "(the match's page has the message)."
                )
                % {"references": ", ".join(person.reference for person in by_hand)},
            )
            return redirect("buddy_matches:edit", match.pk)
        django_messages.success(request, _("Matched; both received their introduction by e-mail."))
        return redirect("cms_buddy_suggestions")
    return TemplateResponse(
        request,
        "cms/taking_part/suggestions.html",
        {"suggestions": suggested_pairs(requests, offers)},
    )
