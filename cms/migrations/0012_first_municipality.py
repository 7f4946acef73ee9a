"""The database as it was becomes the first municipality of its region, with nothing lost.

Its site (the default one), the villages that were hard-coded in
``cms/places.py`` (Neder-Betuwe's), and every partner, activity, guide,
survey, question and question route are assigned to it; no page moves, so
every URL stays what it was. Name and colour come from the settings that used
to hold them (``MUNICIPALITY_NAME``, ``MUNICIPALITY_COLOUR``).
"""

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify

# The list cms/places.py held until regions: (slug, name, lat, lon); radius 1.5 km.
NEDER_BETUWE_VILLAGES = (
    ("dodewaard", "Dodewaard", 51.9150, 5.6500),
    ("echteld", "Echteld", 51.9086, 5.5012),
    ("hien", "Hien", 51.9050, 5.6735),
    ("ijzendoorn", "IJzendoorn", 51.9013, 5.5331),
    ("kesteren", "Kesteren", 51.9350, 5.5685),
    ("ochten", "Ochten", 51.9115, 5.5740),
    ("opheusden", "Opheusden", 51.9305, 5.6340),
)


def first_municipality(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Municipality = apps.get_model("cms", "Municipality")
    Village = apps.get_model("cms", "Village")
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if site is None or Municipality.objects.exists():
        return
    name = getattr(settings, "MUNICIPALITY_NAME", "") or "Neder-Betuwe"
    municipality = Municipality.objects.create(
        site=site,
        slug=slugify(name) or "neder-betuwe",
        name=name,
        languages=[],
        colour=getattr(settings, "MUNICIPALITY_COLOUR", "") or "#1f7a3a",
    )
    Village.objects.bulk_create(
        Village(municipality=municipality, slug=slug, name=title, lat=lat, lon=lon, sort_order=i)
        for i, (slug, title, lat, lon) in enumerate(NEDER_BETUWE_VILLAGES)
    )
    for model_name in ("Partner", "ActivityPage", "GuidePage"):
        through = apps.get_model("cms", model_name).municipalities.through
        owner = f"{model_name.lower()}_id"
        ids = apps.get_model("cms", model_name).objects.values_list("pk", flat=True)
        through.objects.bulk_create(
            through(**{owner: pk, "municipality_id": municipality.pk}) for pk in ids
        )
    for model_name in ("Survey", "Question", "TopicResponsibility"):
        apps.get_model("cms", model_name).objects.update(municipality=municipality)


class Migration(migrations.Migration):
    dependencies = [("cms", "0011_municipalities")]

    operations = [migrations.RunPython(first_municipality, migrations.RunPython.noop)]
