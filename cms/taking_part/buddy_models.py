"""Language buddies (taalmaatjes): volunteers who offer, migrants who ask, and the matches.

A ``BuddyProject`` is a partner that runs a buddy project, for some villages
of the municipality (none named: all of them). An offer or a request is
handed to the project of its village when it arrives, like a question to the
partner of its topic; without a project the platform's coordinators take it.
A project's editors see the offers and requests of their project only.

What is kept is what a coordinator needs to make a good pair and nothing
more: a first name or nickname, one way to be reached, the language to be
answered in, the languages spoken, the village, when, and what is wished or
offered. No surname, address or date of birth. ``cms.taking_part.retention``
erases the name and contact once a match has ended or a request has waited
too long; the rows stay as counts.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..contact_point.models import ContactMethod
from ..fields import LanguageCodesField


class BuddyHelp(models.TextChoices):
    """What a buddy offers, and what a migrant wishes for."""

    CONVERSATION = "conversation", _("Practising Dutch in conversation")
    PAPERWORK = "paperwork", _("Help with letters and forms")
    VILLAGE = "village", _("Getting to know the village")


class BuddyTime(models.TextChoices):
    """When the two can meet."""

    DAYTIME = "daytime", _("On weekdays, during the day")
    EVENINGS = "evenings", _("On weekday evenings")
    WEEKENDS = "weekends", _("At the weekend")


class BuddyProject(models.Model):
    """A partner that runs a buddy project, and the villages it covers."""

    partner = models.OneToOneField(
        "cms.Partner", on_delete=models.CASCADE, related_name="buddy_project"
    )
    villages = models.JSONField(
        default=list,
        blank=True,
        help_text="Village slugs the project covers; empty: the whole municipality.",
    )

    class Meta:
        ordering = ["partner__name"]

    def __str__(self) -> str:
        return self.partner.name

    def covers(self, village: str) -> bool:
        return not self.villages or village in self.villages


class BuddyPerson(models.Model):
    """What an offer and a request share: who, how to reach them, where, when."""

    reference = models.CharField(max_length=12, unique=True, editable=False)
    project = models.ForeignKey(
        BuddyProject,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The project that handles it; empty: the coordinators.",
    )
    name = models.CharField(max_length=50, blank=True, verbose_name="first name or nickname")
    contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, blank=True, verbose_name="reach by"
    )
    contact_value = models.CharField(max_length=200, blank=True, verbose_name="contact")
    language = models.CharField(max_length=10, help_text="The language to write to them in.")
    languages = LanguageCodesField(verbose_name="languages spoken")
    village = models.CharField(max_length=40)
    times = models.JSONField(default=list, blank=True, verbose_name="when")
    help = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    personal_data_erased_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name="personal data erased"
    )

    class Meta:
        abstract = True
        ordering = ["created_at"]


class BuddyOffer(BuddyPerson):
    """A volunteer offering to be a buddy (``help``: what they offer)."""

    class Status(models.TextChoices):
        AVAILABLE = "available", "Available"
        MATCHED = "matched", "Matched"
        WITHDRAWN = "withdrawn", "Withdrawn"

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AVAILABLE)

    def __str__(self) -> str:
        return f"Buddy offer {self.reference}"


class BuddyRequest(BuddyPerson):
    """A migrant asking for a buddy (``help``: what they wish for)."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        MATCHED = "matched", "Matched"
        WITHDRAWN = "withdrawn", "Withdrawn"

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)

    def __str__(self) -> str:
        return f"Buddy request {self.reference}"


class BuddyMatch(models.Model):
    """A pair made by the project's coordinator, from introduction to its end."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for the introduction"
        INTRODUCED = "introduced", "Introduced"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    class EndReason(models.TextChoices):
        COMPLETED = "completed", "Completed: the goal was reached"
        NO_CONTACT = "no_contact", "No contact came about"
        BUDDY_STOPPED = "buddy_stopped", "The buddy stopped"
        MIGRANT_STOPPED = "migrant_stopped", "The migrant stopped"
        MOVED = "moved", "One of them moved away"
        NO_CLICK = "no_click", "It did not work out between them"
        OTHER = "other", "Another reason"

    request = models.ForeignKey(BuddyRequest, on_delete=models.CASCADE, related_name="matches")
    offer = models.ForeignKey(BuddyOffer, on_delete=models.CASCADE, related_name="matches")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    introduced_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=~models.Q(status="ended"),
                name="one_running_match_per_request",
            ),
            models.UniqueConstraint(
                fields=["offer"],
                condition=~models.Q(status="ended"),
                name="one_running_match_per_offer",
            ),
        ]

    def __str__(self) -> str:
        return f"Match {self.request.reference} – {self.offer.reference}"
