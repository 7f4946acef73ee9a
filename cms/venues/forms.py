"""The venue form: an editor adds venues for their own partner only."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..permissions.pages import restrict_partner_choice
from ..permissions.roles import is_coordinator
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
