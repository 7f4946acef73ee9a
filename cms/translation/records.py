"""Where each translated text came from, and the Dutch source it was made from.

One ``TranslationRecord`` per translated field, object and language: its origin
(a person, a machine, an agency, an import), who saved it and when, the version
of the Dutch source text it translates, and whether a person reviewed it. One
``SourceText`` per version of a Dutch field, so that a translator of an
outdated text can see what changed in the source since their version. A
translator's unfinished texts (``TranslationDraft``) and, where a municipality
asks for a second reader, their submitted texts waiting for review
(``TranslationSubmission``, see ``review``).

Rows refer to their object through a content type and an id (the translated
models are pages and snippets of many kinds); they are written by
``cms.translation.provenance`` only, from the save of the object itself.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Origin(models.TextChoices):
    HUMAN = "human", "Person"
    MACHINE = "machine", "Machine translation"
    AGENCY = "agency", "Translation agency"
    IMPORT = "import", "Import"


class TranslationRecord(models.Model):
    """The provenance of one field of one object in one language."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    origin = models.CharField(max_length=16, choices=Origin.choices)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField()
    # ``provenance.source_version`` of the Dutch field when this text was saved.
    source_version = models.CharField(max_length=64)
    reviewed = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_record_per_text",
            )
        ]
        indexes = [models.Index(fields=["language", "origin", "reviewed"])]

    def __str__(self) -> str:
        where = f"{self.content_type_id}:{self.object_id}"
        return f"{where} {self.field}_{self.language} ({self.origin})"


class SourceText(models.Model):
    """One version of a Dutch source field, kept so that a change can be shown as a diff."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    version = models.CharField(max_length=64)
    # The field's value as JSON (a StreamField's blocks without their ids, or a string).
    text = models.JSONField()
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "version"],
                name="one_source_text_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.field}@{self.version}"


class TranslationDraft(models.Model):
    """A translator's unfinished texts for one object and language, not shown to anyone else.

    ``texts``: field name → text; ``bases``: field name → fingerprint of the
    live text the draft started from (for the conflict check on submit). One
    per translator: two translators of a language each keep their own, and
    whoever submits second is refused by that check rather than overwriting.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    texts = models.JSONField(default=dict)
    bases = models.JSONField(default=dict)
    # An unfinished text nobody can finish any more goes with its translator's account.
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language", "saved_by"],
                name="one_draft_per_language_and_translator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.language} (draft)"


class TranslationSubmission(models.Model):
    """A translator's submitted texts for one object and language, waiting for a second reader."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    texts = models.JSONField(default=dict)
    bases = models.JSONField(default=dict)
    # Where the texts come from: a translator's own (the desk, their XLIFF upload) or a
    # machine draft held for a person to read (``cms.translation.exchange.held``).
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.HUMAN)
    # A submission nobody can answer for any more goes with its author's account.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language", "submitted_by"],
                name="one_submission_per_language_and_translator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.language} (for review)"

    @property
    def target(self) -> models.Model:
        return self.content_type.get_object_for_this_type(pk=self.object_id)
