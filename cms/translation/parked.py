"""A machine draft parked in a page's unpublished revision keeps its label when it is published.

A machine draft of a page goes live at once only where the coordinator chose
so and the page has no pending draft; otherwise it is parked in a new
revision (``machine.drafts``). Nobody records it then: only the live row's
texts have provenance. When an editor later publishes that draft, the save
is theirs (the admin's ``saving_as``), so the machine text would go live
recorded as ``human``, without its "automatically translated" note.

So the revision the draft was parked in carries, under its own key, a digest
of each machine text (Wagtail ignores keys that are not fields when it makes
the page from a revision, and every later revision of the editor leaves the
marked one in the history). On ``page_published``, a text that goes live
exactly as the machine wrote it is recorded as machine, unreviewed, whoever
publishes it. A text the editor changed is theirs; a machine text a person has
already reviewed keeps its review.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from .records import Origin, TranslationRecord
from .texts_as_opened import text_fingerprint

KEY = "wegwijs_machine_texts"


def mark_machine_texts(revision: Revision, language: str, names: list[str]) -> None:
    """Note in ``revision`` which of its texts in ``language`` a machine wrote, as written."""
    page = revision.as_object()
    marks = dict(revision.content.get(KEY) or {})
    for name in names:
        column = f"{name}_{language}"
        marks[column] = text_fingerprint(getattr(page, column, None))
    revision.content[KEY] = marks
    revision.save(update_fields=["content"])


def machine_texts(page: Page) -> dict[str, str]:
    """Every column a machine draft of ``page`` was parked in → the digest of its text (newest)."""
    marks: dict[str, str] = {}
    for content in (
        page.revisions.filter(content__has_key=KEY)
        .order_by("created_at", "pk")
        .values_list("content", flat=True)
    ):
        marks.update(content[KEY])
    return marks


def keep_machine_label(sender: Any, instance: Page, **kwargs: Any) -> None:
    """page_published: texts that went live as a machine parked them are recorded as machine."""
    if kwargs.get("first_revision"):
        return  # a page published in its first save (an import): no draft was parked
    marks = machine_texts(instance)
    if not marks:
        return
    for column, digest in marks.items():
        if text_fingerprint(getattr(instance, column, None)) != digest:
            continue
        name, _sep, language = column.rpartition("_")
        TranslationRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(type(instance)),
            object_id=instance.pk,
            field=name,
            language=language,
        ).exclude(origin=Origin.MACHINE).update(
            origin=Origin.MACHINE, reviewed=False, reviewed_by=None, reviewed_at=None
        )


def connect() -> None:
    """Connect the label keeper (from ``CmsConfig.ready``)."""
    page_published.connect(keep_machine_label, dispatch_uid="translation-parked-machine-label")
