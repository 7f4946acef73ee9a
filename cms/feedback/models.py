"""One answer to "Was this clear?" under a guide or an activity.

No account, address, time of day or browser is kept: the page, the language
it was read in, yes or no, why not, and the day. A free text can hold what
people write about themselves, so it is erased after
``FEEDBACK_TEXT_RETENTION_DAYS`` (``cms.feedback.retention``); the counts stay.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

TEXT_MAX_LENGTH = 500


class FeedbackReason(models.TextChoices):
    TRANSLATION = "translation", _("The translation is hard to understand")
    OUTDATED = "outdated", _("The information is out of date")
    WRONG = "wrong", _("The information is wrong")
    OTHER = "other", _("Something else")


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    clear = models.BooleanField()
    reason = models.CharField(max_length=20, choices=FeedbackReason.choices, blank=True)
    text = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)
    given_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["page", "language"]), models.Index(fields=["given_on"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.language} {'clear' if self.clear else self.reason}"
