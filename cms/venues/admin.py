"""The "Venues" menu: partners keep their own places, the coordinator every one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import VenueForm
from .models import Venue
from .permissions import VenuePermissionPolicy, may_manage, usable_venues


class ManagedVenueMixin:
    """Refuse a venue the user does not manage, whatever the address says."""

    def get_object(self, *args, **kwargs):
        venue = super().get_object(*args, **kwargs)
        if not may_manage(self.request.user, venue):
            raise PermissionDenied
        return venue


class VenueIndexView(generic.IndexView):
    def get_base_queryset(self):
        return usable_venues(self.request.user).select_related("partner", "municipality")


class VenueEditView(ManagedVenueMixin, generic.EditView):
    pass


class VenueDeleteView(ManagedVenueMixin, generic.DeleteView):
    pass


class VenueHistoryView(ManagedVenueMixin, history.HistoryView):
    """Who changed a venue is for those who manage it, not for every partner's editor."""


class VenueUsageView(ManagedVenueMixin, usage.UsageView):
    """The activities held at a venue, drafts too: only for those who manage it (issue #21)."""


class VenueViewSet(ModelViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "address", "village", "municipality", "partner"]
    list_filter = ["municipality", "village"]
    search_fields = ["name", "address"]
    index_view_class = VenueIndexView
    edit_view_class = VenueEditView
    delete_view_class = VenueDeleteView
    history_view_class = VenueHistoryView
    usage_view_class = VenueUsageView
    permission_policy = VenuePermissionPolicy(Venue)
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("address"),
            FieldPanel("village"),
            FieldPanel("municipality"),
            FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            FieldPanel("accessibility"),
            FieldPanel("partner"),
        ],
        base_form_class=VenueForm,
    )
