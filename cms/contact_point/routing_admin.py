"""The admin's question routing, per municipality (``cms.permissions.municipal_rows``).

A route names the municipality whose questions it routes; a regional
coordinator may leave it empty (every municipality without a route of its
own). A route may only send a municipality's questions to a partner that
works in that municipality: its people would read them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic

from ..permissions.municipal_rows import (
    MunicipalRowListingMixin,
    MunicipalRowObjectMixin,
    narrow_municipality_choice,
)


class RoutingForm(WagtailAdminModelForm):
    """Topic, partner, municipality; a municipality's coordinator chooses among their own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        narrow_municipality_choice(self, self.for_user)

    def clean(self):
        cleaned = super().clean()
        partner, municipality = cleaned.get("partner"), cleaned.get("municipality")
        if (
            partner is not None
            and municipality is not None
            and not partner.municipalities.filter(pk=municipality.pk).exists()
        ):
            self.add_error(
                "partner",
                ValidationError(
                    _("%(partner)s does not work in %(municipality)s."),
                    code="elsewhere",
                    params={"partner": partner, "municipality": municipality},
                ),
            )
        return cleaned


class RoutingIndexView(MunicipalRowListingMixin, generic.IndexView):
    pass


class RoutingEditView(MunicipalRowObjectMixin, generic.EditView):
    pass


class RoutingDeleteView(MunicipalRowObjectMixin, generic.DeleteView):
    pass
