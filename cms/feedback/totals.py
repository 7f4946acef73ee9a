"""Counts of feedback: per page and language for its editors, per language for the coordinator."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import FeedbackReason, PageFeedback


@dataclass
class Tally:
    language: str
    clear: int = 0
    unclear: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


def tallies(feedback) -> list[Tally]:
    """Yes, no and each reason, per language (most answers first)."""
    rows = feedback.values("language").annotate(
        clear_count=Count("pk", filter=Q(clear=True)),
        unclear_count=Count("pk", filter=Q(clear=False)),
        **{
            f"reason_{reason.value}": Count("pk", filter=Q(clear=False, reason=reason.value))
            for reason in FeedbackReason
        },
    )
    result = [
        Tally(
            language=row["language"],
            clear=row["clear_count"],
            unclear=row["unclear_count"],
            reasons={reason.label: row[f"reason_{reason.value}"] for reason in FeedbackReason},
        )
        for row in rows
    ]
    return sorted(result, key=lambda t: (-(t.clear + t.unclear), t.language))


def page_tallies(page_id: int) -> list[Tally]:
    return tallies(PageFeedback.objects.filter(page_id=page_id))


def recent_texts(page_id: int, limit: int = 20) -> list[PageFeedback]:
    """The free texts not yet erased, newest first."""
    return list(
        PageFeedback.objects.filter(page_id=page_id)
        .exclude(text="")
        .order_by("-given_on", "-pk")[:limit]
    )
