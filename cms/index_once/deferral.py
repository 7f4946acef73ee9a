"""Index an object once per bulk import, not once per save.

Saving a new page through Wagtail writes it three times (the tree insert,
the revision, the publish), and every save runs two index tasks on the spot:
the admin search's entry (modelsearch) and the reference index. In an import
of a thousand records that is six thousand index updates where two thousand
say the same. Inside ``index_once()`` the two handlers note the object
instead, and on leaving it each noted object is indexed once, still inside
the import's transaction, so a failed import leaves no index rows behind:
read back in one query per model and written to the admin search in one
bulk insert per model, each reference root (an action with its updates)
once.

Neither Wagtail nor modelsearch has such a switch for its search index
(Wagtail's ``disable_reference_index_auto_update`` only skips, it does not
catch up), hence this module. Outside ``index_once()`` nothing changes: the
handlers call Wagtail's own ones.

Layers above cms (the search engine's outbox) defer their own per-save work
the same way through ``bulk_notes``: a dict kept for the whole bulk, handed
to their ``finish`` once on leaving.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from asgiref.local import Local
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

logger = logging.getLogger(__name__)

_noted = Local()


def _deferring() -> bool:
    return getattr(_noted, "objects", None) is not None


def bulk_notes(key: str, finish: Callable[[dict], None]) -> dict | None:
    """Inside ``index_once()``: the dict kept under ``key`` for this bulk, which
    ``finish`` receives once on leaving it (still inside the import's
    transaction); outside: None, and the caller does its work on the spot."""
    if not _deferring():
        return None
    if key not in _noted.finishers:
        _noted.finishers[key] = (finish, {})
    return _noted.finishers[key][1]


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


def _search_backends():
    return index.get_search_backends_with_name(with_auto_update=True)


def _add_to_search(model, instances: list) -> None:
    """What modelsearch's ``insert_or_update_object`` does per object, for many at once:
    only objects in the model's indexed set, in their indexed form, one bulk write per
    backend (errors caught where the backend asks for that, as there)."""
    indexed_pks = set(
        model.get_indexed_objects()
        .filter(pk__in=[instance.pk for instance in instances])
        .values_list("pk", flat=True)
    )
    by_class: dict[type, list] = defaultdict(list)
    for instance in instances:
        if instance.pk in indexed_pks:
            indexed = instance.get_indexed_instance()
            if indexed is not None:
                by_class[type(indexed)].append(indexed)
    for name, backend in _search_backends():
        for indexed_model, objects in by_class.items():
            try:
                backend.add_bulk(indexed_model, objects)
            except Exception:
                logger.exception("Could not add %s objects to search backend %s", model, name)
                if not backend.catch_indexing_errors:
                    raise


def _index(model, pks: list, roots: dict) -> None:
    """Add the model's noted objects to the admin search; note their reference roots."""
    searched = index.class_is_indexed(model) and getattr(model, "search_auto_update", True)
    referenced = model in ReferenceIndex.tracked_models
    if not (searched or referenced):
        return
    found = model._default_manager.in_bulk(pks)
    instances = [found[pk] for pk in pks if pk in found]  # some may be deleted again
    if searched and instances:
        _add_to_search(model, instances)
    if referenced:
        for instance in instances:
            root = _reference_root(instance)
            if root is not None and ReferenceIndex.is_indexed(type(root)):
                # An action with five updates is one root: its references once.
                roots[(type(root), root.pk)] = root


@contextmanager
def index_once() -> Iterator[None]:
    """Within: saves note their object; on leaving: each noted object indexed once."""
    if _deferring():
        yield  # nested: the outer one indexes
        return
    _noted.objects = {}
    _noted.finishers = {}
    try:
        with disable_reference_index_auto_update():
            yield
        noted = list(_noted.objects)
        finishers = list(_noted.finishers.values())
    finally:
        del _noted.objects
        del _noted.finishers
    by_model: dict[type, list] = defaultdict(list)
    for model, pk in noted:
        by_model[model].append(pk)
    roots: dict = {}
    for model, pks in by_model.items():
        _index(model, pks, roots)
    for root in roots.values():
        ReferenceIndex.create_or_update_for_object(root)
    for finish, notes in finishers:
        finish(notes)
