"""The fixed skeleton of the page tree: home, activities, guides, policy plan.

Content is imported or written under these pages; creating them is idempotent
so that migrations, the importer and tests can all call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
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


def _sections(home: HomePage) -> SiteStructure:
    sections = []
    for page_class, slug, titles in SECTIONS:
        section = page_class.objects.child_of(home).first()
        if section is None:
            section = home.add_child(instance=_titled(page_class, slug, titles))
        sections.append(section)
    return SiteStructure(home, *sections)


def _first_municipality(site: Site) -> None:
    """A site built on an empty database is the first municipality (as migration 0012 does)."""
    from .models import Municipality

    if not Municipality.objects.exists():
        name = settings.MUNICIPALITY_NAME or "Neder-Betuwe"
        Municipality.objects.create(
            site=site, slug=slugify(name), name=name, colour=settings.MUNICIPALITY_COLOUR
        )


@transaction.atomic
def ensure_site_structure() -> SiteStructure:
    """The first municipality's home and sections (the default site's), created if missing."""
    with translation.override("nl"):
        default_site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = None
        if default_site is not None and default_site.root_page.specific_class is HomePage:
            home = default_site.root_page.specific
        home = home or HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node() or _recreate_root()
            home = root.add_child(
                instance=_titled(HomePage, "wegwijs", {"nl": "Wegwijs", "en": "Wegwijs"})
            )
            site = default_site
            previous_root = site.root_page if site else None
            if site is None:
                site = Site.objects.create(
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
            _first_municipality(site)
        return _sections(home)


@transaction.atomic
def ensure_municipal_site(
    hostname: str, port: int, slug: str, name: str
) -> tuple[Site, SiteStructure]:
    """Another municipality's site: its own home page (under the tree's root) and sections.

    The first municipality keeps the home it always had; the pages of the
    others sit beside it, so that one tree holds every municipality's pages.
    """
    first = ensure_site_structure()
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if site is not None and site.root_page.specific_class is HomePage:
        return site, _sections(site.root_page.specific)
    with translation.override("nl"):
        root = first.home.get_parent()
        home = HomePage.objects.child_of(root).filter(slug=slug).first()
        if home is None:
            home = root.add_child(instance=_titled(HomePage, slug, {"nl": name, "en": name}))
        if site is None:
            site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
        else:
            site.root_page = home
            site.save()
        return site, _sections(home)


def structure_of(site: Site) -> SiteStructure:
    """The home and sections of an existing municipal site."""
    home = site.root_page.specific
    return SiteStructure(
        home,
        *(page_class.objects.child_of(home).get() for page_class, _, _ in SECTIONS),
    )
