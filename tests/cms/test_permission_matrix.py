"""Every write path × every role: only the roles that may write get through.

The partner whose content is written is GGD (``OWN``); ``editor_other`` and
``contributor_other`` work for VV Ochten. For every cell:

- a role that may write: the write happens (so the path really is a write path);
- any other role: the answer is a refusal, and what the path writes is unchanged.

The API rows send POST/PUT/PATCH/DELETE to the read-only public API and to
Wagtail's admin API: nobody may write through them, whatever their role.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import (
    ActivityIndexPage,
    ActivityPage,
    BuddyMatch,
    BuddyOffer,
    BuddyProject,
    BuddyRequest,
    GlossaryTerm,
    GuideIndexPage,
    GuidePage,
    Invitation,
    Municipality,
    Partner,
    PolicyAction,
    Signup,
    Venue,
)
from cms.taking_part.capacity import SignupRequest, sign_up
from cms.translation.desk import target_fingerprint
from cms.translation.exchange.segments import segments_of
from cms.translation.exchange.xliff import write
from cms.translation.municipal import MunicipalTranslationSettings
from cms.translation.records import TranslationSubmission
from cms.translation.translators import TranslatorAssignment, assign_translator
from tests.cms.admin_forms import page_form_data
from tests.cms.conftest import OTHER, OWN, ROLES, build_coalition


@pytest.fixture(scope="module")
def coalition_for_module(django_db_setup, django_db_blocker):
    """The coalition, imported once for the ~300 cells: each test runs in a savepoint
    inside this transaction and is rolled back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_coalition()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def coalition(coalition_for_module, db):
    """Overrides the conftest fixture: the module's coalition, unchanged for every test."""


EDITOR_OWN = {"editor_own", "coordinator"}
MEMBERS_OWN = {"editor_own", "contributor_own", "coordinator"}
COORDINATOR = {"coordinator"}
NOBODY: set[str] = set()


def activity() -> ActivityPage:
    return ActivityPage.objects.get(slug="spreekuur")


def guide() -> GuidePage:
    return GuidePage.objects.get(slug="huisarts")


def action() -> PolicyAction:
    return PolicyAction.objects.get(slug="taalhuis")


def partner(slug: str = OWN) -> Partner:
    return Partner.objects.get(slug=slug)


# --- What a path may change ---------------------------------------------------------


def page_state(model, slug: str) -> Any:
    row = (
        model.objects.filter(slug=slug)
        .values(
            "title",
            "draft_title",
            "live",
            "has_unpublished_changes",
            "latest_revision_id",
            "live_revision_id",
            "path",
            "locked",
            "go_live_at",
            "expire_at",
            model.partner_field + "_id",
        )
        .first()
    )
    if row is None:
        return None
    pk = model.objects.get(slug=slug).pk
    return {
        **row,
        "pages_of_type": model.objects.count(),
        "restrictions": PageViewRestriction.objects.filter(page_id=pk).count(),
        "workflows": WorkflowState.objects.count(),
    }


def activity_state() -> Any:
    return page_state(ActivityPage, "spreekuur")


def guide_state() -> Any:
    return page_state(GuidePage, "huisarts")


def live_activity_state() -> Any:
    """What visitors see: a contributor's draft may change, the live page may not."""
    return (
        ActivityPage.objects.filter(slug="spreekuur")
        .values("title", "live", "live_revision_id", "go_live_at", "expire_at", "organiser_id")
        .first()
    )


def live_guide_state() -> Any:
    return (
        GuidePage.objects.filter(slug="huisarts")
        .values("title", "live", "live_revision_id", "author_id")
        .first()
    )


def co_organisers_state() -> Any:
    """Who the activity is listed under: live, and in its latest draft."""
    page = activity()
    draft = page.get_latest_revision_as_object()
    return {
        "co_organisers": sorted(page.co_organisers.values_list("slug", flat=True)),
        "draft": sorted(p.slug for p in draft.co_organisers.all()),
    }


def action_state() -> Any:
    found = PolicyAction.objects.filter(slug="taalhuis").first()
    if found is None:
        return None
    return {
        "title": found.title,
        "status": found.status,
        "progress": found.progress,
        "responsible": sorted(found.responsible.values_list("slug", flat=True)),
        "updates": sorted(found.updates.values_list("text", flat=True)),
        "actions": PolicyAction.objects.count(),
    }


def partner_state() -> Any:
    return {
        "partners": list(Partner.objects.order_by("slug").values_list("slug", "name")),
        "ggd_editors": sorted(
            User.objects.filter(groups__partner_group__partner__slug=OWN).values_list(
                "email", flat=True
            )
        ),
        # Inviting gives nobody a role yet: it creates an invitation (issue #21).
        "invitations": sorted(
            Invitation.objects.filter(partner__slug=OWN).values_list("email", flat=True)
        ),
    }


