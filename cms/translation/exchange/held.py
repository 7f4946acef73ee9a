"""Translations that wait for a second reader instead of going live: an upload's, a machine's.

Where a municipality requires a review (``municipal.review_required``), the
desk is not the only way a text reaches an object: a translator uploads an
XLIFF file, an operator runs ``translations import --translator``, someone asks
for machine drafts. Each of these keeps the texts of an object as one
``TranslationSubmission`` in the review queue, exactly as a desk submit does,
and nothing of the object changes until a reviewer approves
(``review.approve``).

The texts are kept per segment (``segments``: ``guide/huisarts/body/<block>``),
as they came, markup and all, so that a body's links and bold survive the wait;
segment ids hold a ``/``, field names never do, which tells the two kinds of
submission apart. Each segment's base is a digest of its Dutch source and of
the target as it was when held: if either changed before the approval, the
approval is refused, naming the segment, rather than putting a translation of
an old text live or overwriting someone's newer one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from ..records import Origin, TranslationDraft, TranslationSubmission
from ..status import fingerprint
from .segments import KINDS, Segment

SEPARATOR = "/"


def is_held_segments(texts: Mapping[str, Any]) -> bool:
    """Are these a submission's texts per segment (not per field, as the desk's are)?

    A segment id starts with its kind (``activity/…``, ``guide/…``); the desk's
    names of inline children (``updates/12/text``) and body blocks also hold a
    separator, but never start with a kind.
    """
    return any(key.split(SEPARATOR, 1)[0] in KINDS for key in texts)


def segment_base(segment: Segment) -> str:
    """What must still be the same when the held text is approved: the Dutch and the target."""
    return fingerprint([segment.source, segment.target])


def own_translation_waits(obj: Any, language: str, user: AbstractBaseUser | None) -> bool:
    """Does ``user``'s own (not machine) translation of ``obj`` wait for review?

    A machine draft held for them would take its place (one submission per
    person): it is not drafted then, so their words are not lost.
    """
    if user is None:
        return False
    return (
        TranslationSubmission.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
            language=language,
            submitted_by=user,
        )
        .exclude(origin=Origin.MACHINE)
        .exists()
    )


def hold(
    obj: Any,
    language: str,
    translations: list[tuple[Segment, str]],
    user: AbstractBaseUser,
    origin: str = Origin.HUMAN,
) -> TranslationSubmission:
    """Keep ``translations`` of ``obj`` for review, as ``user``'s (a new one replaces theirs)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    with transaction.atomic():
        submission, _ = TranslationSubmission.objects.update_or_create(
            content_type=content_type,
            object_id=obj.pk,
            language=language,
            submitted_by=user,
            defaults={
                "texts": {segment.id: text for segment, text in translations},
                "bases": {segment.id: segment_base(segment) for segment, _ in translations},
                "origin": Origin(origin),
                "submitted_at": timezone.now(),
            },
        )
        if origin != Origin.MACHINE:
            # The translator's own draft at the desk is what they have now replaced.
            TranslationDraft.objects.filter(
                content_type=content_type, object_id=obj.pk, language=language, saved_by=user
            ).delete()
    return submission
