"""Guides: plain-language explanations of how things work in the Netherlands."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import BodyBlock
from ..glossary.panels import GlossaryPanel
from ..municipalities.shared_pages import SharedSectionMixin
from ..panels import FeedbackPanel, ReadabilityPanel, RegionalPanel
from ..permissions.pages import PartnerContentMixin, PlatformPageMixin
from ..translation.panels import TranslationStatusPanel
from ..translation.tracking import TranslationTrackedMixin


class GuideIndexPage(SharedSectionMixin, PlatformPageMixin, Page):
    """The list of all guides (`/guides/`)."""

    # Shared guides of other municipalities at this site's address (cms/municipalities/).
    shared_page_model = "cms.GuidePage"

    intro = models.TextField(blank=True)  # translated

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.GuidePage"]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide list")
        verbose_name_plural = _("guide lists")


class GuidePage(PartnerContentMixin, TranslationTrackedMixin, Page):
    """A guide such as "How the huisarts works", written by one partner.

    Each language's translation status (complete, missing, outdated) comes from
    ``TranslationTrackedMixin``. Only the author partner's editors may change it.
    """

    partner_field = "author"

    class Topic(models.TextChoices):
        HEALTHCARE = "healthcare", _("Healthcare")
        REGISTRATION = "registration", _("Registration")
        LANGUAGE = "language", _("Learning Dutch")
        SCHOOLS = "schools", _("Schools")
        WORK = "work", _("Work")
        HOUSING = "housing", _("Housing")
        EMERGENCY = "emergency", _("Emergency")

    summary = models.TextField(_("summary"), max_length=500)  # translated
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("text"))  # translated
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, db_index=True)
    author = models.ForeignKey(
        "cms.Partner", on_delete=models.PROTECT, related_name="guides", verbose_name=_("author")
    )
    # Where it is shown: every site of these municipalities lists it; empty
    # only on an install with a single municipality (``cms.municipalities.scoping``).
    municipalities = ParentalManyToManyField(
        "cms.Municipality", blank=True, related_name="guides", verbose_name=_("municipalities")
    )
    last_reviewed = models.DateField(_("last checked"), null=True, blank=True)
    # The guide read aloud, per language: {"pl": {"revision": 12, "path": ..., "bytes": ...,
    # "seconds": ...}}. Written by the background task (cms.read_aloud.tasks), never by
    # editors; kept on the page so that a detail view finds it without another query.
    read_aloud = models.JSONField(default=dict, blank=True, editable=False)
    read_aloud_parts = ("title", "summary", "body")

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        GlossaryPanel(),
        ReadabilityPanel(),
        FeedbackPanel(),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topic"),
        FieldPanel("author"),
        RegionalPanel([FieldPanel("municipalities")], heading=_("Municipality")),
        FieldPanel("last_reviewed"),
    ]
    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def with_content_json(self, content):
        """A revision's content, with the audio as it is now (audio is not part of a revision)."""
        page = super().with_content_json(content)
        page.read_aloud = self.read_aloud
        return page
