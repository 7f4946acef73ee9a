"""Erasing the personal data in questions once the retention period is over.

What a person typed (the question, the way to reach them) and what was
written back to them (the answer) may hold names, addresses, an employer's
name: all of it is erased. A question is erased

- ``QUESTION_RETENTION_DAYS`` (default 90) after it was asked, whatever its
  status: the promise on the form is "at most 90 days", also for questions
  nobody answered;
- or ``QUESTION_CLOSED_RETENTION_DAYS`` (default 30) after it was closed, if
  that comes first: a closed question has served its purpose, and the month
  leaves time for the asker to call back about the answer.

What stays is anonymous and feeds the coordinator's overview: topic,
language, status, the partner who handled it, and the *day* of each step (the
times of day are cut off, so that a question cannot be matched to a message
sent at the same minute).

``manage.py purge_question_data`` runs this; cron runs that daily (README).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import Question


def expired_questions(now: datetime) -> QuerySet[Question]:
    """Questions still holding personal data that they should no longer hold at ``now``."""
    asked_before = now - timedelta(days=settings.QUESTION_RETENTION_DAYS)
    closed_before = now - timedelta(days=settings.QUESTION_CLOSED_RETENTION_DAYS)
    return Question.objects.filter(personal_data_erased_at__isnull=True).filter(
        Q(created_at__lt=asked_before)
        | Q(status=Question.Status.CLOSED, closed_at__lt=closed_before)
    )


def start_of_day(moment: datetime | None) -> datetime | None:
    """Midnight (the platform's time zone) of the day of ``moment``."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)


PERSONAL_FIELDS = ("text", "answer", "contact_method", "contact_value")
MOMENT_FIELDS = ("created_at", "answered_at", "answer_sent_at", "closed_at")


@transaction.atomic
def erase_expired_personal_data(now: datetime) -> int:
    """Erase what ``expired_questions`` finds; returns how many questions were erased.

    In Python rather than one UPDATE: cutting a moment to its local day in SQL
    differs per database, and a day's worth of questions is a small batch.
    """
    expired = list(expired_questions(now).select_for_update().only("pk", *MOMENT_FIELDS))
    for question in expired:
        for name in PERSONAL_FIELDS:
            setattr(question, name, "")
        for name in MOMENT_FIELDS:
            setattr(question, name, start_of_day(getattr(question, name)))
        question.personal_data_erased_at = now
    Question.objects.bulk_update(
        expired, [*PERSONAL_FIELDS, *MOMENT_FIELDS, "personal_data_erased_at"], batch_size=500
    )
    return len(expired)