# --- Form data --------------------------------------------------------------------


def action_form_data(**overrides) -> dict:
    found = action()
    fields = {
        "plan": found.plan_id,
        "building_block": found.building_block_id,
        "title_nl": found.title_nl,
        "slug": found.slug,
        "description_nl": found.description_nl,
        "status": found.status,
        "progress": found.progress,
        "starts_on": str(found.starts_on),
        "due_on": str(found.due_on),
        "responsible": [p.pk for p in found.responsible.all()],
        "updates": inline_formset(
            [{"id": u.pk, "date": str(u.date), "text_nl": u.text_nl} for u in found.updates.all()]
            + [{"date": "2026-12-01", "text_nl": "Nieuwe stap gezet."}]
        ),
    }
    fields.update(overrides)
    responsible = fields.pop("responsible")
    data = nested_form_data(fields)
    data["responsible"] = responsible
    return data


def partner_form_data(found: Partner | None = None, **overrides) -> dict:
    fields = {
        "name": found.name if found else "Nieuwe partner",
        "slug": found.slug if found else "nieuwe-partner",
        "type": found.type if found else "association",
        "description_nl": found.description_nl if found else "",
        # What the form shows chosen: the feed's language (Dutch unless set).
        "calendar_language": found.calendar_language if found else "nl",
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    data["languages_spoken"] = list(found.languages_spoken) if found else ["nl"]
    return data


# --- The paths -----------------------------------------------------------------------


@dataclass(frozen=True)
class WritePath:
    name: str
    allowed: set[str]
    send: Callable[[Any], Any]  # client -> response
    state: Callable[[], Any]
    # For the allowed roles: did the write happen? (before, after) -> bool
    happened: Callable[[Any, Any], bool]
    prepare: Callable[[], None] | None = None
    # Roles that may submit this form but whose forbidden part is ignored.
    ignored_for: set[str] | None = None


def _edit(client, page, **kwargs):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form_data(page, **kwargs)
    )


def _bulk(client, app, model, action_name, pk, data=None):
    url = reverse("wagtail_bulk_action", args=[app, model, action_name]) + f"?id={pk}&next=/admin/"
    return client.post(url, data or {})


def _draft_for_bulk_publish():
    page = activity()
    page.title = "Concept"
    page.save_revision()


def _changed(key):
    return lambda before, after: after is not None and after[key] != before[key]


def _gone(before, after):
    return after is None


def _more(key):
    return lambda before, after: after is not None and after[key] > before[key]


