"""The search outbox: which objects' index documents must be written or removed."""

from django.db import models
from django.db.models import Q


class IndexChange(models.Model):
    """One content object whose index document is out of date, or was until ``applied_at``.

    Written in the same transaction as the content change (``search.outbox``),
    so a change can never be committed without its row, and the row survives
    an engine outage until it is applied. One row per object: a new change
    resets the row to pending. Applied rows are kept for a while because a
    rebuild replays the changes made while it ran.
    """

    kind = models.CharField(max_length=20)  # "activity", "guide", "partner", "policy_action"
    object_id = models.BigIntegerField()
    queued_at = models.DateTimeField()
    applied_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_change_per_object")
        ]
        indexes = [
            models.Index(
                fields=["queued_at"],
                condition=Q(applied_at__isnull=True),
                name="search_change_pending",
            )
        ]

    def __str__(self) -> str:
        state = "applied" if self.applied_at else "pending"
        return f"{self.kind} {self.object_id} ({state})"
