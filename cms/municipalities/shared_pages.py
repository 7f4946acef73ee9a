"""Shared pages at every municipality's own address.

A guide or activity published to Neder-Betuwe and Tiel lives once, under the
sections of the first municipality it is published to (docs/architecture.md).
Tiel's lists link it at Tiel's own address (``/pl/activiteiten/<slug>/`` on
Tiel's host), so Tiel's section must answer there too: with a page of its own
of that slug first, else with the shared page published to Tiel. The page is
the same; its address, canonical link, sharing card and offline copy are then
Tiel's, as a visitor of Tiel's site expects. A page not published to Tiel stays
a 404 there.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.apps import apps
from django.http import Http404
from wagtail.models import Page

from ..publishing import published
from .lookup import is_regional
from .registry import MunicipalityInfo, municipalities


def section_municipality(section: Page) -> MunicipalityInfo | None:
    """The municipality whose home the section page sits under (no query)."""
    return next((m for m in municipalities() if section.path.startswith(m.root_path)), None)


def shared_page(model: type[Page], slug: str, municipality: MunicipalityInfo) -> Page | None:
    """The published page of ``model`` called ``slug`` that is shown in ``municipality``."""
    found = published(model.objects.all()).filter(slug=slug, municipalities=municipality.pk)
    return found.first()


class SharedSectionMixin:
    """For a section page (activities, guides): serve the shared pages of its municipality.

    ``shared_page_model`` names the section's page type (``"cms.ActivityPage"``).
    """

    shared_page_model: ClassVar[str]

    def route(self, request: Any, path_components: list[str]) -> Any:
        try:
            found = super().route(request, path_components)
        except Http404:
            # Only a page directly in the section, and only where there are several sites.
            if len(path_components) != 1 or not is_regional():
                raise
            municipality = section_municipality(self)
            model = apps.get_model(self.shared_page_model)
            page = shared_page(model, path_components[0], municipality) if municipality else None
            if page is None:
                raise
            return page.route(request, [])
        if len(path_components) == 1 and is_regional():
            refuse_where_not_published(found.page, section_municipality(self))
        return found


def refuse_where_not_published(page: Page, municipality: MunicipalityInfo | None) -> None:
    """A 404 for a shared page at the home it lives under, once it is no longer published there.

    A guide that lives under Neder-Betuwe's sections and is now published to
    Tiel only must leave Neder-Betuwe's site, as it left its lists: a coordinator
    who takes a text off a municipality's site expects its old link to stop
    working there too. A page published to none keeps answering at its home
    (nothing was taken away from it).
    """
    shown_in = getattr(page, "municipalities", None)
    if municipality is None or shown_in is None:
        return
    published_to = {shown.pk for shown in shown_in.all()}
    if published_to and municipality.pk not in published_to:
        raise Http404