ADMIN_PATHS = [
    WritePath(
        "open activity editor",
        MEMBERS_OWN,
        lambda c: c.get(reverse("wagtailadmin_pages:edit", args=[activity().pk])),
        activity_state,
        lambda before, after: True,
    ),
    WritePath(
        "save activity draft",
        MEMBERS_OWN,
        lambda c: _edit(c, activity(), title_nl="Bijgewerkt"),
        activity_state,
        _changed("draft_title"),
    ),
    WritePath(
        "publish activity",
        EDITOR_OWN,
        lambda c: _edit(c, activity(), action="publish", title_nl="Gepubliceerd"),
        live_activity_state,
        _changed("title"),
        ignored_for={"contributor_own"},  # saves a draft for approval, publishes nothing
    ),
    WritePath(
        "submit activity for approval",
        MEMBERS_OWN,
        lambda c: _edit(c, activity(), action="submit", title_nl="Ter goedkeuring"),
        activity_state,
        _more("workflows"),
    ),
    WritePath(
        "give activity to another partner",
        COORDINATOR,
        lambda c: _edit(c, activity(), action="publish", organiser=partner(OTHER).pk),
        activity_state,
        _changed("organiser_id"),
    ),
    WritePath(
        "name another partner as co-organiser",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailadmin_pages:edit", args=[activity().pk]),
            {
                **page_form_data(activity(), action="publish"),
                "co_organisers": [partner(OTHER).pk],
            },
        ),
        co_organisers_state,
        _changed("co_organisers"),
    ),
    WritePath(
        "schedule activity expiry",
        EDITOR_OWN,
        lambda c: _edit(c, activity(), action="publish", expire_at="2030-01-01 00:00"),
        live_activity_state,
        _changed("expire_at"),
        ignored_for={"contributor_own"},
    ),
    WritePath(
        "unpublish activity",
        EDITOR_OWN,
        lambda c: c.post(reverse("wagtailadmin_pages:unpublish", args=[activity().pk])),
        activity_state,
        _changed("live"),
    ),
    WritePath(
        "delete activity",
        EDITOR_OWN,
        lambda c: c.post(reverse("wagtailadmin_pages:delete", args=[activity().pk])),
        activity_state,
        _gone,
    ),
    WritePath(
        "move activity",
        EDITOR_OWN,
        lambda c: c.post(
            reverse(
                "wagtailadmin_pages:move_confirm",
                args=[activity().pk, ActivityIndexPage.objects.get().pk],
            )
        ),
        activity_state,
        _changed("path"),
    ),
    WritePath(
        "reorder activities",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailadmin_pages:set_page_position", args=[activity().pk]) + "?position=1"
        ),
        activity_state,
        _changed("path"),
    ),
    WritePath(
        "reorder activities through the admin API's move",
        COORDINATOR,
        lambda c: c.post(
            f"/admin/api/main/pages/{activity().pk}/action/move/",
            data=json.dumps(
                {
                    "destination_page_id": ActivityPage.objects.get(slug="voetbal").pk,
                    "position": "right",
                }
            ),
            content_type="application/json",
        ),
        activity_state,
        _changed("path"),
    ),
    WritePath(
        "copy activity",
        MEMBERS_OWN,
        lambda c: c.post(
            reverse("wagtailadmin_pages:copy", args=[activity().pk]),
            {
                "new_title_nl": "Kopie",
                "new_slug": "kopie",
                "new_parent_page": ActivityIndexPage.objects.get().pk,
            },
        ),
        activity_state,
        _more("pages_of_type"),
    ),
    WritePath(
        "lock activity",
        COORDINATOR,
        lambda c: c.post(reverse("wagtailadmin_pages:lock", args=[activity().pk])),
        activity_state,
        _changed("locked"),
    ),
    WritePath(
        "restrict activity's visibility",
        EDITOR_OWN,
        lambda c: c.post(
            reverse("wagtailadmin_pages:set_privacy", args=[activity().pk]),
            {"restriction_type": "login"},
        ),
        activity_state,
        _more("restrictions"),
    ),
    WritePath(
        "bulk delete activity",
        EDITOR_OWN,
        lambda c: _bulk(c, "wagtailcore", "page", "delete", activity().pk),
        activity_state,
        _gone,
    ),
    WritePath(
        "bulk unpublish activity",
        EDITOR_OWN,
        lambda c: _bulk(c, "wagtailcore", "page", "unpublish", activity().pk),
        activity_state,
        _changed("live"),
    ),
    WritePath(
        "bulk publish activity draft",
        EDITOR_OWN,
        lambda c: _bulk(c, "wagtailcore", "page", "publish", activity().pk),
        live_activity_state,
        _changed("title"),
        prepare=_draft_for_bulk_publish,
    ),
    WritePath(
        "create activity for the partner",
        MEMBERS_OWN,
        lambda c: c.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["cms", "activitypage", ActivityIndexPage.objects.get().pk],
            ),
            page_form_data(
                activity(), action="publish", slug="nieuw", title_nl="Nieuw", organiser=partner().pk
            ),
        ),
        activity_state,
        _more("pages_of_type"),
    ),
    WritePath(
        "publish guide",
        EDITOR_OWN,
        lambda c: _edit(c, guide(), action="publish", title_nl="Nieuwe gids"),
        live_guide_state,
        _changed("title"),
        ignored_for={"contributor_own"},
    ),
    WritePath(
        "delete guide",
        EDITOR_OWN,
        lambda c: c.post(reverse("wagtailadmin_pages:delete", args=[guide().pk])),
        guide_state,
        _gone,
    ),
    WritePath(
        "create guide for the partner",
        MEMBERS_OWN,
        lambda c: c.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["cms", "guidepage", GuideIndexPage.objects.get().pk],
            ),
            page_form_data(
                guide(), action="publish", slug="nieuwe-gids", title_nl="Nieuw", author=partner().pk
            ),
        ),
        guide_state,
        _more("pages_of_type"),
    ),
    WritePath(
        "post progress update on policy action",
        EDITOR_OWN,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_policyaction:edit", args=[action().pk]),
            action_form_data(),
        ),
        action_state,
        _changed("updates"),
    ),
    WritePath(
        "change policy action itself",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_policyaction:edit", args=[action().pk]),
            action_form_data(title_nl="Gekaapt", status="done", progress=100, responsible=[]),
        ),
        lambda: {k: v for k, v in action_state().items() if k != "updates"},
        _changed("title"),
        ignored_for={"editor_own"},
    ),
    WritePath(
        "delete policy action",
        COORDINATOR,
        lambda c: c.post(reverse("wagtailsnippets_cms_policyaction:delete", args=[action().pk])),
        action_state,
        _gone,
    ),
    WritePath(
        "bulk delete policy action",
        COORDINATOR,
        lambda c: _bulk(c, "cms", "policyaction", "delete", action().pk),
        action_state,
        _gone,
    ),
    WritePath(
        "add policy action",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_policyaction:add"),
            action_form_data(slug="nieuwe-actie", updates=inline_formset([])),
        ),
        lambda: PolicyAction.objects.count(),
        lambda before, after: after > before,
    ),
    WritePath(
        "edit partner",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_partner:edit", args=[partner().pk]),
            partner_form_data(partner(), name="Overgenomen"),
        ),
        partner_state,
        _changed("partners"),
    ),
    WritePath(
        "add partner",
        COORDINATOR,
        lambda c: c.post(reverse("wagtailsnippets_cms_partner:add"), partner_form_data()),
        partner_state,
        _changed("partners"),
    ),
    WritePath(
        "delete partner",
        COORDINATOR,
        lambda c: c.post(reverse("wagtailsnippets_cms_partner:delete", args=[partner("leeg").pk])),
        partner_state,
        _changed("partners"),
    ),
    WritePath(
        "invite editor to partner",
        COORDINATOR,
        lambda c: c.post(
            reverse("cms_partner_members", args=[partner().pk]),
            {"email": "nieuw@example.org", "role": "editor"},
        ),
        partner_state,
        _changed("invitations"),
    ),
]


