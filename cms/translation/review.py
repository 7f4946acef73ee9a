"""A second translator's review before a translation goes live, where a municipality asks for it.

A municipality may require (``MunicipalTranslationSettings.review_required``)
that a second translator of the language reads a translation before readers
see it. Then a submit at the desk does not write the object: it becomes a
``TranslationSubmission``, waiting in the queue of the language's other
translators. Until one approves it the site and the API show what they
showed before (the previous translation, or the fallback along the chain).

Approving applies it exactly as a submit would (``desk.apply_translation``,
with the fingerprints the author's form carried, so a text someone changed
meanwhile is refused rather than overwritten), records the author as the one
who wrote it and the reviewer as the one who checked it. The author cannot
review their own. Sending it back turns it into the author's draft again.

A page shown in several municipalities needs a review when any of them
requires one: the stricter rule wins, as with publishing machine drafts.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from ..municipalities import lookup
from .desk import apply_translation, mark_reviewed
from .municipal import MunicipalTranslationSettings
from .records import TranslationDraft, TranslationSubmission
from .site_texts import holder, site_kind


class OwnTranslation(PermissionError):
    """The author of a translation cannot be its second reader."""


def _municipality_pks(obj: Any) -> list[int]:
    """Where ``obj`` is shown: its municipalities, its plan's, the municipality whose site
    text it is (a home page's intro), or every one (the glossary, the categories)."""
    if site_kind(obj) is not None and holder(obj) is not None:
        return [holder(obj).pk]
    if hasattr(obj, "municipalities"):
        return list(obj.municipalities.values_list("pk", flat=True))
    plan = getattr(obj, "plan", None)
    if plan is not None:
        return [m.pk for m in lookup.municipalities() if plan.path.startswith(m.root_path)]
    return [m.pk for m in lookup.municipalities()]


def review_required(obj: Any) -> bool:
    """Does any municipality ``obj`` is shown in ask a second translator to review?"""
    pks = _municipality_pks(obj) or [m.pk for m in lookup.municipalities()]
    return MunicipalTranslationSettings.objects.filter(
        municipality_id__in=pks, review_required=True
    ).exists()


def submit_for_review(
    obj: Any, language: str, texts: dict[str, str], bases: dict[str, str], user: AbstractBaseUser
) -> TranslationSubmission:
    """Keep the author's texts for review (one per author: a new submit replaces their own)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    with transaction.atomic():
        submission, _ = TranslationSubmission.objects.update_or_create(
            content_type=content_type,
            object_id=obj.pk,
            language=language,
            submitted_by=user,
            defaults={"texts": texts, "bases": bases, "submitted_at": timezone.now()},
        )
        TranslationDraft.objects.filter(
            content_type=content_type, object_id=obj.pk, language=language, saved_by=user
        ).delete()
    return submission


def waiting_for(user: AbstractBaseUser, languages: list[str]) -> models.QuerySet:
    """Submissions in ``languages`` that ``user`` may review: everyone's but their own."""
    return (
        TranslationSubmission.objects.filter(language__in=languages)
        .exclude(submitted_by=user)
        .select_related("content_type", "submitted_by")
        .order_by("submitted_at")
    )


def approve(submission: TranslationSubmission, reviewer: AbstractBaseUser) -> list[str]:
    """Put the submission live, written by its author and checked by ``reviewer``.

    Raises ``OwnTranslation`` for the author, and ``desk.TranslationConflict``
    (nothing written, the submission kept) when a text changed since it was submitted.
    """
    if submission.submitted_by_id == reviewer.pk:
        raise OwnTranslation("The author of a translation cannot review it.")
    obj = submission.target
    with transaction.atomic():
        changed = apply_translation(
            obj, submission.language, submission.texts, submission.bases, submission.submitted_by
        )
        mark_reviewed(obj, submission.language, changed, reviewer)
        submission.delete()
    return changed


def send_back(submission: TranslationSubmission, reviewer: AbstractBaseUser) -> None:
    """Return the texts to their author as a draft, for them to work on."""
    if submission.submitted_by_id == reviewer.pk:
        raise OwnTranslation("The author of a translation cannot review it.")
    with transaction.atomic():
        TranslationDraft.objects.update_or_create(
            content_type=submission.content_type,
            object_id=submission.object_id,
            language=submission.language,
            saved_by=submission.submitted_by,
            defaults={
                "texts": submission.texts,
                "bases": submission.bases,
                "saved_at": timezone.now(),
            },
        )
        submission.delete()
