"""The groups, permissions and moderation workflow behind the roles.

Everything here is idempotent: it runs when a partner is created, when
someone is given a role, and from ``manage.py setup_roles`` (which also
repairs groups whose permissions were edited by hand).

- ``Coordinators``: all pages (from the home page down), partners, the policy
  plan, vocabularies, images and documents, user accounts; the reviewers of
  the moderation workflow.
- a partner's **editors**: add, change and publish under the activities and
  guides sections (narrowed to their own partner by ``cms.permissions.pages``),
  change policy actions (narrowed by ``cms.permissions.policy``), upload and
  choose images and documents.
- a partner's **contributors**: as editors, without publishing and without
  policy actions; what they submit goes to the coordinators for approval.
- a municipality's **coordinators** (``Municipality.coordinators``, made when
  the first one is invited): the pages under its home (its plan), policy
  actions (narrowed to its plan by ``cms.permissions.policy``), images and
  documents; surveys, questions, routing and approvals are narrowed to the
  municipality by their own policies (``cms.permissions.municipal``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..models import (
    ActivityIndexPage,
    GuideIndexPage,
    MunicipalApprovalTask,
    Municipality,
    Partner,
    PartnerGroup,
    PartnerRole,
)
from ..municipalities.registry import forget as forget_municipalities
from ..site_structure import SiteStructure, ensure_site_structure
from .roles import COORDINATORS_GROUP, forget_roles

MODERATION_WORKFLOW = "Coordinator approval"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
COORDINATOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    *(
        f"cms.{action}_{model}"
        for model in ("partner", "policyaction", "category", "buildingblock")
        for action in ("add", "change", "delete", "view")
    ),
    "auth.add_user",
    "auth.change_user",
    "auth.view_user",
]
EDITOR_MODEL_PERMISSIONS = [*ADMIN_ACCESS, "cms.change_policyaction"]
CONTRIBUTOR_MODEL_PERMISSIONS = ADMIN_ACCESS

MUNICIPALITY_COORDINATOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    *(f"cms.{action}_policyaction" for action in ("add", "change", "delete", "view")),
]

COORDINATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
MUNICIPALITY_COORDINATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
ROLE_PAGE_PERMISSIONS = {
    PartnerRole.EDITOR: ["add", "change", "publish"],
    PartnerRole.CONTRIBUTOR: ["add", "change"],
}

COORDINATOR_MEDIA_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "delete", "choose")
]
PARTNER_MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]


def municipal_homes() -> list[Page]:
    """Every municipality's home page (the first one's included)."""
    return list(Page.objects.filter(sites_rooted_here__municipality__isnull=False))


def municipal_sections() -> list[Page]:
    """The activities and guides sections under every municipality's home."""
    return [
        section
        for home in municipal_homes()
        for model in (ActivityIndexPage, GuideIndexPage)
        for section in model.objects.child_of(home)
    ]


# Inside ``lookups_shared()``: what every new partner's groups are granted, looked up once.
_shared: ContextVar[dict[Any, Any] | None] = ContextVar("partner_grant_lookups", default=None)


@contextmanager
def lookups_shared() -> Iterator[None]:
    """Inside: new partners' groups share one lookup of the site's sections, the
    coordinators' group and the permission rows.

    For an import of many partners (``cms.importing``: half of a partner's queries
    were these lookups, the same for each). Only around work that creates no
    municipality or section: what is looked up here is not looked up again.
    """
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def _once(key: Any, look_up: Callable[[], Any]) -> Any:
    shared = _shared.get()
    if shared is None:
        return look_up()
    if key not in shared:
        shared[key] = look_up()
    return shared[key]


def _permissions(names: list[str]) -> list[Permission]:
    return _once(("permissions", *names), lambda: _look_up_permissions(names))


def _look_up_permissions(names: list[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        perm
        for perm in Permission.objects.filter(
            codename__in=[codename for _, codename in wanted]
        ).select_related("content_type")
        if (perm.content_type.app_label, perm.codename) in wanted
    ]
    if len(found) != len(wanted):
        missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
        raise LookupError(f"Permissions not found (run migrate first): {sorted(missing)}")
    return found


def _grant_pages(group: Group, page: Page, actions: list[str]) -> None:
    _grant_pages_in(group, [page], actions)


def _grant_pages_in(group: Group, pages, actions: list[str]) -> None:
    """One INSERT for every (page, permission) pair; pairs the group already holds stay.

    ``ignore_conflicts`` leans on Wagtail's unique constraint on (group, page,
    permission): a ``get_or_create`` per pair cost two queries and a savepoint
    each, 50 per new partner, which made a partner's import slow.
    """
    perms = _permissions([f"wagtailcore.{action}_page" for action in actions])
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=perm)
            for page in pages
            for perm in perms
        ],
        ignore_conflicts=True,
    )


def _grant_media(group: Group, names: list[str]) -> None:
    root = _once("root collection", Collection.get_first_root_node)
    # unique_together (group, collection, permission): see _grant_pages_in.
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=root, permission=perm)
            for perm in _permissions(names)
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def ensure_coordinators(structure: SiteStructure | None = None) -> Group:
    """The Coordinators group with its permissions, and the workflow it reviews."""
    structure = structure or ensure_site_structure()
    group, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(*_permissions(COORDINATOR_MODEL_PERMISSIONS))
    # Regional: every municipality's home, not only the first one's.
    for home in (structure.home, *municipal_homes()):
        _grant_pages(group, home, COORDINATOR_PAGE_PERMISSIONS)
    _grant_media(group, COORDINATOR_MEDIA_PERMISSIONS)
    ensure_moderation_workflow(group, structure)
    return group