# The public API (api/) and Wagtail's admin API are read-only for everyone.
def _api_paths() -> list[WritePath]:
    targets = [
        ("/api/v1/activities/spreekuur", activity_state),
        ("/api/v1/activities", activity_state),
        ("/api/v1/guides/huisarts", guide_state),
        ("/api/v1/partners/ggd", partner_state),
        ("/api/v1/policy-plan", action_state),
    ]
    paths = []
    for url, state in targets:
        for method in ("post", "put", "patch", "delete"):
            paths.append(
                WritePath(
                    f"API {method.upper()} {url}",
                    NOBODY,
                    lambda c, url=url, method=method: getattr(c, method)(
                        url, data="{}", content_type="application/json"
                    ),
                    state,
                    lambda before, after: False,
                )
            )
    for method in ("post", "put", "patch", "delete"):
        paths.append(
            WritePath(
                f"admin API {method.upper()} page",
                NOBODY,
                lambda c, method=method: getattr(c, method)(
                    f"/admin/api/main/pages/{activity().pk}/",
                    data="{}",
                    content_type="application/json",
                ),
                activity_state,
                lambda before, after: False,
            )
        )
    return paths


API_PATHS = _api_paths()
# --- Taking part: sign-ups and buddy lists belong to one partner's editors -------------


def own_signup() -> Signup:
    """A sign-up for OWN's activity (and a waiting one behind it), made if missing."""
    found = Signup.objects.filter(reference__isnull=False, name="Ania").first()
    if found:
        return found
    page = activity()
    page.capacity = 1
    sign_up(page, SignupRequest("Ania", "email", "ania@example.org", "pl", 1, None))
    sign_up(page, SignupRequest("Bogdan", "phone", "+40712345678", "ro", 1, None))
    return Signup.objects.get(name="Ania")


def own_buddy_pair() -> tuple[BuddyRequest, BuddyOffer]:
    """A buddy request and offer handed to OWN's buddy project, made if missing."""
    project, _ = BuddyProject.objects.get_or_create(partner=partner())
    common = {"language": "nl", "languages": ["nl"], "village": "ochten", "project": project}
    request, _ = BuddyRequest.objects.get_or_create(
        reference="REQ-OWN",
        defaults={"name": "Oleh", "contact_method": "email", "contact_value": "o@x.org", **common},
    )
    offer, _ = BuddyOffer.objects.get_or_create(
        reference="OFF-OWN",
        defaults={"name": "Henk", "contact_method": "email", "contact_value": "h@x.org", **common},
    )
    return request, offer


def signup_state() -> Any:
    return list(
        Signup.objects.order_by("pk").values_list("name", "status", "attended", "contact_value")
    )


def buddy_state() -> Any:
    return {
        "requests": list(BuddyRequest.objects.order_by("pk").values_list("reference", "status")),
        "offers": list(BuddyOffer.objects.order_by("pk").values_list("reference", "status")),
        "matches": BuddyMatch.objects.count(),
        "projects": list(BuddyProject.objects.values_list("partner_id", "villages")),
    }


def _signup_edit(client, **fields):
    signup = own_signup()
    data = {"status": signup.status, "attended": "unknown", **fields}
    return client.post(reverse("signups:edit", args=[signup.pk]), data)


def _prepare_taking_part():
    own_signup()
    own_buddy_pair()


