""" "Published to this municipality", as queryset filters.

On an install with one municipality nothing is filtered: content written
before regions existed, or without a municipality, keeps showing exactly as
before. With several, shared content (partners, activities, guides) shows
where its ``municipalities`` say; what a municipality holds for itself
(plan, surveys) shows on its own site only.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .lookup import is_regional
from .registry import MunicipalityInfo


def published_to(items: QuerySet, municipality: MunicipalityInfo | None) -> QuerySet:
    """Partners, activities or guides whose ``municipalities`` include ``municipality``."""
    if municipality is None or not is_regional():
        return items
    return items.filter(municipalities=municipality.pk)


def held_by(items: QuerySet, municipality: MunicipalityInfo | None) -> QuerySet:
    """Surveys, questions, routing: rows whose ``municipality`` is ``municipality``."""
    if municipality is None or not is_regional():
        return items
    return items.filter(municipality=municipality.pk)


def under_home(pages: QuerySet, municipality: MunicipalityInfo | None) -> QuerySet:
    """Pages in the municipality's own part of the tree (its plan, its sections)."""
    if municipality is None or not is_regional():
        return pages
    return pages.filter(path__startswith=municipality.root_path)
