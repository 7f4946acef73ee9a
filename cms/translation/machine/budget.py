"""The monthly character budget for machine drafts: counted in the database, enforced before a call.

One row per scope and month. The scope is ``installation`` today; once
municipalities exist each gets its own scope (its slug) and its own budget.
Characters are reserved before the provider is called (a row lock, so two
requests at once cannot both pass the last of the budget) and released again
when the call fails: a failed call costs nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from .provider import BudgetSpent

INSTALLATION = "installation"


class MachineCharacters(models.Model):
    """Characters sent to machine translation in one month, for one scope."""

    scope = models.CharField(max_length=64, default=INSTALLATION)
    month = models.DateField(help_text="The first day of the month.")
    characters = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "cms"
        constraints = [
            models.UniqueConstraint(fields=["scope", "month"], name="machine_characters_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.month:%Y-%m}: {self.characters}"


@dataclass(frozen=True)
class BudgetState:
    used: int
    limit: int

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)


def this_month(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()).replace(day=1)


def budget_state(scope: str = INSTALLATION) -> BudgetState:
    row = MachineCharacters.objects.filter(scope=scope, month=this_month()).first()
    return BudgetState(
        row.characters if row else 0, settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS
    )


def reserve(characters: int, scope: str = INSTALLATION) -> None:
    """Count ``characters`` against this month's budget, or raise ``BudgetSpent``."""
    limit = settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS
    with transaction.atomic():
        row, _ = MachineCharacters.objects.select_for_update().get_or_create(
            scope=scope, month=this_month()
        )
        if row.characters + characters > limit:
            raise BudgetSpent(
                f"This month's machine translation budget is spent: {row.characters} of "
                f"{limit} characters used, {characters} more needed. Ask the coordinator, "
                "or wait for next month."
            )
        MachineCharacters.objects.filter(pk=row.pk).update(characters=F("characters") + characters)


def release(characters: int, scope: str = INSTALLATION) -> None:
    """Give back characters reserved for a call that failed."""
    MachineCharacters.objects.filter(scope=scope, month=this_month()).update(
        characters=F("characters") - characters
    )