TAKING_PART_PATHS = [
    WritePath(
        "open sign-up",
        EDITOR_OWN,
        lambda c: c.get(reverse("signups:edit", args=[own_signup().pk])),
        signup_state,
        lambda before, after: True,
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "mark sign-up attended",
        EDITOR_OWN,
        lambda c: _signup_edit(c, attended="true"),
        signup_state,
        lambda before, after: after[0][2] is True,
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "cancel sign-up (the waiting one moves up)",
        EDITOR_OWN,
        lambda c: _signup_edit(c, status="cancelled"),
        signup_state,
        lambda before, after: [row[1] for row in after] == ["cancelled", "confirmed"],
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "delete sign-up",
        COORDINATOR,
        lambda c: c.post(reverse("signups:delete", args=[own_signup().pk])),
        signup_state,
        lambda before, after: len(after) < len(before),
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "withdraw buddy request",
        EDITOR_OWN,
        lambda c: c.post(
            reverse("buddy_requests:edit", args=[own_buddy_pair()[0].pk]), {"status": "withdrawn"}
        ),
        buddy_state,
        lambda before, after: after["requests"] != before["requests"],
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "make buddy match",
        EDITOR_OWN,
        lambda c: c.post(
            reverse("cms_buddy_suggestions"),
            {"request": own_buddy_pair()[0].pk, "offer": own_buddy_pair()[1].pk},
        ),
        buddy_state,
        _more("matches"),
        prepare=_prepare_taking_part,
    ),
    WritePath(
        "hand buddy project more villages",
        COORDINATOR,
        lambda c: c.post(
            reverse("buddy_projects:edit", args=[BuddyProject.objects.get().pk]),
            {"partner": partner().pk, "villages": '["ochten"]'},
        ),
        buddy_state,
        lambda before, after: after["projects"] != before["projects"],
        prepare=_prepare_taking_part,
    ),
]


def own_venue() -> Venue:
    return Venue.objects.get_or_create(
        name="Sporthal De Eng",
        defaults={"address": "Engweg 3", "village": "ochten", "partner": partner()},
    )[0]


def platform_venue() -> Venue:
    return Venue.objects.get_or_create(
        name="Dorpshuis", defaults={"address": "Dorpsstraat 1", "village": "kesteren"}
    )[0]


def _prepare_venues():
    own_venue()
    platform_venue()
    page = activity()
    page.location_name, page.location_address = "Kerk", "Kerkstraat 1"
    page.save_revision().publish()


def venue_state() -> Any:
    return {
        "venues": sorted(Venue.objects.values_list("name", "address", "partner_id")),
        "activity_venue": ActivityPage.objects.filter(slug="spreekuur")
        .values_list("venue_id", flat=True)
        .first(),
    }


def _venue_form(venue: Venue | None, **overrides) -> dict:
    data = {
        "name": venue.name if venue else "Clubhuis",
        "address": venue.address if venue else "Sportlaan 2",
        "village": venue.village if venue else "ochten",
        "lat": "",
        "lon": "",
        "accessibility": "",
        "partner": (venue.partner_id or "") if venue else partner().pk,
    }
    data.update(overrides)
    return data


VENUE_PATHS = [
    WritePath(
        "add venue for the partner",
        EDITOR_OWN,
        lambda c: c.post(reverse("venues:add"), _venue_form(None)),
        venue_state,
        lambda before, after: len(after["venues"]) > len(before["venues"]),
        prepare=_prepare_venues,
    ),
    WritePath(
        "edit the partner's venue",
        EDITOR_OWN,
        lambda c: c.post(
            reverse("venues:edit", args=[own_venue().pk]),
            _venue_form(own_venue(), address="Sportlaan 9"),
        ),
        venue_state,
        lambda before, after: after["venues"] != before["venues"],
        prepare=_prepare_venues,
    ),
    WritePath(
        "delete the partner's venue",
        EDITOR_OWN,
        lambda c: c.post(reverse("venues:delete", args=[own_venue().pk])),
        venue_state,
        lambda before, after: len(after["venues"]) < len(before["venues"]),
        prepare=_prepare_venues,
    ),
    WritePath(
        "edit the platform's venue",
        COORDINATOR,
        lambda c: c.post(
            reverse("venues:edit", args=[platform_venue().pk]),
            _venue_form(platform_venue(), address="Dorpsstraat 3"),
        ),
        venue_state,
        lambda before, after: after["venues"] != before["venues"],
        prepare=_prepare_venues,
    ),
    WritePath(
        "make a venue of an activity's one-off place",
        COORDINATOR,
        lambda c: c.post(reverse("cms_make_venue", args=[activity().pk]), {"partner": ""}),
        venue_state,
        lambda before, after: after["activity_venue"] is not None,
        prepare=_prepare_venues,
    ),
]


