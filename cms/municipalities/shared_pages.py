"""Shared pages on every site they are published to, not only where they live in the tree.

An activity or guide lives once, under the sections of the first municipality
it is published to (``docs/architecture.md``, "Regions"); the other
municipalities' lists show it and link it at their own host, and their posters'
QR codes open it there. Wagtail routes a path only to the children of a
section, so ``/activiteiten/<slug>/`` on Tiel's host found nothing for the
GGD's consultation that lives under Neder-Betuwe's. A section therefore also
serves, by slug, a live page of its kind published to its own municipality.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.apps import apps
from django.http import Http404
from wagtail.url_routing import RouteResult

from .lookup import for_page, is_regional


def shared_page(section: Any, model_label: str, slug: str) -> Any | None:
    """The live ``model_label`` page ``slug`` published to the municipality of ``section``."""
    municipality = for_page(section.path)
    if municipality is None or not is_regional():
        return None
    model = apps.get_model(model_label)
    return model.objects.live().filter(slug=slug, municipalities=municipality.pk).first()


class SharedSectionMixin:
    """For the sections (activities, guides): also route to pages shared with this site.

    ``shared_page_model``: the label of the page type the section holds. Put it
    first in the bases.
    """

    shared_page_model: ClassVar[str]

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            page = shared_page(self, self.shared_page_model, path_components[0])
            if page is None:
                raise
            return RouteResult(page)
