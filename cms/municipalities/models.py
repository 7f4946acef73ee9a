"""A municipality is a Wagtail ``Site`` with a name, villages, languages and branding.

Why on ``Site``: Wagtail already matches a request's host to a site and gives
each site its own root page, so each municipality gets its own host and home
page without a second routing mechanism. Everything a municipality holds for
itself (its plan, surveys, questions, coordinators) points at ``Municipality``;
content that can be shared (partners, activities, guides) has a many-to-many
``municipalities`` instead (see ``docs/architecture.md``, "Regions").
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Site

from ..fields import LanguageCodesField

COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Give a colour as #rrggbb.")


class Municipality(ClusterableModel):
    """One municipality of the region, served at its own site (host and home page).

    ``languages`` is the order the site offers them in (a subset of the
    platform's 13; empty: all, in the platform's order). ``coordinators`` is
    the Django group of the people who manage this municipality only; the
    regional coordinators (``cms.permissions.roles``) manage every one.
    """

    site = models.OneToOneField(
        Site, on_delete=models.PROTECT, related_name="municipality", verbose_name=_("site")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    languages = LanguageCodesField(
        _("languages offered"), help_text=_("In the order the site offers them; empty: all.")
    )
    colour = models.CharField(_("colour"), max_length=7, default="#1f7a3a", validators=[COLOUR])
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    privacy_contact = models.EmailField(
        _("privacy contact"),
        blank=True,
        help_text=_("Where residents ask about their personal data."),
    )
    coordinators = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="coordinated_municipality",
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("site"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("colour"), FieldPanel("logo"), FieldPanel("privacy_contact")],
            heading=_("Branding and privacy"),
        ),
        InlinePanel("villages", heading=_("Villages"), label=_("Village")),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Village(Orderable):
    """A named point with a radius: the "where" filter and the surveys' village.

    Choosing one asks the activity query for activities ``near`` it, exactly as
    "near me" does with the visitor's position. The radius covers the village
    and stops short of the next one.
    """

    municipality = ParentalKey(Municipality, on_delete=models.CASCADE, related_name="villages")
    slug = models.SlugField(_("slug"), max_length=60)
    name = models.CharField(_("name"), max_length=120)
    lat = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lon = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    radius_km = models.FloatField(
        _("radius (km)"), default=1.5, validators=[MinValueValidator(0.1), MaxValueValidator(50)]
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("lat"),
        FieldPanel("lon"),
        FieldPanel("radius_km"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="one_village_per_slug")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def near(self) -> str:
        return f"{self.lat},{self.lon}"