# --- The glossary: coordinators keep the approved words -------------------------------


def glossary_term() -> GlossaryTerm:
    term, _ = GlossaryTerm.objects.get_or_create(
        slug="huisarts",
        defaults={"term_nl": "huisarts", "explanation_nl": "De dokter.", "term_pl": "lekarz"},
    )
    return term


def glossary_state() -> Any:
    return list(GlossaryTerm.objects.order_by("slug").values_list("slug", "term_nl", "term_pl"))


def glossary_form_data(**fields) -> dict:
    term = glossary_term()
    data = {"slug": term.slug, "sort_order": 0}
    for code, _ in settings.LANGUAGES:
        data[f"term_{code}"] = getattr(term, f"term_{code}") or ""
        data[f"explanation_{code}"] = getattr(term, f"explanation_{code}") or ""
    return {**data, **fields}


GLOSSARY_PATHS = [
    WritePath(
        "change approved word in glossary",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_glossaryterm:edit", args=[glossary_term().pk]),
            glossary_form_data(term_pl="lekarz rodzinny"),
        ),
        glossary_state,
        lambda before, after: after != before,
        prepare=glossary_term,
    ),
    WritePath(
        "add glossary term",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_glossaryterm:add"),
            {**glossary_form_data(slug="bsn", term_nl="BSN", explanation_nl="Je nummer.")},
        ),
        glossary_state,
        lambda before, after: len(after) > len(before),
        prepare=glossary_term,
    ),
    WritePath(
        "delete glossary term",
        COORDINATOR,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_glossaryterm:delete", args=[glossary_term().pk])
        ),
        glossary_state,
        lambda before, after: len(after) < len(before),
        prepare=glossary_term,
    ),
]


def _desk(client, language: str, **texts):
    """Post texts to the translation desk for the own activity, as opened just now."""
    page = activity()
    bases = {f"base-{name}": target_fingerprint(page, name, language) for name in texts}
    return client.post(
        reverse("cms_translation_desk", args=["activity", page.pk, language]),
        {**bases, **{f"text-{name}": text for name, text in texts.items()}, "action": "submit"},
    )


def desk_state() -> Any:
    return (
        ActivityPage.objects.filter(slug="spreekuur")
        .values("summary_pl", "summary_ro", "summary_nl", "title_nl", "slug", "starts_at")
        .get()
    )


TRANSLATORS_PL = {"translator_pl", "coordinator"}

DESK_PATHS = [
    WritePath(
        "translate activity into Polish at the desk",
        TRANSLATORS_PL,
        lambda c: _desk(c, "pl", summary="Ćwiczymy razem."),
        desk_state,
        _changed("summary_pl"),
    ),
    WritePath(
        "translate activity into Romanian at the desk",
        COORDINATOR,
        lambda c: _desk(c, "ro", summary="Exersăm împreună."),
        desk_state,
        _changed("summary_ro"),
    ),
    WritePath(
        "change the Dutch source at the desk",
        NOBODY,
        lambda c: _desk(c, "nl", summary="Anders."),
        desk_state,
        _changed("summary_nl"),
    ),
    WritePath(
        "change another field at the desk",
        NOBODY,
        lambda c: _desk(c, "pl", slug="overgenomen", starts_at="2030-01-01"),
        desk_state,
        _changed("slug"),
    ),
    WritePath(
        "publish a partner's draft by translating it",
        NOBODY,
        lambda c: _desk(c, "pl", title="Konsultacje"),
        live_activity_state,
        _changed("title"),
        prepare=_draft_for_bulk_publish,
        # Their Polish title goes live; the partner's Dutch draft stays a draft.
        ignored_for=TRANSLATORS_PL,
    ),
]


def _agency_file(language: str = "pl", text: str = "Dom językowy") -> SimpleUploadedFile:
    """An XLIFF file translating the policy action's title into ``language``."""
    segments = [
        replace(segment, target=text)
        for segment in segments_of("action", action(), language)
        if segment.id.endswith("/title")
    ]
    return SimpleUploadedFile(f"{language}.xlf", write(segments, "nl", language))


def _action_title(language: str) -> Callable[[], Any]:
    return lambda: PolicyAction.objects.filter(slug="taalhuis").values_list(
        f"title_{language}", flat=True
    )[0]