def ensure_moderation_workflow(coordinators: Group, structure: SiteStructure) -> Workflow:
    """Submissions under the activities and guides sections go to the coordinators."""
    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    task = MunicipalApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = MunicipalApprovalTask.objects.create(name=MODERATION_WORKFLOW)
    task.groups.add(coordinators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in (structure.activities, structure.guides, *municipal_sections()):
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


def partner_group_name(partner: Partner, role: str) -> str:
    return f"{partner.name} ({partner.slug}): {role}s"[:150]


def _coordinators_exist() -> bool:
    return Group.objects.filter(name=COORDINATORS_GROUP).exists()


@transaction.atomic
def ensure_partner_groups(partner: Partner, *, repair: bool = False) -> dict[str, Group]:
    """The partner's editors' and contributors' groups, created with their permissions.

    Existing groups are renamed after the partner; their permissions are only
    (re)applied when they are new or when ``repair`` is asked.
    """
    links = {
        link.role: link
        for link in PartnerGroup.objects.filter(partner=partner).select_related("group")
    }
    groups = {}
    for role, link in links.items():
        name = partner_group_name(partner, role)
        if link.group.name != name:
            link.group.name = name
            link.group.save(update_fields=["name"])
        groups[role] = link.group
    if len(links) == len(PartnerRole) and not repair:
        return groups

    structure = _once("structure", ensure_site_structure)
    if repair:
        ensure_coordinators(structure)
    else:
        _once("coordinators", lambda: _coordinators_exist() or ensure_coordinators(structure))
    sections = _once(
        "sections", lambda: {structure.activities, structure.guides, *municipal_sections()}
    )
    for role in PartnerRole:
        if role not in groups:
            group, _ = Group.objects.get_or_create(name=partner_group_name(partner, role))
            PartnerGroup.objects.create(partner=partner, role=role, group=group)
            groups[role] = group
        elif not repair:
            continue
        group = groups[role]
        model_permissions = (
            EDITOR_MODEL_PERMISSIONS
            if role == PartnerRole.EDITOR
            else CONTRIBUTOR_MODEL_PERMISSIONS
        )
        group.permissions.add(*_permissions(model_permissions))
        _grant_pages_in(group, sections, ROLE_PAGE_PERMISSIONS[role])
        _grant_media(group, PARTNER_MEDIA_PERMISSIONS)
    return groups


def grant_partner_role(user, partner: Partner, role: str) -> None:
    """Make ``user`` the partner's editor or contributor (one role per partner)."""
    groups = ensure_partner_groups(partner)
    for held_role, group in groups.items():
        if held_role == role:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    forget_roles(user)


def revoke_partner_roles(user, partner: Partner) -> None:
    user.groups.remove(*Group.objects.filter(partner_group__partner=partner))
    forget_roles(user)


def make_coordinator(user) -> None:
    user.groups.add(ensure_coordinators())
    forget_roles(user)


def municipality_coordinators_name(municipality: Municipality) -> str:
    return f"Coordinators of {municipality.name} ({municipality.slug})"[:150]


@transaction.atomic
def ensure_municipality_coordinators(municipality: Municipality) -> Group:
    """The municipality's coordinators' group, with its permissions (idempotent)."""
    group = municipality.coordinators
    if group is None:
        group, _ = Group.objects.get_or_create(name=municipality_coordinators_name(municipality))
        # ``update``: no save signal, so the registry's snapshot is dropped once, below.
        Municipality.objects.filter(pk=municipality.pk).update(coordinators=group)
        municipality.coordinators = group
        forget_municipalities()
    group.permissions.add(*_permissions(MUNICIPALITY_COORDINATOR_MODEL_PERMISSIONS))
    home = Page.objects.get(pk=municipality.site.root_page_id)
    _grant_pages(group, home, MUNICIPALITY_COORDINATOR_PAGE_PERMISSIONS)
    _grant_media(group, PARTNER_MEDIA_PERMISSIONS)
    if not Group.objects.filter(name=COORDINATORS_GROUP).exists():
        ensure_coordinators()
    return group


def ensure_municipality_rights(municipality: Municipality) -> None:
    """The roles' rights in a municipality's part of the tree (idempotent).

    The regional coordinators on its home, every partner's groups on its
    activities and guides sections (rights follow the partner), and the
    moderation workflow on those sections. Only what already exists is
    granted: a fresh database gets the rest from ``ensure_coordinators``.
    """
    home = Page.objects.filter(pk=municipality.site.root_page_id).first()
    if home is None:
        return
    sections = [
        section
        for model in (ActivityIndexPage, GuideIndexPage)
        for section in model.objects.child_of(home)
    ]
    coordinators = Group.objects.filter(name=COORDINATORS_GROUP).first()
    if coordinators is not None:
        _grant_pages(coordinators, home, COORDINATOR_PAGE_PERMISSIONS)
    for link in PartnerGroup.objects.select_related("group"):
        for section in sections:
            _grant_pages(link.group, section, ROLE_PAGE_PERMISSIONS[link.role])
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW).first()
    if workflow is not None:
        for section in sections:
            WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    if municipality.coordinators_id is not None:
        ensure_municipality_coordinators(municipality)


def make_municipality_coordinator(user, municipality: Municipality) -> None:
    user.groups.add(ensure_municipality_coordinators(municipality))
    forget_roles(user)


def revoke_municipality_coordinator(user, municipality: Municipality) -> None:
    if municipality.coordinators_id is not None:
        user.groups.remove(municipality.coordinators_id)
    forget_roles(user)
