"""What a municipality coordinator manages: what their own municipalities hold.

A regional coordinator (``roles.is_coordinator``) manages every municipality;
a municipality coordinator (``roles.coordinated_municipality_ids``) only:

- rows that point at their municipality: surveys, questions, question routing
  (``coordinated_rows``);
- pages under their municipality's home: its plan, its sections (``coordinates_page``);
- pages published to municipalities: only when they coordinate *every*
  municipality the page is (or, in its draft, will be) published to
  (``coordinates_every``). A regional guide shown in Neder-Betuwe and Tiel is
  approved by a regional coordinator (or by someone who coordinates both):
  Tiel's coordinator alone must not put a text on Neder-Betuwe's site.

Everything else (partners' profiles, the taxonomy, the municipalities
themselves, glossary, translators) stays the regional coordinators'.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from wagtail.models import Page

from ..municipalities.lookup import by_pk
from .roles import User, coordinated_municipality_ids, is_coordinator


def coordinated_rows(user: User, rows: QuerySet, field: str = "municipality") -> QuerySet:
    """``rows`` whose ``field`` is one of the user's municipalities (all for regional ones)."""
    if is_coordinator(user):
        return rows
    own = coordinated_municipality_ids(user)
    if not own:
        return rows.none()
    return rows.filter(**{f"{field}__in": own})


def coordinated_home_paths(user: User) -> tuple[str, ...]:
    """The tree paths of the homes of the municipalities the user coordinates."""
    found = (by_pk(pk) for pk in sorted(coordinated_municipality_ids(user)))
    return tuple(m.root_path for m in found if m is not None)


def coordinates_page(user: User, page: Page) -> bool:
    """Is ``page`` in the part of the tree of a municipality the user coordinates?"""
    if is_coordinator(user):
        return True
    return any(page.path.startswith(root) for root in coordinated_home_paths(user))


def coordinates_every(user: User, municipality_ids: Iterable[int | None]) -> bool:
    """Does the user coordinate every one of ``municipality_ids`` (and there is at least one)?"""
    if is_coordinator(user):
        return True
    wanted = set(municipality_ids)
    return bool(wanted) and None not in wanted and wanted <= coordinated_municipality_ids(user)


def manages_partner_people(user: User, partner) -> bool:
    """May the user invite and remove the partner's editors and contributors?

    Regional coordinators: every partner. A municipality's coordinator: a
    partner that works only in municipalities they coordinate; a partner of
    several municipalities (the GGD of the region) is the regional
    coordinators', as its people publish in all of them.
    """
    if is_coordinator(user):
        return True
    if not coordinated_municipality_ids(user) or partner.pk is None:
        return False
    return coordinates_every(user, partner.municipalities.values_list("pk", flat=True))


def published_to_ids(page: Page) -> set[int]:
    """The municipalities a page is published to, as stored and in its latest draft.

    Empty for pages that are not published to municipalities (home, sections, plan).
    """
    field = getattr(type(page), "municipalities", None)
    if field is None:
        return set()
    ids: set[int] = set()
    if page.pk:
        stored = type(page)._default_manager.filter(pk=page.pk, municipalities__isnull=False)
        ids |= set(stored.values_list("municipalities", flat=True))
        if page.has_unpublished_changes:
            draft = page.get_latest_revision_as_object()
            ids |= {m.pk for m in draft.municipalities.all()}
    return ids


def approves(user: User, page: Page) -> bool:
    """May the user approve (or send back) a submitted ``page`` as a coordinator?

    Published to municipalities: they must coordinate every one of them. Not
    published to any (plan, sections): it must lie under their municipality's home.
    """
    if is_coordinator(user):
        return True
    if not coordinated_municipality_ids(user):
        return False
    page = page.specific_deferred
    published = published_to_ids(page)
    if published:
        return coordinates_every(user, published)
    return coordinates_page(user, page)
