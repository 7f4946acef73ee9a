"""Where an activity is held, as the activity form asks it: a venue, or a one-off place.

The volunteer picks a venue from the ones their partner may use (its own and
the platform's). For a one-off place they type a name and an address and
choose the village; the village's centre is then the activity's point unless
exact coordinates are given. Nobody has to know a latitude.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..places import VILLAGES, VILLAGES_BY_SLUG, Village
from .permissions import usable_venues


def village_at(lat: float | None, lon: float | None) -> Village | None:
    """The village whose centre is exactly this point (a one-off place placed by village)."""
    if lat is None or lon is None:
        return None
    for village in VILLAGES:
        if abs(village.lat - lat) < 1e-6 and abs(village.lon - lon) < 1e-6:
            return village
    return None


class ActivityPlaceFormMixin(forms.Form):
    """Adds the venue choice and the one-off place's village to a page form."""

    location_village = forms.ChoiceField(
        label=_("Village"),
        required=False,
        choices=[("", "---------")] + [(village.slug, village.name) for village in VILLAGES],
        help_text=_("For a one-off place: the village, so that people nearby find it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        venue = self.fields.get("venue")
        if venue is not None:
            # A plain select: the chooser modal would list every partner's venues.
            venue.widget = forms.Select()
            venue.queryset = usable_venues(self.for_user, keep=self.instance.venue_id)
            venue.empty_label = _("A one-off place (below)")
        if not self.is_bound:
            found = village_at(self.instance.lat, self.instance.lon)
            if found:
                self.initial["location_village"] = found.slug

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("venue") is None:
            village = VILLAGES_BY_SLUG.get(cleaned.get("location_village") or "")
            lat, lon = cleaned.get("lat"), cleaned.get("lon")
            # Exact coordinates win; a point that is a village's centre follows the village.
            if village and (lat is None and lon is None or village_at(lat, lon)):
                cleaned["lat"], cleaned["lon"] = village.lat, village.lon
        return cleaned
