"""The admin: snippet menus, our admin views, and where the permission rules plug in.

The rules themselves live in ``cms.permissions`` (registered as Wagtail
permission policies in ``CmsConfig.ready``); this module only wires views,
menus and audit-log labels.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import action_menu  # noqa: F401 (registers its hooks)
from .accounts import (
    municipality_admin,  # noqa: F401 (registers its hooks)
    user_bulk_actions,  # noqa: F401 (registers its hooks)
)
from .accounts.email_change import EmailChangePanel
from .accounts.link_views import EmailChangeConfirmView
from .accounts.views import PartnerMembersView, TwoFactorSetupView, TwoFactorVerifyView
from .calendars import admin as calendar_admin
from .contact_point.admin import ContactPointViewSetGroup
from .dashboard import panels as dashboard_panels  # noqa: F401 (registers its hooks)
from .feedback.admin import FeedbackTotalsMenuItem, FeedbackTotalsView
from .glossary.admin import GlossaryTermViewSet, LanguageSheetView
from .models import BuildingBlock, Category, Municipality, Partner, PolicyAction
from .numbers import percent
from .permissions.admin_api import PartnerPagesAdminAPIViewSet
from .permissions.policy import ResponsiblePartnerObjectMixin, actions_reported_on_by
from .permissions.reports import narrow_other_reports, narrow_workflow_report
from .permissions.roles import is_coordinator
from .posters import admin as poster_admin  # noqa: F401 (registers its hooks)
from .recurrence_preview import preview_dates
from .surveys import admin as survey_admin
from .taking_part.admin_group import TakingPartViewSetGroup
from .taking_part.buddy_admin import may_match
from .taking_part.buddy_admin import suggestions_view as buddy_suggestions_view
from .translation import coverage_admin as translation_coverage
from .translation import desk_admin as translation_desk
from .translation.exchange.admin import ExchangeView, may_exchange
from .translation.machine.admin import MachineDraftsView, may_ask_drafts
from .translation.municipal_admin import MunicipalTranslationSettingsViewSet
from .translation.report import TranslationReportView, may_see_report
from .translation.translators_admin import TranslatorAssignmentViewSet
from .venues.admin import VenueViewSet
from .venues.from_activity_view import make_venue_button, make_venue_view


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = gettext_lazy("Partners")
    list_display = ["name", "type", "email"]
    list_filter = ["type"]
    search_fields = ["name"]


class PolicyActionIndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        return actions_reported_on_by(self.request.user, super().get_base_queryset())


class PolicyActionEditView(ResponsiblePartnerObjectMixin, snippet_views.EditView):
    pass


class PolicyActionDeleteView(ResponsiblePartnerObjectMixin, snippet_views.DeleteView):
    object_permission = "delete"


class PolicyActionHistoryView(ResponsiblePartnerObjectMixin, snippet_views.HistoryView):
    pass


class PolicyActionUsageView(ResponsiblePartnerObjectMixin, snippet_views.UsageView):
    pass


class PolicyActionRevisionsCompareView(
    ResponsiblePartnerObjectMixin, snippet_views.RevisionsCompareView
):
    pass


class PolicyActionViewSet(SnippetViewSet):
    """Coordinators manage the actions; a responsible partner's editors post progress."""

    model = PolicyAction
    icon = "tasks"
    menu_label = gettext_lazy("Policy actions")
    # Progress as people read it ("30%"), not a bare "30".
    list_display = [
        "title",
        "building_block",
        "status",
        Column(
            "progress",
            label=gettext_lazy("progress"),
            accessor=lambda action: percent(action.progress),
        ),
        "due_on",
    ]
    list_filter = ["building_block", "status"]
    index_view_class = PolicyActionIndexView
    edit_view_class = PolicyActionEditView
    delete_view_class = PolicyActionDeleteView
    history_view_class = PolicyActionHistoryView
    usage_view_class = PolicyActionUsageView
    revisions_compare_view_class = PolicyActionRevisionsCompareView


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"


class BuildingBlockViewSet(SnippetViewSet):
    model = BuildingBlock
    icon = "folder-open-1"


class MunicipalityViewSet(SnippetViewSet):
    """The region's municipalities with their villages (regional coordinators only)."""

    model = Municipality
    icon = "home"
    list_display = ["name", "slug", "site"]


class PlatformViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Platform")
    menu_icon = "site"
    menu_order = 200
    items = (
        PartnerViewSet,
        PolicyActionViewSet,
        CategoryViewSet,
        BuildingBlockViewSet,
        MunicipalityViewSet,
        GlossaryTermViewSet,
    )


register_snippet(PlatformViewSetGroup)
narrow_workflow_report()
narrow_other_reports()
register_snippet(survey_admin.SurveyViewSet)


@hooks.register("construct_admin_api")
def partner_rules_in_the_admin_api(router):
    router.register_endpoint("pages", PartnerPagesAdminAPIViewSet)


@hooks.register("register_admin_viewset")
def register_contact_point_viewsets():
    return ContactPointViewSetGroup()


@hooks.register("register_admin_viewset")
def register_translators_viewset():
    return TranslatorAssignmentViewSet("translators")


@hooks.register("register_admin_viewset")
def register_translation_settings_viewset():
    return MunicipalTranslationSettingsViewSet("translation_settings")


@hooks.register("register_admin_viewset")
def register_taking_part_viewsets():
    return TakingPartViewSetGroup()


