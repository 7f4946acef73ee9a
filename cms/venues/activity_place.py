"""Where an activity is held, as the activity form asks it: a venue, or a one-off place.

The volunteer picks a venue from the ones their partner may use (its own and
the platform's). For a one-off place they type a name and an address and
choose the village; the village's centre is then the activity's point unless
exact coordinates are given. Nobody has to know a latitude.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..places import Village, village, villages
from .permissions import usable_venues


def village_at(lat: float | None, lon: float | None) -> Village | None:
    """The village whose centre is exactly this point (a one-off place placed by village)."""
    if lat is None or lon is None:
        return None
    for place in villages():
        if abs(place.lat - lat) < 1e-6 and abs(place.lon - lon) < 1e-6:
            return place
    return None


def village_choices() -> list[tuple[str, str]]:
    """Every municipality's villages, once each, for a select."""
    seen: dict[str, str] = {}
    for place in villages():
        seen.setdefault(place.slug, place.name)
    return [("", "---------"), *seen.items()]


class ActivityPlaceFormMixin(forms.Form):
    """Adds the venue choice and the one-off place's village to a page form."""

    location_village = forms.ChoiceField(
        label=_("Village"),
        required=False,
        choices=[],
        help_text=_("For a one-off place: the village, so that people nearby find it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The villages are data (cms.places): read them when the form is made.
        self.fields["location_village"].choices = village_choices()
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
            chosen = village(cleaned.get("location_village") or "")
            lat, lon = cleaned.get("lat"), cleaned.get("lon")
            # Exact coordinates win; a point that is a village's centre follows the village.
            if chosen and (lat is None and lon is None or village_at(lat, lon)):
                cleaned["lat"], cleaned["lon"] = chosen.lat, chosen.lon
        return cleaned
