"""Making a poster in the background: WeasyPrint takes a second or more per page,
too long for a web request, and several app servers share one queue.

The view enqueues ``make_poster`` on the "background" database backend
(``manage.py db_worker --backend background`` works it off) with what the
request asked for; the task looks the item up again, renders and stores the
PDF under the key the request computed (``stored``).
"""

from __future__ import annotations

from django_tasks import task

from ..municipalities.lookup import by_pk
from .branding import branding_for
from .content import poster_content, published_object
from .render import poster_pdf
from .stored import store


class NothingToPrint(LookupError):
    """The item was unpublished or closed between the request and the worker."""


@task(backend="background")
def make_poster(
    key: str, kind: str, slug: str, languages: list[str], size: str, municipality: int | None
) -> str:
    """Render and store one poster; returns its storage path (the task's result)."""
    obj = None
    if kind != "contact-point":
        obj = published_object(kind, slug)
        if obj is None:
            raise NothingToPrint(f"no published {kind} '{slug}'")
    branding = branding_for(by_pk(municipality) if municipality is not None else None)
    content = poster_content(obj, kind, languages, branding.site_url)
    return store(key, poster_pdf(content, size, branding))
