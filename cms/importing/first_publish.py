"""A new imported page, live from its first save, with the revision that records it.

Wagtail makes a published page in three full saves: ``add_child`` (the tree
insert), ``save_revision`` (bookkeeping) and ``Revision.publish``, which
reads the page back out of the revision's JSON and saves it again, cleaning
and signalling each time. For a page that does not exist yet the third save
writes what the first already wrote: an import of a partner's calendar spent
half its time there. Wagtail has no call that creates a page published, so
this module does what ``publish`` leaves behind, after one full save of a
page that is live from the start: the revision, the page's pointers to it,
the "published" entry in the history and the ``page_published`` and
``published`` signals that the search outbox, read-aloud and the machine
label listen to. Editors see the same history and revisions as after a
publish in the admin (the import's user is none, as before).

Only for new pages without a future go-live date: an update goes through
Wagtail's own ``save_revision().publish()``, which also logs renames and
keeps aliases and comments in step.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published, published


def can_publish_in_one_save(page: Page) -> bool:
    return page.go_live_at is None or page.go_live_at <= timezone.now()


def add_published(parent: Page, page: Page) -> Revision:
    """Insert ``page`` under ``parent`` already live, then record and announce its publication."""
    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)  # the one full save: clean, signals, tree
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    bookkeeping: dict[str, Any] = {
        "latest_revision": revision,
        "live_revision": revision,
        "latest_revision_created_at": revision.created_at,
        "draft_title": page.title,
    }
    # An UPDATE, not a save: these columns change no content that the save's
    # signals (translation sources, occurrences, the index) would look at.
    type(page).objects.filter(pk=page.pk).update(**bookkeeping)
    for name, value in bookkeeping.items():
        setattr(page, name, value)
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    # first_revision: the page had no revision before this one, so nothing of
    # an earlier draft can go live with it (``cms.translation.parked``).
    page_published.send(sender=type(page), instance=page, revision=revision, first_revision=True)
    published.send(sender=type(page), instance=page, revision=revision, first_revision=True)
    return revision
