"""The platform's fixed vocabularies: activity categories and the policy plan's blocks.

Both are seeded by a data migration with names in every language; the
coordinator may rename them, but their slugs are part of the API contract.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Category(models.Model):
    """What an activity is about (`language`, `sport`, `health`, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)  # translated
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("slug"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name or self.slug


class BuildingBlock(models.Model):
    """One of the five building blocks of the council's policy plan."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")

    def __str__(self) -> str:
        return self.name or self.slug
