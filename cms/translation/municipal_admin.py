"""Where a coordinator sets each municipality's machine budget and languages published unreviewed.

Coordinators only, as for naming translators: the choice puts unreviewed text
on a municipality's site, and the budget is that municipality's money.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..permissions.coordinator_only import CoordinatorOnlyPermissionPolicy
from .municipal import MunicipalTranslationSettings


class MunicipalTranslationSettingsViewSet(ModelViewSet):
    """Settings → Translation per municipality: a row per municipality, from the defaults."""

    model = MunicipalTranslationSettings
    icon = "globe"
    menu_label = _("Translation per municipality")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = [
        "municipality",
        "machine_characters_per_month",
        "publish_machine_drafts_in",
        "review_required",
    ]
    permission_policy = CoordinatorOnlyPermissionPolicy(MunicipalTranslationSettings)
    list_display = [
        TitleColumn("municipality", label=_("Municipality"), url_name="translation_settings:edit"),
        Column("monthly_characters", label=_("Machine characters per month")),
        Column("publish_machine_drafts_in", label=_("Published unreviewed in")),
        Column("review_required", label=_("Second translator reviews")),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        # A new row starts from the installation's defaults (the environment's settings).
        form_class.base_fields["publish_machine_drafts_in"].initial = list(
            settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES
        )
        return form_class
