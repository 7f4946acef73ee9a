"""What the public may see: the one rule the API, the site and search share."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def published(pages: PageQuerySet, now: datetime | None = None) -> PageQuerySet:
    """Live pages that have not expired (by ``now``, the clock's if None) and are not in a
    private (restricted) section.

    Wagtail leaves ``live`` set on an expired page until its scheduled-publishing
    command runs, so expiry is checked here too. Privacy is checked in SQL (a
    restriction on the page or an ancestor, found by tree path) rather than with
    ``PageQuerySet.public()``, which costs an extra query on every request.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length(F("page__path")))
    )
    return (
        pages.live()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now()))
        .exclude(Exists(restricted))
    )
