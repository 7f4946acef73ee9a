"""Partners: the organisations of the platform coalition."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

from ..fields import LanguageCodesField
from ..safe_html import is_web_address


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
    # The municipalities the partner works in: its editors publish there, and
    # its activities and guides may be published to these (``cms.municipalities``).
    municipalities = models.ManyToManyField("cms.Municipality", blank=True, related_name="partners")

    # The partner's own calendar feed (``cms.calendars``): its events become
    # the partner's activities, so nobody types them twice.
    calendar_url = models.CharField(
        "calendar feed",
        max_length=500,
        blank=True,
        help_text="The .ics or webcal:// address of the calendar you already keep.",
    )
    calendar_category = models.ForeignKey(
        "cms.Category",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The category the calendar's activities get.",
    )
    calendar_languages = LanguageCodesField(
        "languages offered", help_text="Languages spoken at the calendar's activities."
    )
    # Where the feed's titles and descriptions are stored (``cms.calendars.syncing``).
    calendar_language = models.CharField(
        _("language of the feed"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.SOURCE_LANGUAGE,
        help_text=_("The language the calendar's titles and descriptions are written in."),
    )
    calendar_publish = models.BooleanField(
        "publish directly",
        default=False,
        help_text="Off: the calendar's activities come in as drafts for review.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("municipalities"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading="Contact"
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("lat"), FieldPanel("lon")], heading="Location"
        ),
        FieldPanel("languages_spoken"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("calendar_url"),
                FieldPanel("calendar_category"),
                FieldPanel("calendar_language"),
                FieldPanel("calendar_languages"),
                FieldPanel("calendar_publish"),
            ],
            heading="Calendar feed",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.calendar_url:
            url = self.calendar_url.strip()
            if url.lower().startswith("webcal://"):
                url = "https://" + url[len("webcal://") :]
            errors = {}
            if not is_web_address(url):
                errors["calendar_url"] = "Give an https:// or webcal:// address."
            if self.calendar_category_id is None:
                errors["calendar_category"] = "Choose the category of the calendar's activities."
            if errors:
                raise ValidationError(errors)
