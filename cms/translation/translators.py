"""Translators: people who translate the platform's content into one language.

A translator is a user with a ``TranslatorAssignment`` for a language (a
member of Polonia Betuwe translating into Polish). They reach the admin
through the ``Translators`` group, which holds nothing but admin access: every
change they make goes through the translation desk, which lets them change
their language's texts and nothing else.

``site`` is the municipality (a municipality is a Wagtail Site) they translate
for: empty means every municipality of the install (``scope`` applies it).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..permissions.roles import is_coordinator
from .languages import language_codes

TRANSLATORS_GROUP = "Translators"
_CACHE = "_wegwijs_translator_languages"


class TranslatorAssignment(models.Model):
    """One person translating into one language (optionally for one municipality)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_assignments",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8)
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("Empty: every municipality."),
    )

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "language", "site"], name="one_assignment_per_language_and_site"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.language}"

    def clean(self) -> None:
        codes = [code for code in language_codes() if code != settings.SOURCE_LANGUAGE]
        if self.language not in codes:
            message = _("%(language)s is not a language to translate into; use one of: %(codes)s.")
            raise ValidationError(
                {"language": message % {"language": self.language, "codes": ", ".join(codes)}}
            )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Admin access comes with the assignment (the admin form, assign_translator alike).
        self.user.groups.add(translators_group())


def translators_group() -> Group:
    """The group that lets translators into the admin (and nowhere else)."""
    group, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def assign_translator(
    user: AbstractBaseUser, language: str, site: Site | None = None
) -> TranslatorAssignment:
    """Make ``user`` a translator into ``language`` (for the municipality of ``site`` only)."""
    assignment, _ = TranslatorAssignment.objects.get_or_create(
        user=user, language=language, site=site
    )
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)
    return assignment


def _assignments(user: AbstractBaseUser | AnonymousUser) -> frozenset[tuple[str, int | None]]:
    """``(language, site id or None)`` of every assignment of ``user`` (cached for the request)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, _CACHE):
        setattr(
            user,
            _CACHE,
            frozenset(user.translator_assignments.values_list("language", "site_id")),
        )
    return getattr(user, _CACHE)


def translator_languages(user: AbstractBaseUser | AnonymousUser) -> frozenset[str]:
    """The languages ``user`` translates into."""
    return frozenset(language for language, _ in _assignments(user))


def translator_sites(
    user: AbstractBaseUser | AnonymousUser, language: str
) -> frozenset[int | None]:
    """The sites (municipalities) ``user`` translates ``language`` for; None among them: all."""
    return frozenset(site for code, site in _assignments(user) if code == language)


def may_translate(user: AbstractBaseUser | AnonymousUser, language: str) -> bool:
    """Coordinators may translate into every language; translators into their own."""
    if language == settings.SOURCE_LANGUAGE:
        return False
    return is_coordinator(user) or language in translator_languages(user)
