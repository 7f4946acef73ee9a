"""A glossary term: a Dutch word of the system (BSN, huisarts, ...) and what it means.

``term`` is translated like every text: in Polish it holds the approved Polish
word for the concept ("numer BSN"), which translators must use, and which the
site links to the glossary. ``explanation`` is one or two plain sentences.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class GlossaryTerm(models.Model):
    """One term; ``term_nl`` is the Dutch source word, the other columns its approved words."""

    slug = models.SlugField(
        unique=True, help_text="Stable identifier: the term's anchor on the glossary page."
    )
    term = models.CharField(max_length=100)  # translated
    explanation = models.TextField(max_length=600)  # translated
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("term"),
        FieldPanel("explanation"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term_nl or self.slug
