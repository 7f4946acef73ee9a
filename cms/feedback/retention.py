"""Free texts of feedback are erased ``FEEDBACK_TEXT_RETENTION_DAYS`` after the day given.

The yes/no and the reason stay (they are counts, not about anyone); the text
can hold a name or a story, so ``manage.py purge_feedback_text`` (daily from
cron) empties it once the editors have had time to read it.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from .models import PageFeedback


def purge_expired_texts(today: date) -> int:
    """Empty the texts given before the retention period; how many were erased."""
    cutoff = today - timedelta(days=settings.FEEDBACK_TEXT_RETENTION_DAYS)
    return PageFeedback.objects.filter(given_on__lt=cutoff).exclude(text="").update(text="")
