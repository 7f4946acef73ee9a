"""Behaviour shared by the translated page types."""

from typing import ClassVar

from django.conf import settings
from django.db import models

from .fallback import has_text
from .languages import language_codes
from .status import TranslationStatus, fingerprint, status_for, updated_sources


class TranslationTrackedMixin(models.Model):
    """Remembers which version of the Dutch source each translation was made from.

    Put it before ``Page`` in the bases so that its ``save`` runs first.
    """

    # {language code: fingerprint of the Dutch texts the translation was made against}
    translation_sources = models.JSONField(default=dict, blank=True, editable=False)

    translation_tracked_fields: ClassVar[tuple[str, ...]] = ("title", "summary", "body")

    class Meta:
        abstract = True

    def _language_fingerprint(self, code: str) -> str:
        return fingerprint(
            getattr(self, f"{field}_{code}", None) for field in self.translation_tracked_fields
        )

    def language_fingerprints(self) -> dict[str, str]:
        return {code: self._language_fingerprint(code) for code in language_codes()}

    def has_translation(self, code: str) -> bool:
        """A language counts as translated when no tracked field is missing (blank) in it."""
        return all(
            has_text(getattr(self, f"{field}_{code}", None))
            for field in self.translation_tracked_fields
        )

    def translation_statuses(self) -> dict[str, TranslationStatus]:
        source = self._language_fingerprint(settings.SOURCE_LANGUAGE)
        return {
            code: status_for(self.has_translation(code), self.translation_sources.get(code), source)
            for code in language_codes()
            if code != settings.SOURCE_LANGUAGE
        }

    def refresh_translation_sources(self) -> None:
        previous = None
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored is not None:
                previous = stored.language_fingerprints()
        self.translation_sources = updated_sources(
            previous,
            self.language_fingerprints(),
            self.translation_sources or {},
            settings.SOURCE_LANGUAGE,
            language_codes(),
        )

    def save(self, *args, **kwargs):
        # Partial saves (Wagtail updating its bookkeeping columns) change no text.
        if kwargs.get("update_fields") is None:
            self.refresh_translation_sources()
        return super().save(*args, **kwargs)
