"""The site's root page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..permissions.pages import PlatformPageMixin


class HomePage(PlatformPageMixin, Page):
    """The platform's home: what's on this week, categories, the language choice."""

    intro = models.TextField(blank=True)  # translated

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.ActivityIndexPage", "cms.GuideIndexPage", "cms.PolicyPlanPage"]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
