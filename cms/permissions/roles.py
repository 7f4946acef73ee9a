"""The platform's roles, read from group membership.

- **coordinator** (the *regional* coordinator): a superuser or a member of the
  ``Coordinators`` group; may do everything with content, partners and the
  policy plans of every municipality.
- **municipality coordinator**: a member of one municipality's coordinators
  group (``Municipality.coordinators``); manages that municipality only (its
  plan, surveys, questions and routing, its partners' people, approvals of
  what is published there; ``cms.permissions.municipal``).
- **editor** of a partner: member of the partner's editors group; creates, edits
  and publishes that partner's activities and guides, and reports progress on
  the policy actions the partner is responsible for.
- **contributor** of a partner: member of the partner's contributors group;
  writes that partner's activities and guides and submits them to the
  coordinator, who publishes.

Results are cached on the user object for the length of a request; the admin
asks these questions many times per page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group

from ..models.membership import PartnerRole

COORDINATORS_GROUP = "Coordinators"

_ROLES_CACHE = "_wegwijs_partner_roles"
_COORDINATOR_CACHE = "_wegwijs_is_coordinator"

User = AbstractBaseUser | AnonymousUser


def is_coordinator(user: User) -> bool:
    """True for superusers and members of the Coordinators group."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, _COORDINATOR_CACHE):
        setattr(
            user,
            _COORDINATOR_CACHE,
            user.groups.filter(name=COORDINATORS_GROUP).exists(),
        )
    return getattr(user, _COORDINATOR_CACHE)


def coordinated_municipality_ids(user: User) -> frozenset[int]:
    """The municipalities the user coordinates as a member of their coordinators' group.

    Only the municipality coordinator's own municipalities: a regional
    coordinator's "all of them" is ``is_coordinator``, asked separately.
    """
    return _memberships(user)[1]


def is_municipality_coordinator(user: User) -> bool:
    """Does the user coordinate at least one municipality (and not the whole region)?"""
    return not is_coordinator(user) and bool(coordinated_municipality_ids(user))


def coordinates(user: User, municipality_id: int | None) -> bool:
    """May the user manage what ``municipality_id`` holds (its plan, surveys, questions)?

    Regional coordinators: every municipality, and rows held by none (made
    before regions existed). A municipality coordinator: their own only.
    """
    if is_coordinator(user):
        return True
    return municipality_id is not None and municipality_id in coordinated_municipality_ids(user)


def _memberships(user: User) -> tuple[dict[int, set[str]], frozenset[int]]:
    """The user's partner roles and coordinated municipalities, read in one query."""
    if not user.is_authenticated or not user.is_active:
        return {}, frozenset()
    if not hasattr(user, _ROLES_CACHE):
        roles: dict[int, set[str]] = {}
        municipalities: set[int] = set()
        for partner_id, role, municipality_id in Group.objects.filter(user=user).values_list(
            "partner_group__partner_id", "partner_group__role", "coordinated_municipality"
        ):
            if partner_id is not None:
                roles.setdefault(partner_id, set()).add(role)
            if municipality_id is not None:
                municipalities.add(municipality_id)
        setattr(user, _ROLES_CACHE, (roles, frozenset(municipalities)))
    return getattr(user, _ROLES_CACHE)


def partner_roles(user: User) -> dict[int, set[str]]:
    """``{partner id: {role, ...}}`` for every partner the user works for."""
    return _memberships(user)[0]


def partner_ids(user: User, roles: Iterable[str] = tuple(PartnerRole.values)) -> frozenset[int]:
    """The partners the user works for in any of ``roles`` (default: editor or contributor)."""
    wanted = set(roles)
    return frozenset(pid for pid, held in partner_roles(user).items() if held & wanted)


def editor_partner_ids(user: User) -> frozenset[int]:
    return partner_ids(user, [PartnerRole.EDITOR])


def works_for(user: User, partner_id: int | None) -> bool:
    """May the user act on content of this partner (as coordinator, editor or contributor)?"""
    if is_coordinator(user):
        return True
    return partner_id is not None and partner_id in partner_ids(user)


def forget_roles(user: User) -> None:
    """Drop the cached answers, e.g. after changing the user's groups."""
    for name in (_ROLES_CACHE, _COORDINATOR_CACHE):
        if hasattr(user, name):
            delattr(user, name)
