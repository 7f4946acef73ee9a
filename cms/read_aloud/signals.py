"""Publishing a guide or an activity queues its recordings, once the publication is committed."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from wagtail.signals import page_published

from .recordings import readable_languages


def queue_recordings(sender, instance, **kwargs) -> None:
    from ..models import ActivityPage
    from .tasks import record_activity, record_guide

    recorder = record_activity if isinstance(instance, ActivityPage) else record_guide
    for language in readable_languages(instance):
        transaction.on_commit(partial(recorder.enqueue, instance.pk, language))


def connect() -> None:
    from ..models import ActivityPage, GuidePage

    page_published.connect(queue_recordings, sender=GuidePage, dispatch_uid="read_aloud")
    page_published.connect(
        queue_recordings, sender=ActivityPage, dispatch_uid="read_aloud_activity"
    )
