"""Publishing a guide queues its recordings, once the publication is committed."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from wagtail.signals import page_published

from .recordings import readable_languages


def queue_recordings(sender, instance, **kwargs) -> None:
    from .tasks import record_guide

    for language in readable_languages(instance):
        transaction.on_commit(partial(record_guide.enqueue, instance.pk, language))


def connect() -> None:
    from ..models import GuidePage

    page_published.connect(queue_recordings, sender=GuidePage, dispatch_uid="read_aloud")