GLOSSARY_PATHS.extend(
    [
        WritePath(
            # A translator into Polish uploads their own Polish file back, as an agency does.
            "import XLIFF into Polish",
            TRANSLATORS_PL,
            lambda c: c.post(
                reverse("cms_translation_exchange"), {"upload": "1", "file": _agency_file()}
            ),
            _action_title("pl"),
            lambda before, after: after == "Dom językowy",
        ),
        WritePath(
            "import XLIFF into Romanian",
            COORDINATOR,
            lambda c: c.post(
                reverse("cms_translation_exchange"),
                {"upload": "1", "file": _agency_file("ro", "Casa limbii")},
            ),
            _action_title("ro"),
            lambda before, after: after == "Casa limbii",
        ),
    ]
)


def _ask_drafts_of_the_queue(client, language: str):
    """Ask for machine drafts of everything missing in ``language`` (queued, not run here)."""
    with override_settings(DEEPL_AUTH_KEY="matrix-key"):
        return client.post(reverse("cms_machine_drafts"), {"language": language, "segment": ""})


def queued_drafts() -> list:
    return sorted(
        DBTaskResult.objects.filter(task_path=TASK_PATH).values_list("args_kwargs", flat=True),
        key=repr,
    )


TASK_PATH = "cms.translation.machine.tasks.draft_language"

DESK_PATHS.extend(
    [
        WritePath(
            "ask machine drafts of the Polish queue",
            TRANSLATORS_PL,
            lambda c: _ask_drafts_of_the_queue(c, "pl"),
            queued_drafts,
            lambda before, after: len(after) > len(before),
        ),
        WritePath(
            "ask machine drafts of the Romanian queue",
            COORDINATOR,
            lambda c: _ask_drafts_of_the_queue(c, "ro"),
            queued_drafts,
            lambda before, after: len(after) > len(before),
        ),
    ]
)

DESK_PATHS.append(
    WritePath(
        "name a translator",
        COORDINATOR,
        lambda c: c.post(
            reverse("translators:add"),
            {"user": User.objects.get_or_create(username="vrijwilliger")[0].pk, "language": "bg"},
        ),
        lambda: list(TranslatorAssignment.objects.filter(language="bg").values_list("user_id")),
        lambda before, after: len(after) > len(before),
    )
)


def _submission_for_review() -> None:
    """Another translator's Polish summary of the own activity, waiting for a second reader."""
    author = User.objects.create_user("auteur-pl", "auteur-pl@example.org", "x" * 16)
    assign_translator(author, "pl")
    page = activity()
    TranslationSubmission.objects.create(
        content_type=ContentType.objects.get_for_model(ActivityPage),
        object_id=page.pk,
        language="pl",
        texts={"summary": "Sprawdzony opis."},
        bases={"summary": target_fingerprint(page, "summary", "pl")},
        submitted_by=author,
        submitted_at=timezone.now(),
    )


DESK_PATHS.extend(
    [
        WritePath(
            "approve another translator's Polish translation",
            TRANSLATORS_PL,
            lambda c: c.post(
                reverse("cms_translation_review", args=[TranslationSubmission.objects.get().pk]),
                {"action": "approve"},
            ),
            desk_state,
            _changed("summary_pl"),
            prepare=_submission_for_review,
        ),
        WritePath(
            "send another translator's Polish translation back",
            TRANSLATORS_PL,
            lambda c: c.post(
                reverse("cms_translation_review", args=[TranslationSubmission.objects.get().pk]),
                {"action": "send_back"},
            ),
            lambda: list(TranslationSubmission.objects.values_list("texts", flat=True)),
            lambda before, after: len(after) < len(before),
            prepare=_submission_for_review,
        ),
    ]
)


def translation_settings_state() -> Any:
    return list(
        MunicipalTranslationSettings.objects.values_list(
            "municipality_id", "machine_characters_per_month", "publish_machine_drafts_in"
        )
    )


DESK_PATHS.append(
    WritePath(
        "set a municipality's machine budget and languages published unreviewed",
        COORDINATOR,
        lambda c: c.post(
            reverse("translation_settings:add"),
            {
                "municipality": Municipality.objects.order_by("pk").first().pk,
                "machine_characters_per_month": "900",
                "publish_machine_drafts_in": ["pl"],
            },
        ),
        translation_settings_state,
        lambda before, after: len(after) > len(before),
    )
)


ALL_PATHS = ADMIN_PATHS + TAKING_PART_PATHS + VENUE_PATHS + GLOSSARY_PATHS + API_PATHS + DESK_PATHS


