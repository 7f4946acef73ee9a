"""Drop the in-memory municipalities (``registry``) whenever what it holds changes."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Site

from .registry import forget


def _forget(**kwargs) -> None:
    forget()


def connect() -> None:
    from ..models import Municipality, Village

    for model in (Municipality, Village, Site):
        post_save.connect(_forget, sender=model, dispatch_uid=f"municipalities-save-{model}")
        post_delete.connect(_forget, sender=model, dispatch_uid=f"municipalities-del-{model}")
    m2m_changed.connect(_forget, sender=Municipality, dispatch_uid="municipalities-m2m")
