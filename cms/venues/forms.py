"""The venue form: an editor adds venues for their own partner only."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import Municipality
from ..permissions.pages import restrict_partner_choice
from ..permissions.roles import (
    coordinated_municipality_ids,
    editor_partner_ids,
    is_coordinator,
    partner_ids,
)
from .activity_place import village_choices


class VenueForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        restrict_partner_choice(self, "partner", self.for_user)
        if "village" in self.fields:
            self.fields["village"].widget = forms.Select(choices=village_choices())
        partner = self.fields.get("partner")
        if partner is not None and not is_coordinator(self.for_user):
            # Only the coordinator keeps the platform's own venues.
            partner.required = True
            partner.empty_label = None
            partner.help_text = _("The partner whose venue this is.")
        self._offer_own_municipalities()

    def _offer_own_municipalities(self) -> None:
        """Offer the municipalities the person works in; a municipality coordinator must choose.

        A municipality coordinator keeps the platform's venues of their own
        municipality only, so for them the municipality is not left to the
        village (a "Centrum" may lie in the neighbour's) and no partner is needed.
        """
        field = self.fields.get("municipality")
        user = self.for_user
        if field is None or user is None or is_coordinator(user):
            return
        coordinated = coordinated_municipality_ids(user)
        field.queryset = Municipality.objects.filter(
            Q(pk__in=coordinated) | Q(partners__in=partner_ids(user))
        ).distinct()
        if coordinated and not editor_partner_ids(user):
            field.required = True
            field.queryset = Municipality.objects.filter(pk__in=coordinated)
            partner = self.fields.get("partner")
            if partner is not None:
                partner.required = False
