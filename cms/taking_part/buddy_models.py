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
        "cms.Partner",
        on_delete=models.CASCADE,
        related_name="buddy_project",
        verbose_name=_("partner"),
    )
    villages = models.JSONField(
        _("villages"),
        default=list,
        blank=True,
        help_text=_("Village slugs the project covers; empty: the whole municipality."),
    )

    class Meta:
        ordering = ["partner__name"]
        verbose_name = _("buddy project")
        verbose_name_plural = _("buddy projects")

    def __str__(self) -> str:
        return self.partner.name

    def covers(self, village: str) -> bool:
        return not self.villages or village in self.villages


class BuddyPerson(models.Model):
    """What an offer and a request share: who, how to reach them, where, when."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    project = models.ForeignKey(
        BuddyProject,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("buddy project"),
        help_text=_("The project that handles it; empty: the coordinators."),
    )
    name = models.CharField(max_length=50, blank=True, verbose_name=_("first name or nickname"))
    contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, blank=True, verbose_name=_("reach by")
    )
    contact_value = models.CharField(max_length=200, blank=True, verbose_name=_("contact"))
    language = models.CharField(
        _("language"), max_length=10, help_text=_("The language to write to them in.")
    )
    languages = LanguageCodesField(verbose_name=_("languages spoken"))
    village = models.CharField(_("village"), max_length=40)
    times = models.JSONField(default=list, blank=True, verbose_name=_("when"))
    help = models.JSONField(_("help"), default=list, blank=True)
    created_at = models.DateTimeField(_("since"), default=timezone.now, db_index=True)
    personal_data_erased_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("personal data erased")
    )

    class Meta:
        abstract = True
        ordering = ["created_at"]


class BuddyOffer(BuddyPerson):
    """A volunteer offering to be a buddy (``help``: what they offer)."""

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Available")
        MATCHED = "matched", _("Matched")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AVAILABLE
    )

    class Meta(BuddyPerson.Meta):
        verbose_name = _("buddy offer")
        verbose_name_plural = _("buddy offers")

    def __str__(self) -> str:
        return _("Buddy offer %(reference)s") % {"reference": self.reference}


class BuddyRequest(BuddyPerson):
    """A migrant asking for a buddy (``help``: what they wish for)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        MATCHED = "matched", _("Matched")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )

    class Meta(BuddyPerson.Meta):
        verbose_name = _("buddy request")
        verbose_name_plural = _("buddy requests")

    def __str__(self) -> str:
        return _("Buddy request %(reference)s") % {"reference": self.reference}


class BuddyMatch(models.Model):
    """A pair made by the project's coordinator, from introduction to its end."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the introduction")
        INTRODUCED = "introduced", _("Introduced")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    class EndReason(models.TextChoices):
        COMPLETED = "completed", _("Completed: the goal was reached")
        NO_CONTACT = "no_contact", _("No contact came about")
        BUDDY_STOPPED = "buddy_stopped", _("The buddy stopped")
        MIGRANT_STOPPED = "migrant_stopped", _("The migrant stopped")
        MOVED = "moved", _("One of them moved away")
        NO_CLICK = "no_click", _("It did not work out between them")
        OTHER = "other", _("Another reason")

    request = models.ForeignKey(
        BuddyRequest,
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("buddy request"),
    )
    offer = models.ForeignKey(
        BuddyOffer, on_delete=models.CASCADE, related_name="matches", verbose_name=_("buddy offer")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    end_reason = models.CharField(
        _("why it ended"), max_length=20, choices=EndReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("matched"), default=timezone.now)
    introduced_at = models.DateTimeField(_("introduced"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("buddy match")
        verbose_name_plural = _("buddy matches")
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
        return _("Match %(request)s – %(offer)s") % {
            "request": self.request.reference,
            "offer": self.offer.reference,
        }
