"""Pages whose readers found the translation hard to understand, for one language's translators.

"The translation is hard to understand" is a message for the people who
translate into that language, not for the Dutch author. The translation desk
(branch ``desk``: a translator role per language and its queue) lists this
beside what is missing or outdated; this is the one query it calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max

from .models import FeedbackReason, PageFeedback


@dataclass(frozen=True)
class UnclearTranslation:
    page_id: int
    title: str
    reports: int
    last_reported: date


def unclear_translations(language: str, limit: int = 50) -> list[UnclearTranslation]:
    """Pages with "translation hard to understand" in ``language``, most reports first: 1 query."""
    rows = (
        PageFeedback.objects.filter(
            language=language, clear=False, reason=FeedbackReason.TRANSLATION
        )
        .values("page_id", "page__title")
        .annotate(reports=Count("pk"), last_reported=Max("given_on"))
        .order_by("-reports", "-last_reported", "page_id")[:limit]
    )
    return [
        UnclearTranslation(row["page_id"], row["page__title"], row["reports"], row["last_reported"])
        for row in rows
    ]
