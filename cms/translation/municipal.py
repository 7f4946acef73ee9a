"""Each municipality's translation choices: machine budget, machine drafts live, review.

A region's municipalities pay for and answer for their own translations: one
has a larger machine budget than another, one lets unreviewed Polish machine
drafts go live the same hour (with their label), another waits for a person.
The install-wide settings are the defaults: a municipality without its own
row follows ``MACHINE_TRANSLATION_MONTHLY_CHARACTERS`` and
``MACHINE_DRAFTS_PUBLISHED_LANGUAGES``, and a new row starts from them.
Coordinators edit the rows in the admin (Settings → Translation per
municipality), where a municipality may also require a second translator's
review before a translation goes live (``review``).

A page lives once and may be shown in several municipalities: an unreviewed
machine draft goes live only when every municipality it is shown in chose
that language, so one municipality's choice never puts unreviewed text on
another's site.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import LanguageCodesField
from ..municipalities import lookup
from ..municipalities.registry import MunicipalityInfo


class MunicipalTranslationSettings(models.Model):
    """One municipality's machine budget and its choice of languages for unreviewed drafts."""

    municipality = models.OneToOneField(
        "cms.Municipality", on_delete=models.CASCADE, related_name="translation_settings"
    )
    machine_characters_per_month = models.PositiveIntegerField(
        _("machine translation characters per month"),
        null=True,
        blank=True,
        help_text=_("Empty: the installation's default."),
    )
    publish_machine_drafts_in = LanguageCodesField(
        _("publish unreviewed machine drafts in"),
        help_text=_(
            "In these languages a machine draft goes live at once, labelled as machine "
            "translation; in the others it waits until a person checks it."
        ),
    )

    review_required = models.BooleanField(
        _("a second translator reviews"),
        default=False,
        help_text=_(
            "A translation submitted at the desk goes live only after another translator "
            "of the language approved it; until then readers see the previous text."
        ),
    )

    class Meta:
        app_label = "cms"
        verbose_name = _("translation settings of a municipality")
        verbose_name_plural = _("translation settings per municipality")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def monthly_characters(self) -> int:
        if self.machine_characters_per_month is None:
            return settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS
        return self.machine_characters_per_month


def _rows(municipality_pks: Iterable[int]) -> dict[int, MunicipalTranslationSettings]:
    return {
        row.municipality_id: row
        for row in MunicipalTranslationSettings.objects.filter(
            municipality_id__in=list(municipality_pks)
        )
    }


def monthly_characters(municipality: MunicipalityInfo | None) -> int:
    """The machine budget of ``municipality`` this month (None: the installation's)."""
    if municipality is None:
        return settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS
    row = _rows([municipality.pk]).get(municipality.pk)
    return row.monthly_characters if row else settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS


def published_languages(municipality_pk: int | None) -> list[str]:
    """The languages whose unreviewed machine drafts go live in this municipality."""
    row = _rows([municipality_pk]).get(municipality_pk) if municipality_pk else None
    if row is None:
        return list(settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES)
    return list(row.publish_machine_drafts_in)


def publishes_unreviewed(language: str, municipality_pks: Iterable[int]) -> bool:
    """May an unreviewed machine draft in ``language`` go live where it is shown?

    Yes only if every one of ``municipality_pks`` chose so (none given: the
    installation's default decides).
    """
    pks = list(municipality_pks)
    if not pks:
        return language in settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES
    rows = _rows(pks)
    return all(
        language
        in (
            rows[pk].publish_machine_drafts_in
            if pk in rows
            else settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES
        )
        for pk in pks
    )


def _municipality_pks(obj: Any) -> list[int]:
    """Where ``obj`` is shown: its municipalities, its own, its plan's, the municipality
    whose site text it is (a home page's intro), or all (the glossary, the categories)."""
    from .site_texts import holder, site_kind  # site_texts reads this module's settings

    if site_kind(obj) is not None and holder(obj) is not None:
        return [holder(obj).pk]
    if hasattr(obj, "municipalities"):
        return list(obj.municipalities.values_list("pk", flat=True))
    if getattr(obj, "municipality_id", None) is not None:
        return [obj.municipality_id]  # a survey: its own municipality's
    plan = getattr(obj, "plan", None)
    if plan is not None:
        return [m.pk for m in lookup.municipalities() if plan.path.startswith(m.root_path)]
    return [m.pk for m in lookup.municipalities()]


def review_required(obj: Any) -> bool:
    """Does any municipality ``obj`` is shown in ask a second translator to review?

    Asked by every route that writes a translation (``cms.translation.review``).
    """
    pks = _municipality_pks(obj) or [m.pk for m in lookup.municipalities()]
    return MunicipalTranslationSettings.objects.filter(
        municipality_id__in=pks, review_required=True
    ).exists()
