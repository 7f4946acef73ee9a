"""Venues lie in a municipality; existing ones are placed by their village, or their point."""

import math

import django.db.models.deletion
from django.db import migrations, models


def _km(a, b):
    # The same great-circle distance as cms.geo, written out: a migration keeps
    # working when the module it would import changes.
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_venues(apps, schema_editor):
    """Each venue goes to the one municipality that has its village (or its point); else none."""
    Venue = apps.get_model("cms", "Venue")
    Village = apps.get_model("cms", "Village")
    villages = list(Village.objects.all())
    for venue in Venue.objects.filter(municipality__isnull=True):
        if venue.village:
            holding = {v.municipality_id for v in villages if v.slug == venue.village}
        elif venue.lat is not None and venue.lon is not None:
            holding = {
                v.municipality_id
                for v in villages
                if _km((venue.lat, venue.lon), (v.lat, v.lon)) <= v.radius_km
            }
        else:
            holding = set()
        if len(holding) == 1:
            Venue.objects.filter(pk=venue.pk).update(municipality_id=holding.pop())


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0029_municipality_labels_in_the_editors_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="venue",
            name="municipality",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty: the municipality of the village.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="venues",
                to="cms.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.RunPython(place_venues, migrations.RunPython.noop),
    ]
