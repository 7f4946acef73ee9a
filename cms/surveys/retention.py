"""Survey answers are kept ``SURVEY_RESPONSE_RETENTION_DAYS`` after the day they were given.

Answers carry no name, but a free text can hold one (people write what they
write), so nothing is kept for ever. ``manage.py purge_survey_responses``
(daily from cron) deletes the responses, with their answers, whose day is
older than the retention; the coordinator downloads the CSV before that.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from ..models import SurveyResponse


def expiry_cutoff(today: date) -> date:
    """Responses answered before this day are past their retention."""
    return today - timedelta(days=settings.SURVEY_RESPONSE_RETENTION_DAYS)


def purge_expired_responses(today: date) -> int:
    """Delete the expired responses and their answers; how many responses went."""
    expired = SurveyResponse.objects.filter(answered_on__lt=expiry_cutoff(today))
    count = expired.count()
    expired.delete()
    return count
