"""Where the coordinator names translators: a person, a language, and optionally the municipality
they translate for (``scope``: empty, every municipality)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..permissions.coordinator_only import CoordinatorOnlyPermissionPolicy
from .translators import TranslatorAssignment


class TranslatorAssignmentViewSet(ModelViewSet):
    """Coordinators only: a translator changes texts of their language, so who they are matters."""

    model = TranslatorAssignment
    icon = "globe"
    menu_label = _("Translators")
    add_to_admin_menu = True
    menu_order = 175
    copy_view_enabled = False
    form_fields = ["user", "language", "site"]
    permission_policy = CoordinatorOnlyPermissionPolicy(TranslatorAssignment)
    list_display = [
        TitleColumn("user", label=_("Translator"), url_name="translators:edit"),
        Column("language", label=_("Language")),
        Column("site", label=_("Municipality")),
    ]
