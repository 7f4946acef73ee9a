"""What the calendar import remembers: which event became which activity, how the last run went."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .reasons import Reason, problem_line


class CalendarEvent(models.Model):
    """One event of a partner's feed and the activity it became.

    Keyed by the event's UID and, for a single date moved out of a series, its
    RECURRENCE-ID: that is how a second run finds the same activity again.
    ``feed_digest`` is the hash of what the feed said last time (an unchanged
    event is skipped without touching the page); ``page_digest`` the hash of
    the page's values right after the import, so an edit made in Wegwijs since
    is noticed and not overwritten. ``record`` is what the last import wrote
    (the import format): the page digest is taken over its fields, so a run
    in which the event is gone can still tell whether someone edited the page.
    """

    partner = models.ForeignKey(
        "cms.Partner", on_delete=models.CASCADE, related_name="calendar_events"
    )
    uid = models.CharField(max_length=500)
    recurrence_id = models.CharField(max_length=40, blank=True)
    activity = models.ForeignKey(
        "cms.ActivityPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    feed_digest = models.CharField(max_length=64)
    page_digest = models.CharField(max_length=64, blank=True)
    record = models.JSONField(default=dict, blank=True)
    cancelled = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "uid", "recurrence_id"], name="calendar_event_once_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.uid} {self.recurrence_id}".strip()


class CalendarImport(models.Model):
    """The state of a partner's calendar import, shown next to the partner in the admin."""

    class Status(models.TextChoices):
        # "Running" alone is the sport in the catalogs: these labels carry a context.
        QUEUED = "queued", pgettext_lazy("calendar import", "Waiting for the worker")
        RUNNING = "running", pgettext_lazy("calendar import", "Running")
        DONE = "done", pgettext_lazy("calendar import", "Done")
        FAILED = "failed", pgettext_lazy("calendar import", "Failed: nothing was changed")

    partner = models.OneToOneField(
        "cms.Partner", on_delete=models.CASCADE, related_name="calendar_import"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # {"created": n, "updated": n, "cancelled": n, "unchanged": n, "skipped": n}
    counts = models.JSONField(default=dict, blank=True)
    # Why the whole feed failed (down, too slow, too large, not a calendar): in English
    # (the command's output, the log), and as ``Reason.as_json`` to show in the reader's language.
    error = models.TextField(blank=True)
    reason = models.JSONField(default=dict, blank=True)
    # Events that could not be read or were not overwritten, one line each: in English,
    # and as ``EventProblem.as_json`` to show in the reader's language (``problem_lines``).
    problems = models.JSONField(default=list, blank=True)
    problem_reasons = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_status_display()}"

    def error_text(self) -> str:
        """Why the import failed, in the active language (rows from before: as stored)."""
        return Reason.from_json(self.reason).translated() if self.reason else self.error

    def problem_lines(self) -> list[str]:
        """The problems in the active language (rows from before: as stored)."""
        if not self.problem_reasons:
            return list(self.problems)
        return [problem_line(stored) for stored in self.problem_reasons]

    def summary(self) -> str:
        """One line for the start page and the command's output, in the active language."""
        if self.status == self.Status.FAILED:
            return _("Failed: %(error)s") % {"error": self.error_text()}
        if self.status != self.Status.DONE:
            return str(self.get_status_display())
        counts = _(
            "%(created)s created, %(updated)s updated, %(cancelled)s cancelled, "
            "%(unchanged)s unchanged, %(skipped)s skipped"
        ) % {k: self.counts.get(k, 0) for k in OUTCOMES}
        if not self.problems:
            return str(counts)
        return _("%(counts)s; events that need a look: %(problems)s") % {
            "counts": counts,
            "problems": len(self.problems),
        }


OUTCOMES = ("created", "updated", "cancelled", "unchanged", "skipped")