def is_refusal(response) -> bool:
    """Refused: 400 (a field that cannot be written, named), 401/403/405, a redirect to the
    login or the admin's "no permission" home, a form shown again with errors, or (for the
    API) a route that does not exist."""
    status = response.status_code
    if status in (400, 401, 403, 405):
        return True
    if status == 302:
        location = response["Location"]
        # A 404 (a page the user may not see, e.g. in the admin API) that
        # LocaleMiddleware turned into a redirect to the language-prefixed address.
        not_found = location == f"/{settings.LANGUAGE_CODE}{response.wsgi_request.path}"
        return (
            not_found
            or location.startswith(reverse("wagtailadmin_login"))
            or location == reverse("wagtailadmin_home")
        )
    if status == 200:
        context = response.context or {}
        form = context.get("form") if hasattr(context, "get") else None
        return bool(form is not None and form.errors) or bool(
            context.get("items_with_no_access") if hasattr(context, "get") else False
        )
    if status == 404:
        try:
            resolve(response.wsgi_request.path)
        except Resolver404:
            return True  # not routed at all (yet): nothing can be written there
        return False
    return False


def check_write(write: WritePath, role: str, client, sign_in: Callable[[str], Any]) -> None:
    """One cell of a matrix: ``role`` sends ``write``; allowed, it happens; else it is
    refused and nothing changes. Shared with the region matrix (test_region_matrix)."""
    if write.prepare:
        write.prepare()
    sign_in(role)
    before = write.state()

    response = write.send(client)
    after = write.state()

    assert response.status_code < 500
    if role in write.allowed:
        assert write.happened(before, after), f"{role} could not {write.name}"
    elif write.ignored_for and role in write.ignored_for:
        assert after == before, f"{role} changed what {write.name} protects"
    else:
        assert is_refusal(response), (
            f"{role}: {write.name} answered {response.status_code} {response.get('Location', '')}"
        )
        assert after == before, f"{role} changed something through {write.name}"


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("write", ALL_PATHS, ids=lambda w: w.name)
def test_write_path(write: WritePath, role: str, client, login_as):
    check_write(write, role, client, login_as)


@pytest.mark.parametrize("role", ["editor_other", "contributor_own", "contributor_other"])
def test_no_one_else_lists_or_exports_a_partner_s_sign_ups_or_buddies(role, client, login_as):
    _prepare_taking_part()
    login_as(role)
    for address in (
        reverse("signups:index"),
        reverse("signups:index") + "?export=csv",
        reverse("buddy_requests:index"),
        reverse("buddy_offers:index"),
        reverse("cms_buddy_suggestions"),
    ):
        response = client.get(address)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Ania" not in body and b"Oleh" not in body and b"Henk" not in body, address


def test_the_organiser_s_editor_exports_sign_ups_as_text_not_formulas(client, login_as):
    signup = own_signup()
    Signup.objects.filter(pk=signup.pk).update(name="=HYPERLINK(1)")
    login_as("editor_own")
    response = client.get(reverse("signups:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body and ",=HYPERLINK" not in body
    assert "Bogdan" in body


def test_matrix_covers_every_role_and_path():
    assert len(ROLES) == 7
    assert len(ALL_PATHS) * len(ROLES) >= 300


@pytest.mark.parametrize("role", ["editor_other", "contributor_other"])
def test_other_partners_pages_are_not_listed(role, client, login_as):
    login_as(role)
    hidden = activity()
    visible = ActivityPage.objects.get(slug="voetbal")
    section = ActivityIndexPage.objects.get()

    explorer = client.get(reverse("wagtailadmin_explore", args=[section.pk])).content.decode()
    search = client.get(reverse("wagtailadmin_pages:search") + "?q=Taalcaf").content.decode()
    menu = client.get(f"/admin/api/main/pages/?child_of={section.pk}&for_explorer=1").json()

    assert visible.title in explorer
    assert hidden.title not in explorer
    assert hidden.title not in search
    assert hidden.pk not in [item["id"] for item in menu["items"]]
    assert visible.pk in [item["id"] for item in menu["items"]]


def test_policy_action_list_shows_only_the_partners_actions(client, login_as):
    login_as("editor_own")
    listing = client.get(reverse("wagtailsnippets_cms_policyaction:list")).content.decode()
    assert action().title in listing
    assert PolicyAction.objects.get(slug="handhaving").title not in listing


def test_editor_form_offers_only_own_partners(client, login_as):
    login_as("editor_own")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[activity().pk]))
    choices = list(response.context["form"].fields["organiser"].queryset)
    assert choices == [partner()]


def test_editor_cannot_edit_the_section_pages(client, login_as):
    login_as("editor_own")
    section = ActivityIndexPage.objects.get()
    before = Page.objects.filter(pk=section.pk).values("title", "latest_revision_id").get()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[section.pk]))
    assert is_refusal(response)
    assert Page.objects.filter(pk=section.pk).values("title", "latest_revision_id").get() == before


def test_choosing_another_partner_as_organiser_is_refused_by_the_form(client, login_as):
    login_as("editor_own")
    page = activity()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form_data(page, action="publish", organiser=partner(OTHER).pk),
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["organiser"]
    assert activity().organiser.slug == OWN
