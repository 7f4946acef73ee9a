"""The glossary as the API and the site show it: every term, in the platform's order."""

from __future__ import annotations

from django.db.models import QuerySet

from cms.models import GlossaryTerm


def glossary_terms() -> QuerySet[GlossaryTerm]:
    """Every term of the glossary: one query."""
    return GlossaryTerm.objects.all()
