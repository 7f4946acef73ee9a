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
        ASSOCIATION = "association", _("Association")
        SCHOOL = "school", _("School")
        GGD = "ggd", _("Public health service (GGD)")
        LIBRARY = "library", _("Library")
        MUNICIPALITY = "municipality", _("Municipality")
        WELFARE = "welfare", _("Welfare organisation")
        SPORTS_CLUB = "sports_club", _("Sports club")
        EMPLOYER = "employer", _("Employer")
        RESIDENTS = "residents", _("Residents' group")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    description = models.TextField(_("description"), blank=True)  # translated
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    lat = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    lon = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    languages_spoken = LanguageCodesField(_("languages spoken"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    # The municipalities the partner works in: its editors publish there, and
    # its activities and guides may be published to these (``cms.municipalities``).
    municipalities = models.ManyToManyField(
        "cms.Municipality", blank=True, related_name="partners", verbose_name=_("municipalities")
    )

    # The partner's own calendar feed (``cms.calendars``): its events become
    # the partner's activities, so nobody types them twice.
    calendar_url = models.CharField(
        _("calendar feed"),
        max_length=500,
        blank=True,
        help_text=_("The .ics or webcal:// address of the calendar you already keep."),
    )
    calendar_category = models.ForeignKey(
        "cms.Category",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("category of the calendar's activities"),
        help_text=_("The category the calendar's activities get."),
    )
    calendar_languages = LanguageCodesField(
        _("languages offered"), help_text=_("Languages spoken at the calendar's activities.")
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
        _("publish directly"),
        default=False,
        help_text=_("Off: the calendar's activities come in as drafts for review."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("municipalities"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("lat"), FieldPanel("lon")], heading=_("Location")
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
            heading=_("Calendar feed"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

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
                errors["calendar_url"] = _("Give an https:// or webcal:// address.")
            if self.calendar_category_id is None:
                errors["calendar_category"] = _("Choose the category of the calendar's activities.")
            if errors:
                raise ValidationError(errors)