@hooks.register("insert_editor_css")
def one_language_per_screen_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/one-language.css"))


@hooks.register("register_admin_viewset")
def register_venue_viewset():
    return VenueViewSet("venues")


@hooks.register("register_admin_urls")
def register_make_venue():
    return [path("venues/from-activity/<int:page_id>/", make_venue_view, name="cms_make_venue")]


@hooks.register("register_page_header_buttons")
def make_venue_header_button(page, user, view_name, next_url=None):
    button = make_venue_button(page, user)
    if button is not None:
        yield button


@hooks.register("register_admin_urls")
def register_buddy_suggestions():
    return [path("buddies/suggestions/", buddy_suggestions_view, name="cms_buddy_suggestions")]


class BuddySuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_match(request.user)


@hooks.register("register_admin_menu_item")
def buddy_suggestions_menu_item():
    return BuddySuggestionsMenuItem(
        gettext_lazy("Buddy suggestions"),
        reverse("cms_buddy_suggestions"),
        icon_name="link",
        order=165,
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("two-factor/", TwoFactorSetupView.as_view(), name="cms_two_factor_setup"),
        path("two-factor/verify/", TwoFactorVerifyView.as_view(), name="cms_two_factor_verify"),
        path(
            "email-change/<str:token>/",
            EmailChangeConfirmView.as_view(),
            name="cms_email_change_confirm",
        ),
        path(
            "partners/<int:partner_id>/members/",
            PartnerMembersView.as_view(),
            name="cms_partner_members",
        ),
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="cms_translation_report",
        ),
        path("recurrence/preview/", preview_dates, name="cms_recurrence_preview"),
        path("reports/feedback/", FeedbackTotalsView.as_view(), name="cms_feedback_totals"),
        *survey_admin.admin_urls(),
        *calendar_admin.admin_urls(),
        *translation_desk.admin_urls(),
        *translation_coverage.admin_urls(),
    ]


@hooks.register("register_snippet_listing_buttons")
def survey_results_button(snippet, user, next_url=None):
    if isinstance(snippet, survey_admin.Survey):
        yield from survey_admin.listing_buttons(snippet, user)


@hooks.register("register_snippet_listing_buttons")
def partner_members_button(snippet, user, next_url=None):
    if isinstance(snippet, Partner) and is_coordinator(user):
        yield ListingButton(
            gettext_lazy("Members"),
            reverse("cms_partner_members", args=[snippet.pk]),
            icon_name="user",
            priority=20,
        )


@hooks.register("register_snippet_listing_buttons")
def partner_calendar_button(snippet, user, next_url=None):
    if isinstance(snippet, Partner):
        yield from calendar_admin.listing_buttons(snippet, user)


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        gettext_lazy("Translations to do"),
        reverse("cms_translation_report"),
        icon_name="globe",
        order=50,
    )


@hooks.register("register_admin_menu_item")
def register_translation_queue_menu_item():
    return translation_desk.QueueMenuItem(
        "Translation queue", reverse("cms_translation_queue"), icon_name="globe", order=170
    )


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return CoverageMenuItem(
        gettext_lazy("Translation coverage"),
        reverse("cms_translation_coverage"),
        icon_name="globe",
        order=55,
    )


@hooks.register("register_reports_menu_item")
def register_feedback_totals_menu_item():
    return FeedbackTotalsMenuItem(
        gettext_lazy("Was this clear?"), reverse("cms_feedback_totals"), icon_name="help", order=60
    )


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("cms_two_factor_setup"),
        "label": gettext_lazy("Two-factor authentication"),
        "help_text": gettext_lazy("Ask for a code from your phone when you log in."),
    }


@hooks.register("register_account_settings_panel")
def email_change_panel(request, user, profile):
    return EmailChangePanel(request, user, profile)


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action("wegwijs.member_invited", "Member invited", "Member invited")
    actions.register_action("wegwijs.email_changed", "E-mail changed", "E-mail changed")
    actions.register_action("wegwijs.member_added", "Member added", "Member added")
    actions.register_action("wegwijs.member_removed", "Member removed", "Member removed")


@hooks.register("register_admin_urls")
def register_glossary_sheets():
    return [
        path("glossary/<str:language>/", LanguageSheetView.as_view(), name="cms_glossary_sheet")
    ]


@hooks.register("register_admin_menu_item")
def glossary_sheet_menu_item():
    return MenuItem(
        "Style sheets and glossary",
        reverse("cms_glossary_sheet", args=["pl"]),
        icon_name="help",
        order=660,
    )


@hooks.register("register_admin_urls")
def register_translation_exchange():
    return [path("translations/xliff/", ExchangeView.as_view(), name="cms_translation_exchange")]


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request):
        return may_exchange(request.user)


@hooks.register("register_admin_menu_item")
def translation_exchange_menu_item():
    return ExchangeMenuItem(
        "Translation agencies", reverse("cms_translation_exchange"), icon_name="download", order=55
    )


@hooks.register("register_admin_urls")
def register_machine_drafts():
    return [path("translations/machine/", MachineDraftsView.as_view(), name="cms_machine_drafts")]


class MachineDraftsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_ask_drafts(request.user)


@hooks.register("register_admin_menu_item")
def machine_drafts_menu_item():
    return MachineDraftsMenuItem(
        "Machine drafts", reverse("cms_machine_drafts"), icon_name="globe", order=56
    )
