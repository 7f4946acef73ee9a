"""The fixed skeleton of the page tree: home, activities, guides, policy plan.

Content is imported or written under these pages; creating them is idempotent
so that migrations, the importer and tests can all call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import ActivityIndexPage, GuideIndexPage, HomePage, PolicyPlanPage

# Dutch titles and fixed slugs: the site's URLs are /activiteiten/, ... in every
# language, since slugs are not translated.
SECTIONS = (
    (ActivityIndexPage, "activiteiten", {"nl": "Activiteiten", "en": "Activities"}),
    (GuideIndexPage, "wegwijzers", {"nl": "Wegwijzers", "en": "Guides"}),
    (PolicyPlanPage, "beleidsplan", {"nl": "Beleidsplan", "en": "Policy plan"}),
)


@dataclass(frozen=True)
class SiteStructure:
    home: HomePage
    activities: ActivityIndexPage
    guides: GuideIndexPage
    policy_plan: PolicyPlanPage


def _titled(page_class, slug: str, titles: dict[str, str]):
    page = page_class(slug=slug, title=titles["nl"])
    for code, text in titles.items():
        setattr(page, f"title_{code}", text)
    return page


def _recreate_root() -> Page:
    """The tree's root and default locale, as Wagtail's migrations make them.

    Only needed after a database flush (browser tests empty every table between
    tests), which removes rows that migrations created.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("nl"))
    return Page.add_root(
        instance=Page(
            title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
        )
    )


@transaction.atomic
def ensure_site_structure() -> SiteStructure:
    with translation.override("nl"):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node() or _recreate_root()
            home = root.add_child(
                instance=_titled(HomePage, "wegwijs", {"nl": "Wegwijs", "en": "Wegwijs"})
            )
            site = Site.objects.filter(is_default_site=True).first()
            previous_root = site.root_page if site else None
            if site is None:
                Site.objects.create(
                    hostname="localhost", root_page=home, is_default_site=True, site_name="Wegwijs"
                )
            else:
                site.root_page = home
                site.site_name = "Wegwijs"
                site.save()
            # Wagtail's own "Welcome" page is empty scaffolding; remove it.
            if (
                previous_root
                and previous_root.specific_class is Page
                and not previous_root.get_children().exists()
            ):
                previous_root.delete()
        sections = []
        for page_class, slug, titles in SECTIONS:
            section = page_class.objects.child_of(home).first()
            if section is None:
                section = home.add_child(instance=_titled(page_class, slug, titles))
            sections.append(section)
    return SiteStructure(home, *sections)
