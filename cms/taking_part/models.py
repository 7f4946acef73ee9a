"""Sign-ups for activities that take them through Wegwijs (``registration = "wegwijs"``).

A ``SignupList`` is the list of one activity's date (a recurring activity whose
places count per date) or of the whole activity (a one-off, a course, a mixed
team). Its row is what two people who ask for the last place at the same
moment both lock (``cms.taking_part.capacity``): the second one waits for the
first to be counted, so a list is never overbooked.

A ``Signup`` holds the least a club needs to welcome someone: a first name or
nickname, one way to reach them, the language to answer in, how many people
come. No surname, no address, no date of birth. The name and the contact are
erased some days after the date (``cms.taking_part.retention``); the row stays
with its status and number of people, so the counts remain.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..contact_point.models import ContactMethod


class SignupList(models.Model):
    """The sign-ups of one activity on one date (``date`` null: of the whole activity)."""

    activity = models.ForeignKey(
        "cms.ActivityPage",
        on_delete=models.CASCADE,
        related_name="signup_lists",
        verbose_name=_("activity"),
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Empty: the whole activity.")
    )

    class Meta:
        ordering = ["activity", "date"]
        verbose_name = _("sign-up list")
        verbose_name_plural = _("sign-up lists")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "date"],
                condition=Q(date__isnull=False),
                name="one_signup_list_per_date",
            ),
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(date__isnull=True),
                name="one_signup_list_per_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.title} {self.date:%Y-%m-%d}" if self.date else self.activity.title


class Signup(models.Model):
    """One person (and whoever comes with them) on a sign-up list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    signup_list = models.ForeignKey(
        SignupList,
        on_delete=models.CASCADE,
        related_name="signups",
        verbose_name=_("activity and date"),
    )
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    name = models.CharField(max_length=50, blank=True, verbose_name=_("first name or nickname"))
    contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, blank=True, verbose_name=_("reach by")
    )
    contact_value = models.CharField(max_length=200, blank=True, verbose_name=_("contact"))
    language = models.CharField(_("language"), max_length=10)
    people = models.PositiveSmallIntegerField(_("people"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # Only a hash of the cancel link's secret: the database alone cannot cancel anyone.
    cancel_token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed up"))
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    personal_data_erased_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("personal data erased")
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        indexes = [models.Index(fields=["signup_list", "status", "created_at"])]
        constraints = [
            # The last line of defence against a double sign-up; intake checks first.
            models.UniqueConstraint(
                fields=["signup_list", "contact_method", "contact_value"],
                condition=~Q(status="cancelled") & ~Q(contact_value=""),
                name="one_active_signup_per_contact",
            ),
        ]

    def __str__(self) -> str:
        # Shown in the admin's history and messages: never the person's name.
        return _("Sign-up %(reference)s") % {"reference": self.reference}
