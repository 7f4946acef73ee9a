"""A venue: a named place with an address, a point on the map and notes on access.

A volunteer who adds the weekly training picks "Sporthal De Eng" instead of
typing an address and two coordinates every time. A venue belongs to the
partner that manages it (a club's own clubhouse), or to no partner: then it is
the platform's, kept by the coordinator, and every partner may hold activities
there (the village hall, the library).

The village is the slug of one of the municipalities' villages (``cms.places``,
data since regions): a slug, not a foreign key, because the survey answers,
the site's "where" filter and the import all name villages by slug, and a
venue keeps working when a coordinator re-creates a village with the same slug.

A venue lies in a municipality (since regions): a village's slug alone does
not say which, as two municipalities may each have a "Centrum". The
municipality is what an activity held there is published to by default
(``cms.municipalities.defaults``); when the editor leaves it empty it follows
from the village, or from the point, where exactly one municipality has it.

An activity held at a venue keeps a copy of the venue's name, address and
point in its own location columns (``cms.venues.sync``): the API's
``location``, the ``near`` filter (an index on the activity's lat/lon), the
calendar feed and the search index read those and stay exactly as they were.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..geo import distance_km
from ..municipalities.lookup import by_pk, municipalities
from ..places import village as find_village


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=255)
    village = models.CharField(
        _("village"),
        max_length=60,
        blank=True,
        help_text=_("The slug of one of the villages of a municipality."),
    )
    # Empty: the village's centre is used (close enough for "near me").
    lat = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional: without it, the centre of the village is used."),
    )
    lon = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, lift, accessible toilet, parking: what a visitor needs."),
    )
    partner = models.ForeignKey(
        "cms.Partner",
        verbose_name=_("managed by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="venues",
        help_text=_("Empty: a venue of the platform, which every partner may use."),
    )

    municipality = models.ForeignKey(
        "cms.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        # A municipality leaving the region must not take partners' places with it.
        on_delete=models.SET_NULL,
        related_name="venues",
        help_text=_("Empty: the municipality of the village."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.address}" if self.address else self.name

    def clean(self) -> None:
        super().clean()
        if (self.lat is None) != (self.lon is None):
            field = "lon" if self.lon is None else "lat"
            raise ValidationError({field: _("Give both latitude and longitude, or neither.")})
        if self.village and find_village(self.village) is None:
            raise ValidationError({"village": _("Choose one of the villages.")})
        if self.lat is None and not self.village:
            raise ValidationError({"village": _("Choose the village, or give the coordinates.")})
        self._place_in_municipality()

    def _place_in_municipality(self) -> None:
        """Check the village against the chosen municipality, or find the municipality."""
        chosen = by_pk(self.municipality_id) if self.municipality_id else None
        if chosen is not None:
            if self.village and find_village(self.village, chosen) is None:
                raise ValidationError(
                    {
                        "village": _("Choose one of the villages of %(name)s.")
                        % {"name": chosen.name}
                    }
                )
            return
        if self.village:
            holding = [m for m in municipalities() if find_village(self.village, m)]
        else:
            holding = [
                m
                for m in municipalities()
                if any(
                    distance_km((self.lat, self.lon), (v.lat, v.lon)) <= v.radius_km
                    for v in m.villages
                )
            ]
        if len(holding) == 1:
            self.municipality_id = holding[0].pk
        elif len(holding) > 1:
            raise ValidationError(
                {"municipality": _("Several municipalities have this village: choose one.")}
            )

    @property
    def point(self) -> tuple[float, float] | None:
        """Where the venue is: its own coordinates, else its village's centre."""
        if self.lat is not None and self.lon is not None:
            return (self.lat, self.lon)
        village = find_village(self.village) if self.village else None
        return (village.lat, village.lon) if village else None
