"""Partners: the organisations of the platform coalition."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

from ..fields import LanguageCodesField


class Partner(RevisionMixin, models.Model):
    """An organisation of the platform: club, school, GGD, library, ...

    Partners organise activities and write guides; a partner's editors may only
    touch that partner's content. Creating a partner creates its editors' and
    contributors' groups (``cms.permissions.setup``); revisions keep who
    changed its profile.
    """

    class Type(models.TextChoices):
        ASSOCIATION = "association", "Association"
        SCHOOL = "school", "School"
        GGD = "ggd", "Public health service (GGD)"
        LIBRARY = "library", "Library"
        MUNICIPALITY = "municipality", "Municipality"
        WELFARE = "welfare", "Welfare organisation"
        SPORTS_CLUB = "sports_club", "Sports club"
        EMPLOYER = "employer", "Employer"
        RESIDENTS = "residents", "Residents' group"
        MIGRANT_ORGANISATION = "migrant_organisation", "Migrant organisation"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    type = models.CharField(max_length=30, choices=Type.choices)
    description = models.TextField(blank=True)  # translated
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.CharField(max_length=255, blank=True)
    lat = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lon = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    languages_spoken = LanguageCodesField()
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading="Contact"
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("lat"), FieldPanel("lon")], heading="Location"
        ),
        FieldPanel("languages_spoken"),
        FieldPanel("logo"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
