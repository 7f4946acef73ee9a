"""Index an object once per bulk import, not once per save.

Saving a new page through Wagtail writes it three times (the tree insert,
the revision, the publish), and every save runs two index tasks on the spot:
the admin search's entry (modelsearch) and the reference index. In an import
of a thousand records that is six thousand index updates where two thousand
say the same. Inside ``index_once()`` the two handlers note the object
instead, and on leaving it each noted object is indexed once, still inside
the import's transaction, so a failed import leaves no index rows behind.

Neither Wagtail nor modelsearch has such a switch for its search index
(Wagtail's ``disable_reference_index_auto_update`` only skips, it does not
catch up), hence this module. Outside ``index_once()`` nothing changes: the
handlers call Wagtail's own ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from asgiref.local import Local
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

_noted = Local()


def _deferring() -> bool:
    return getattr(_noted, "objects", None) is not None


def _search_handler(instance, **kwargs) -> None:
    if not _deferring() or kwargs.get("raw", False):
        post_save_signal_handler(instance, **kwargs)


def _note(sender, instance, raw=False, **kwargs) -> None:
    if _deferring() and not raw:
        _noted.objects[(type(instance), instance.pk)] = None


def take_over_search_handlers() -> None:
    """Put ``_search_handler`` in the place of modelsearch's save handler (from ``ready``).

    Connected before the old one is disconnected: a save in between is indexed
    twice, harmlessly, never not at all.
    """
    post_save.connect(_note, dispatch_uid="index-once-note")
    for model in index.get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        post_save.connect(_search_handler, sender=model)
        post_save.disconnect(post_save_signal_handler, sender=model)


def _reference_root(instance):
    """The object an inline child's references belong to (found as Wagtail's own task does)."""
    while True:
        keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
        if instance is None:
            return None


def _index(model, pk) -> None:
    searched = index.class_is_indexed(model) and getattr(model, "search_auto_update", True)
    referenced = model in ReferenceIndex.tracked_models
    if not (searched or referenced):
        return
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return  # deleted again within the import
    if searched:
        index.insert_or_update_object(instance)
    root = _reference_root(instance) if referenced else None
    if root is not None and ReferenceIndex.is_indexed(type(root)):
        ReferenceIndex.create_or_update_for_object(root)


@contextmanager
def index_once() -> Iterator[None]:
    """Within: saves note their object; on leaving: each noted object indexed once."""
    if _deferring():
        yield  # nested: the outer one indexes
        return
    _noted.objects = {}
    try:
        with disable_reference_index_auto_update():
            yield
        noted = list(_noted.objects)
    finally:
        del _noted.objects
    for model, pk in noted:
        _index(model, pk)
