"""The monthly character budget for machine drafts: counted in the database, enforced before a call.

One row per scope and month. The scope is a municipality's slug: each
municipality has its own budget (``cms.translation.municipal``: its own
number, or the installation's default). ``installation`` is the scope of an
install without municipalities. Characters are reserved before the provider is
called (a row lock, so two requests at once cannot both pass the last of the
budget) and released again when the call fails: a failed call costs nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from ...municipalities import lookup
from ...municipalities.registry import MunicipalityInfo
from ..municipal import monthly_characters
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
    municipality: str = ""

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)


def this_month(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()).replace(day=1)


def payer(municipality: MunicipalityInfo | None = None) -> MunicipalityInfo | None:
    """Whose budget a draft is counted against: the one given, else the default municipality."""
    return municipality if municipality is not None else lookup.default()


def scope_of(municipality: MunicipalityInfo | None) -> str:
    return municipality.slug if municipality is not None else INSTALLATION


def budget_state(municipality: MunicipalityInfo | None = None) -> BudgetState:
    """This month's use and limit of ``municipality`` (default: the default municipality)."""
    municipality = payer(municipality)
    row = MachineCharacters.objects.filter(scope=scope_of(municipality), month=this_month()).first()
    return BudgetState(
        row.characters if row else 0,
        monthly_characters(municipality),
        municipality.name if municipality else "",
    )


def reserve(characters: int, municipality: MunicipalityInfo | None = None) -> None:
    """Count ``characters`` against this month's budget, or raise ``BudgetSpent``."""
    municipality = payer(municipality)
    limit = monthly_characters(municipality)
    with transaction.atomic():
        row, _ = MachineCharacters.objects.select_for_update().get_or_create(
            scope=scope_of(municipality), month=this_month()
        )
        if row.characters + characters > limit:
            raise BudgetSpent(
                gettext(
                    "This month's machine translation budget of %(municipality)s is spent: "
                    "%(used)s of %(limit)s characters used, %(needed)s more needed. Ask the "
                    "coordinator, or wait for next month."
                )
                % {
                    "municipality": municipality.name if municipality else "",
                    "used": row.characters,
                    "limit": limit,
                    "needed": characters,
                }
            )
        MachineCharacters.objects.filter(pk=row.pk).update(characters=F("characters") + characters)


def release(characters: int, municipality: MunicipalityInfo | None = None) -> None:
    """Give back characters reserved for a call that failed."""
    MachineCharacters.objects.filter(
        scope=scope_of(payer(municipality)), month=this_month()
    ).update(characters=F("characters") - characters)
