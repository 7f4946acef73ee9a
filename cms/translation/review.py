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

The desk is one of several ways in: a translator's XLIFF upload and machine
drafts are held the same way (``exchange.held``), per segment with their
markup, and approved here through the exchange's own writer. A machine draft
has no human author, so the person who asked for it may be its reader; sent
back, a held file or machine draft is declined (the author still has their
file; a machine draft can be asked again).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .desk import TranslationConflict, apply_translation, mark_reviewed
from .exchange.held import is_held_segments, segment_base
from .exchange.importing import apply_translations
from .exchange.segments import segments_of
from .municipal import review_required  # noqa: F401 (asked here by the desk)
from .provenance import Origin, saving_as
from .records import TranslationDraft, TranslationSubmission


class OwnTranslation(PermissionError):
    """The author of a translation cannot be its second reader."""


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
    """Submissions in ``languages`` that ``user`` may review: everyone's but their own.

    A machine draft they asked for is not their own translation: they may read it.
    """
    return (
        TranslationSubmission.objects.filter(language__in=languages)
        .exclude(models.Q(submitted_by=user) & ~models.Q(origin=Origin.MACHINE))
        .select_related("content_type", "submitted_by")
        .order_by("submitted_at")
    )


def is_own(submission: TranslationSubmission, reviewer: AbstractBaseUser) -> bool:
    """Is ``reviewer`` the author? (Of a machine draft, nobody is.)"""
    return submission.submitted_by_id == reviewer.pk and submission.origin != Origin.MACHINE


def approve(submission: TranslationSubmission, reviewer: AbstractBaseUser) -> list[str]:
    """Put the submission live, written by its author and checked by ``reviewer``.

    Raises ``OwnTranslation`` for the author, and ``desk.TranslationConflict``
    (nothing written, the submission kept) when a text changed since it was submitted.
    """
    if is_own(submission, reviewer):
        raise OwnTranslation("The author of a translation cannot review it.")
    obj = submission.target
    with transaction.atomic():
        if is_held_segments(submission.texts):
            changed = _apply_held(submission, obj)
        else:
            changed = apply_translation(
                obj,
                submission.language,
                submission.texts,
                submission.bases,
                submission.submitted_by,
            )
        mark_reviewed(obj, submission.language, changed, reviewer)
        submission.delete()
    return changed


def _apply_held(submission: TranslationSubmission, obj: Any) -> list[str]:
    """Write a held file's or machine draft's segments, unless their Dutch or target moved."""
    language = submission.language
    kind = next(iter(submission.texts)).split("/")[0]
    now = {segment.id: segment for segment in segments_of(kind, obj, language)}
    conflicts = sorted(
        segment_id
        for segment_id in submission.texts
        if segment_id not in now
        or segment_base(now[segment_id]) != submission.bases.get(segment_id)
    )
    if conflicts:
        raise TranslationConflict(conflicts)
    with saving_as(submission.origin, submission.submitted_by):
        apply_translations(
            kind, obj, language, [(now[key], text) for key, text in submission.texts.items()]
        )
    return sorted({segment_id.split("/")[2] for segment_id in submission.texts})


def send_back(submission: TranslationSubmission, reviewer: AbstractBaseUser) -> bool:
    """Return the texts to their author as a draft; a held file or machine draft is declined.

    True when the author got a draft back.
    """
    if is_own(submission, reviewer):
        raise OwnTranslation("The author of a translation cannot review it.")
    if is_held_segments(submission.texts):
        submission.delete()
        return False
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
    return True
