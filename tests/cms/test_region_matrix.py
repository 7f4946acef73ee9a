"""Two municipalities × the coordinators' write paths: each municipality's coordinators
manage their own, the regional coordinator all.

The region: Neder-Betuwe (``NB``) and Tiel, sharing the GGD; a club in each.
Every path acts on what Neder-Betuwe holds (its questions, survey, plan,
routing, partners, approvals, venues), or on what the region shares (the GGD, a
guide published to both). For every cell, as in ``test_permission_matrix``:

- a role that may: the write happens (so the path really is a write path);
- any other role: a refusal, and what the path protects is unchanged.

The roles of ``test_permission_matrix`` keep their rows there; this matrix
adds the municipality coordinators (of Neder-Betuwe, of Tiel), the regional
coordinator, a translator of Polish for Tiel and one for the whole region, and
a partner's editor and a visitor as the baseline. The translation desk's paths
(the editor, XLIFF, machine drafts, review) act on what is shown in
Neder-Betuwe only (its training, its home page's intro), and on what Tiel
shows too (the GGD's guide, Tiel's home page's intro).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from translate.storage import xliff as xliff1
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.accounts.invitations import (
    COORDINATOR,
    MUNICIPALITY_COORDINATOR,
    accept_for_new_account,
    invite_member,
)
from cms.models import (
    ActivityPage,
    GuidePage,
    HomePage,
    Invitation,
    Municipality,
    Partner,
    PolicyAction,
    PolicyPlanPage,
    Question,
    Survey,
    TopicResponsibility,
    Venue,
)
from cms.translation.desk import target_fingerprint
from cms.translation.exchange.segments import segments_of
from cms.translation.exchange.xliff import unit_id, write
from cms.translation.records import TranslationSubmission
from cms.translation.translators import assign_translator
from tests import factories, survey_factories
from tests.cms.conftest import PASSWORD
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL
from tests.cms.test_permission_matrix import WritePath, check_write
from tests.region_factories import IN_OCHTEN, region

NB, TIEL = "neder-betuwe", "tiel"

TRANSLATOR = "translator"

ROLES: dict[str, tuple[str, str | None] | None] = {
    "anonymous": None,
    "editor_ochten": ("editor", "club-ochten"),
    "coordinator_tiel": (MUNICIPALITY_COORDINATOR, TIEL),
    "coordinator_nb": (MUNICIPALITY_COORDINATOR, NB),
    "regional": (COORDINATOR, None),
    # Translators of Polish: one for Tiel only, one for every municipality of the region.
    "translator_pl_tiel": (TRANSLATOR, TIEL),
    "translator_pl_region": (TRANSLATOR, None),
}
OF_NB = {"coordinator_nb", "regional"}
REGIONAL = {"regional"}
# The desk: what Neder-Betuwe alone shows, and what Tiel shows as well.
TRANSLATE_NB = {"regional", "translator_pl_region"}
TRANSLATE_TIEL = TRANSLATE_NB | {"translator_pl_tiel"}


def municipality(slug: str) -> Municipality:
    return Municipality.objects.get(slug=slug)


def partner(slug: str) -> Partner:
    return Partner.objects.get(slug=slug)


def build_region() -> None:
    """Neder-Betuwe and Tiel, each with a question, a route, a survey and a plan's action."""
    region(
        activities=[
            factories.activity(
                "club-ochten", slug="training-ochten", municipalities=[NB], location=IN_OCHTEN
            )
        ],
        guides=[factories.guide("ggd", slug="ggd-gids", municipalities=[NB, TIEL])],
        policy_actions=[
            factories.policy_action(slug="nb-taal", municipality=NB, responsible=["club-ochten"]),
            factories.policy_action(slug="tiel-taal", municipality=TIEL),
        ],
    )
    Partner.objects.filter(slug="club-ochten").update(name="Club Ochten")
    Partner.objects.filter(slug="club-tiel").update(name="Club Tiel")
    for slug, reference, club in ((NB, "Q-NB", "club-ochten"), (TIEL, "Q-TIEL", "club-tiel")):
        Question.objects.create(
            reference=reference,
            language="pl",
            topic="housing",
            text=f"Vraag uit {slug}",
            municipality=municipality(slug),
        )
        TopicResponsibility.objects.create(
            topic="work", partner=partner(club), municipality=municipality(slug)
        )
        survey_factories.survey(slug=f"enquete-{slug}", municipality=municipality(slug))
    # Each municipality's home page welcomes in Dutch only: texts for the translation desk.
    for slug in (NB, TIEL):
        home = home_of(slug)
        home.intro_nl = f"Welkom in {slug}."
        home.save_revision().publish()
    # The platform's village hall in Ochten, kept by Neder-Betuwe's coordinators.
    Venue.objects.create(
        name="Dorpshuis Ochten",
        address="Dorpsstraat 1",
        village="ochten",
        municipality=municipality(NB),
    )


@pytest.fixture(scope="module")
def region_for_module(django_db_setup, django_db_blocker):
    """The region, built once for the module; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_region()
        yield
        transaction.set_rollback(True)


def home_of(slug: str) -> HomePage:
    return HomePage.objects.get(pk=municipality(slug).site.root_page_id)


def make_person(role: str, where: str | None, email: str | None = None):
    """A user in ``role`` (of a partner or a municipality), invited and the link used;
    a translator of Polish (for ``where``'s municipality only), named by a coordinator."""
    email = email or f"{role}-{where or 'regio'}@example.org"
    if role == TRANSLATOR:
        user = get_user_model().objects.create_user(email, email, PASSWORD)
        site = municipality(where).site if where else None
        assign_translator(user, "pl", site)
        return user
    if role == MUNICIPALITY_COORDINATOR:
        sent = invite_member(email, role, municipality=municipality(where))
    elif role == COORDINATOR:
        sent = invite_member(email, role)
    else:
        sent = invite_member(email, role, partner(where))
    return accept_for_new_account(sent.invitation, PASSWORD)


@pytest.fixture
def act_as(client, region_for_module, db):
    def login(role_name: str):
        spec = ROLES[role_name]
        if spec is None:
            return None
        user = make_person(*spec)
        client.force_login(user)
        return user

    return login


# --- What the paths protect ------------------------------------------------------------


def nb_question() -> Question:
    return Question.objects.get(reference="Q-NB")


def question_state() -> Any:
    return (
        Question.objects.filter(reference="Q-NB")
        .values("answer", "status", "routed_partner_id", "text")
        .first()
    )


def nb_survey() -> Survey:
    return Survey.objects.get(slug=f"enquete-{NB}")


def survey_state() -> Any:
    return list(Survey.objects.order_by("slug").values_list("slug", "title_nl", "municipality"))


def nb_plan() -> PolicyPlanPage:
    home = Page.objects.get(pk=municipality(NB).site.root_page_id)
    return PolicyPlanPage.objects.child_of(home).get()


def plan_state() -> Any:
    return PolicyPlanPage.objects.filter(pk=nb_plan().pk).values("title", "live_revision_id").get()


def nb_action() -> PolicyAction:
    return PolicyAction.objects.get(slug="nb-taal")


def action_state() -> Any:
    found = PolicyAction.objects.filter(slug="nb-taal").first()
    if found is None:
        return None
    return {"title": found.title, "status": found.status, "actions": PolicyAction.objects.count()}


def membership_state() -> Any:
    return sorted(
        Invitation.objects.filter(partner__isnull=False).values_list("partner__slug", "email")
    )


def partners_state() -> Any:
    return sorted(Partner.objects.filter(municipalities__slug=NB).values_list("slug", flat=True))


def routing_state() -> Any:
    return sorted(
        TopicResponsibility.objects.values_list("municipality__slug", "topic", "partner__slug")
    )


def coordinators_state() -> Any:
    return sorted(
        Invitation.objects.filter(municipality__isnull=False).values_list(
            "municipality__slug", "email"
        )
    )


def workflow_state(model, slug: str) -> Any:
    page = model.objects.get(slug=slug)
    state = WorkflowState.objects.filter(
        base_content_type__isnull=False, object_id=str(page.pk)
    ).first()
    return {
        "status": state.status if state else None,
        "title": model.objects.filter(pk=page.pk).values_list("title", flat=True).get(),
    }


# --- Form data and preparations ----------------------------------------------------------


def _answer(client, **fields):
    question = nb_question()
    data = {"answer": "", "status": question.status, "routed_partner": "", **fields}
    return client.post(reverse("questions:edit", args=[question.pk]), data)


def _plan_form(**fields) -> dict:
    plan = nb_plan()
    data = {
        "title_nl": plan.title_nl,
        "title_en": plan.title_en or "",
        "slug": plan.slug,
        "intro_nl": "",
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def _action_form(**overrides) -> dict:
    found = nb_action()
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
        "updates": inline_formset(
            [{"id": u.pk, "date": str(u.date), "text_nl": u.text_nl} for u in found.updates.all()]
        ),
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    data["responsible"] = [p.pk for p in found.responsible.all()]
    return data


def _submit(model, slug: str) -> None:
    """A partner's contributor changes the page and submits it for approval."""
    page = model.objects.get(slug=slug)
    author = "club-ochten" if model is ActivityPage else "ggd"
    contributor = make_person("contributor", author, f"contributor-{slug}@example.org")
    page.title = "Ter goedkeuring"
    revision = page.save_revision(user=contributor)
    assert revision is not None
    page.get_workflow().start(page, contributor)


def _draft(model=ActivityPage, slug: str = "training-ochten") -> None:
    page = model.objects.get(slug=slug)
    page.title = "Concept"
    page.save_revision()


def _approve(client, model, slug: str):
    page = model.objects.get(slug=slug)
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status="in_progress"
    )
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def nb_hall() -> Venue:
    return Venue.objects.get(name="Dorpshuis Ochten")


def venue_state() -> Any:
    return sorted(
        Venue.objects.values_list("name", "address", "municipality__slug", "partner__slug")
    )


def _venue_form(**overrides) -> dict:
    """A platform venue (no partner) in Neder-Betuwe, as the venue form posts it."""
    return {
        "name": "Dorpshuis Ochten",
        "address": "Dorpsstraat 1",
        "village": "ochten",
        "municipality": municipality(NB).pk,
        "lat": "",
        "lon": "",
        "accessibility": "",
        "partner": "",
        **overrides,
    }


def _changed(key):
    return lambda before, after: after is not None and after[key] != before[key]


def _gone(before, after):
    return after is None


def _differs(before, after):
    return after != before


def _read(before, after):
    return True


PATHS = [
    WritePath(
        "open Neder-Betuwe's question",
        OF_NB,
        lambda c: c.get(reverse("questions:edit", args=[nb_question().pk])),
        question_state,
        _read,
    ),
    WritePath(
        "answer Neder-Betuwe's question",
        OF_NB,
        lambda c: _answer(c, answer="Bel de gemeente.", status="answered"),
        question_state,
        _changed("answer"),
    ),
    WritePath(
        "route Neder-Betuwe's question to a partner",
        OF_NB,
        lambda c: _answer(c, routed_partner=partner("club-ochten").pk),
        question_state,
        _changed("routed_partner_id"),
    ),
    WritePath(
        "delete Neder-Betuwe's question",
        OF_NB,
        lambda c: c.post(reverse("questions:delete", args=[nb_question().pk])),
        question_state,
        _gone,
    ),
    WritePath(
        "see Neder-Betuwe's survey results",
        OF_NB,
        lambda c: c.get(reverse("cms_survey_results", args=[nb_survey().pk])),
        survey_state,
        _read,
    ),
    WritePath(
        "download Neder-Betuwe's survey results as CSV",
        OF_NB,
        lambda c: c.get(reverse("cms_survey_results_csv", args=[nb_survey().pk])),
        survey_state,
        _read,
    ),
    WritePath(
        "open Neder-Betuwe's survey",
        OF_NB,
        lambda c: c.get(reverse("wagtailsnippets_cms_survey:edit", args=[nb_survey().pk])),
        survey_state,
        _read,
    ),
    WritePath(
        "delete Neder-Betuwe's survey",
        OF_NB,
        lambda c: c.post(reverse("wagtailsnippets_cms_survey:delete", args=[nb_survey().pk])),
        survey_state,
        _differs,
    ),
    WritePath(
        "save Neder-Betuwe's plan page",
        OF_NB,
        lambda c: c.post(
            reverse("wagtailadmin_pages:edit", args=[nb_plan().pk]),
            _plan_form(title_nl="Ons plan"),
        ),
        lambda: Page.objects.filter(pk=nb_plan().pk).values("draft_title").get(),
        _changed("draft_title"),
    ),
    WritePath(
        "publish Neder-Betuwe's plan page",
        OF_NB,
        lambda c: c.post(
            reverse("wagtailadmin_pages:edit", args=[nb_plan().pk]),
            _plan_form(title_nl="Ons plan", **{"action-publish": "action-publish"}),
        ),
        plan_state,
        _changed("title"),
    ),
    WritePath(
        "change an action of Neder-Betuwe's plan",
        OF_NB,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_policyaction:edit", args=[nb_action().pk]),
            _action_form(title_nl="Gekaapt", status="done"),
        ),
        action_state,
        _changed("title"),
        # The responsible partner's editor posts progress; the rest of the form is not theirs.
        ignored_for={"editor_ochten"},
    ),
    WritePath(
        "delete an action of Neder-Betuwe's plan",
        OF_NB,
        lambda c: c.post(reverse("wagtailsnippets_cms_policyaction:delete", args=[nb_action().pk])),
        action_state,
        _gone,
    ),
    WritePath(
        "add an action to Neder-Betuwe's plan",
        OF_NB,
        lambda c: c.post(
            reverse("wagtailsnippets_cms_policyaction:add"),
            _action_form(slug="nb-nieuw", updates=inline_formset([])),
        ),
        action_state,
        _changed("actions"),
    ),
    WritePath(
        "invite an editor to Neder-Betuwe's club",
        OF_NB,
        lambda c: c.post(
            reverse("cms_partner_members", args=[partner("club-ochten").pk]),
            {"email": "nieuw@example.org", "role": "editor"},
        ),
        membership_state,
        _differs,
    ),
    WritePath(
        "invite an editor to the region's GGD",
        REGIONAL,
        lambda c: c.post(
            reverse("cms_partner_members", args=[partner("ggd").pk]),
            {"email": "nieuw@example.org", "role": "editor"},
        ),
        membership_state,
        _differs,
    ),
    WritePath(
        "add a partner to Neder-Betuwe",
        OF_NB,
        lambda c: c.post(
            reverse("cms_municipality_partners", args=[municipality(NB).pk]),
            {"partner": partner("club-tiel").pk},
        ),
        partners_state,
        _differs,
    ),
    WritePath(
        "take a partner out of Neder-Betuwe",
        OF_NB,
        lambda c: c.post(
            reverse("cms_municipality_partners", args=[municipality(NB).pk]),
            {"remove": partner("club-ochten").pk},
        ),
        partners_state,
        _differs,
    ),
    WritePath(
        "route a topic in Neder-Betuwe",
        OF_NB,
        lambda c: c.post(
            reverse("question_routing:add"),
            {
                "topic": "housing",
                "partner": partner("club-ochten").pk,
                "municipality": municipality(NB).pk,
            },
        ),
        routing_state,
        _differs,
    ),
    WritePath(
        "change Neder-Betuwe's route",
        OF_NB,
        lambda c: c.post(
            reverse(
                "question_routing:edit",
                args=[TopicResponsibility.objects.get(municipality__slug=NB).pk],
            ),
            {"topic": "work", "partner": partner("ggd").pk, "municipality": municipality(NB).pk},
        ),
        routing_state,
        _differs,
    ),
    WritePath(
        "delete Neder-Betuwe's route",
        OF_NB,
        lambda c: c.post(
            reverse(
                "question_routing:delete",
                args=[TopicResponsibility.objects.get(municipality__slug=NB).pk],
            )
        ),
        routing_state,
        _differs,
    ),
    WritePath(
        "approve an activity published to Neder-Betuwe",
        OF_NB,
        lambda c: _approve(c, ActivityPage, "training-ochten"),
        lambda: workflow_state(ActivityPage, "training-ochten"),
        _changed("title"),
        prepare=lambda: _submit(ActivityPage, "training-ochten"),
    ),
    WritePath(
        "bulk publish a draft of an activity published to Neder-Betuwe",
        # A municipality coordinator publishes what they may approve; its editor, their own.
        OF_NB | {"editor_ochten"},
        lambda c: c.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={ActivityPage.objects.get(slug='training-ochten').pk}&next=/admin/"
        ),
        lambda: ActivityPage.objects.filter(slug="training-ochten").values("title").get(),
        _changed("title"),
        prepare=_draft,
    ),
    WritePath(
        "bulk publish a draft of a guide published to both municipalities",
        REGIONAL,
        lambda c: c.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            + f"?id={GuidePage.objects.get(slug='ggd-gids').pk}&next=/admin/"
        ),
        lambda: GuidePage.objects.filter(slug="ggd-gids").values("title").get(),
        _changed("title"),
        prepare=lambda: _draft(GuidePage, "ggd-gids"),
    ),
    WritePath(
        "approve a guide published to both municipalities",
        REGIONAL,
        lambda c: _approve(c, GuidePage, "ggd-gids"),
        lambda: workflow_state(GuidePage, "ggd-gids"),
        _changed("title"),
        prepare=lambda: _submit(GuidePage, "ggd-gids"),
    ),
    WritePath(
        "add a venue in Neder-Betuwe",
        OF_NB,
        lambda c: c.post(reverse("venues:add"), _venue_form(name="Bibliotheek Ochten")),
        venue_state,
        _differs,
    ),
    WritePath(
        "change Neder-Betuwe's village hall",
        OF_NB,
        lambda c: c.post(
            reverse("venues:edit", args=[nb_hall().pk]), _venue_form(address="Dorpsstraat 9")
        ),
        venue_state,
        _differs,
    ),
    WritePath(
        "delete Neder-Betuwe's village hall",
        OF_NB,
        lambda c: c.post(reverse("venues:delete", args=[nb_hall().pk])),
        venue_state,
        _differs,
    ),
    WritePath(
        "invite a coordinator of Neder-Betuwe",
        REGIONAL,
        lambda c: c.post(
            reverse("cms_municipality_coordinators", args=[municipality(NB).pk]),
            {"email": "wethouder@example.org", "language": "nl"},
        ),
        coordinators_state,
        _differs,
    ),
]


# --- The translation desk: a translator for Tiel works on what Tiel shows ----------------


def training() -> ActivityPage:
    return ActivityPage.objects.get(slug="training-ochten")


def shared_guide() -> GuidePage:
    return GuidePage.objects.get(slug="ggd-gids")


def _at_desk(client, kind: str, obj, **texts):
    bases = {f"base-{name}": target_fingerprint(obj, name, "pl") for name in texts}
    return client.post(
        reverse("cms_translation_desk", args=[kind, obj.pk, "pl"]),
        {**bases, **{f"text-{name}": text for name, text in texts.items()}, "action": "submit"},
    )


def _polish(model, lookup: dict, column: str):
    return lambda: model.objects.filter(**lookup).values_list(column, flat=True).get()


def _xliff(client, kind: str, obj, field: str, text: str):
    """Upload a Polish file translating one text of ``obj``."""
    segments = [
        replace(segment, target=text)
        for segment in segments_of(kind, obj, "pl")
        if segment.id.endswith(f"/{field}")
    ]
    upload = SimpleUploadedFile("pl.xlf", write(segments, "nl", "pl"))
    return client.post(reverse("cms_translation_exchange"), {"upload": "1", "file": upload})


def _machine_draft(client, segment: str):
    """Ask a machine draft of one object (the budget: the first municipality one may spend)."""
    with (
        LocalDeepL() as server,
        override_settings(
            DEEPL_AUTH_KEY=AUTH_KEY,
            DEEPL_SERVER_URL=server.url,
            DEEPL_NETWORK_RETRIES=0,
            MACHINE_DRAFTS_PUBLISHED_LANGUAGES=[],
        ),
    ):
        data = {"municipality": "", "language": "pl", "segment": segment}
        return client.post(reverse("cms_machine_drafts"), data)


def drafted_summary() -> Any:
    """The training's Polish summary in its latest revision (where a machine draft waits)."""
    return training().get_latest_revision().content.get("summary_pl")


def _submission_of_the_training() -> None:
    """Another translator's Polish summary of Neder-Betuwe's training, waiting for review."""
    author = get_user_model().objects.create_user("auteur-pl", "auteur-pl@example.org", "x" * 16)
    assign_translator(author, "pl")
    page = training()
    TranslationSubmission.objects.create(
        content_type=ContentType.objects.get_for_model(ActivityPage),
        object_id=page.pk,
        language="pl",
        texts={"summary": "Sprawdzony opis."},
        bases={"summary": target_fingerprint(page, "summary", "pl")},
        submitted_by=author,
        submitted_at=timezone.now(),
    )


def _review(client, action: str):
    submission = TranslationSubmission.objects.get()
    return client.post(reverse("cms_translation_review", args=[submission.pk]), {"action": action})


_TRAINING_PL = _polish(ActivityPage, {"slug": "training-ochten"}, "summary_pl")
_GUIDE_PL = _polish(GuidePage, {"slug": "ggd-gids"}, "summary_pl")


def _home_pl(slug: str):
    return lambda: HomePage.objects.values_list("intro_pl", flat=True).get(pk=home_of(slug).pk)


DESK_PATHS = [
    WritePath(
        "open Neder-Betuwe's training at the desk",
        TRANSLATE_NB,
        lambda c: c.get(reverse("cms_translation_desk", args=["activity", training().pk, "pl"])),
        _TRAINING_PL,
        _read,
    ),
    WritePath(
        "translate Neder-Betuwe's training into Polish at the desk",
        TRANSLATE_NB,
        lambda c: _at_desk(c, "activity", training(), summary="Trening w Ochten."),
        _TRAINING_PL,
        _differs,
    ),
    WritePath(
        "translate the GGD's guide for both into Polish at the desk",
        TRANSLATE_TIEL,
        lambda c: _at_desk(c, "guide", shared_guide(), summary="Jak działa lekarz."),
        _GUIDE_PL,
        _differs,
    ),
    WritePath(
        "translate Neder-Betuwe's home page intro at the desk",
        TRANSLATE_NB,
        lambda c: _at_desk(c, "home", home_of(NB), intro="Witamy w Neder-Betuwe."),
        _home_pl(NB),
        _differs,
    ),
    WritePath(
        "translate Tiel's home page intro at the desk",
        TRANSLATE_TIEL,
        lambda c: _at_desk(c, "home", home_of(TIEL), intro="Witamy w Tiel."),
        _home_pl(TIEL),
        _differs,
    ),
    WritePath(
        "import Polish XLIFF for Neder-Betuwe's training",
        TRANSLATE_NB,
        lambda c: _xliff(c, "activity", training(), "summary", "Trening (plik)."),
        _TRAINING_PL,
        _differs,
    ),
    WritePath(
        "import Polish XLIFF for Neder-Betuwe's home page",
        TRANSLATE_NB,
        lambda c: _xliff(c, "home", home_of(NB), "intro", "Witamy (plik)."),
        _home_pl(NB),
        _differs,
    ),
    WritePath(
        "import Polish XLIFF for the GGD's guide for both",
        TRANSLATE_TIEL,
        lambda c: _xliff(c, "guide", shared_guide(), "summary", "Lekarz (plik)."),
        _GUIDE_PL,
        _differs,
    ),
    WritePath(
        "ask a machine draft of Neder-Betuwe's training",
        TRANSLATE_NB,
        lambda c: _machine_draft(c, "activity/training-ochten"),
        drafted_summary,
        _differs,
    ),
    WritePath(
        "approve another translator's Polish of Neder-Betuwe's training",
        TRANSLATE_NB,
        lambda c: _review(c, "approve"),
        _TRAINING_PL,
        _differs,
        prepare=_submission_of_the_training,
    ),
]
PATHS += DESK_PATHS


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("write", PATHS, ids=lambda w: w.name)
def test_region_path(write: WritePath, role: str, client, act_as):
    check_write(write, role, client, act_as)


def test_the_region_matrix_covers_every_role_and_path():
    assert len(ROLES) == 7
    assert len(PATHS) * len(ROLES) >= 250


# --- The listings show one municipality's rows --------------------------------------------


def _listing(client, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200, name
    return response.content.decode()


@pytest.mark.parametrize(
    ("role", "own", "other"), [("coordinator_nb", NB, TIEL), ("coordinator_tiel", TIEL, NB)]
)
def test_a_municipality_coordinator_lists_only_their_own_rows(client, act_as, role, own, other):
    act_as(role)
    questions = _listing(client, "questions:index")
    surveys = _listing(client, "wagtailsnippets_cms_survey:list")
    routing = _listing(client, "question_routing:index")
    actions = _listing(client, "wagtailsnippets_cms_policyaction:list")

    own_question, other_question = ("Q-NB", "Q-TIEL") if own == NB else ("Q-TIEL", "Q-NB")
    assert own_question in questions and other_question not in questions
    assert f"enquete-{own}" in surveys and f"enquete-{other}" not in surveys
    own_club, other_club = (
        ("Club Ochten", "Club Tiel") if own == NB else ("Club Tiel", "Club Ochten")
    )
    assert own_club in routing and other_club not in routing
    own_action = PolicyAction.objects.get(slug="nb-taal" if own == NB else "tiel-taal").title
    other_action = PolicyAction.objects.get(slug="tiel-taal" if own == NB else "nb-taal").title
    assert own_action in actions and other_action not in actions


def test_the_regional_coordinator_lists_every_municipality_s_rows(client, act_as):
    act_as("regional")
    questions = _listing(client, "questions:index")
    surveys = _listing(client, "wagtailsnippets_cms_survey:list")
    assert "Q-NB" in questions and "Q-TIEL" in questions
    assert f"enquete-{NB}" in surveys and f"enquete-{TIEL}" in surveys


def test_a_municipality_coordinator_chooses_only_their_own_municipality(client, act_as):
    act_as("coordinator_tiel")
    form = client.get(reverse("wagtailsnippets_cms_survey:add")).context["form"]
    assert list(form.fields["municipality"].queryset) == [municipality(TIEL)]
    routing = client.get(reverse("question_routing:add")).context["form"]
    assert list(routing.fields["municipality"].queryset) == [municipality(TIEL)]
    assert set(routing.fields["partner"].queryset) == {partner("ggd"), partner("club-tiel")}


def test_the_workflow_report_names_only_their_municipality_s_people(client, act_as):
    _submit(ActivityPage, "training-ochten")
    act_as("coordinator_tiel")
    report = client.get(reverse("wagtailadmin_reports:workflow")).content.decode()
    assert "contributor-training-ochten@example.org" not in report
    client.logout()
    act_as("coordinator_nb")
    form = client.get(reverse("wagtailadmin_reports:workflow")).context["filters"].form
    people = {user.email for user in form.fields["requested_by"].queryset}
    assert "contributor-training-ochten@example.org" in people


def test_the_dashboard_offers_each_coordinator_only_their_approvals(client, act_as):
    _submit(ActivityPage, "training-ochten")
    _submit(GuidePage, "ggd-gids")
    from wagtail.models import TaskState

    users = get_user_model().objects
    nb = act_as("coordinator_nb")
    tiel = make_person(MUNICIPALITY_COORDINATOR, TIEL)
    regional = make_person(COORDINATOR, None)

    def reviewable(user) -> set[str]:
        states = TaskState.objects.reviewable_by(users.get(pk=user.pk))
        return {state.workflow_state.content_object.slug for state in states}

    assert reviewable(nb) == {"training-ochten"}
    assert reviewable(tiel) == set()
    assert reviewable(regional) == {"training-ochten", "ggd-gids"}


# --- A translator's queue and XLIFF download hold what their municipality shows -----------


def _queue(client) -> set[str]:
    items = client.get(reverse("cms_translation_queue") + "?language=pl").context["items"]
    return {item.segment for item in items}


def _downloaded(client) -> set[str]:
    response = client.post(
        reverse("cms_translation_exchange"), {"language": "pl", "xliff_version": "1.2"}
    )
    ids = {unit_id(unit) for unit in xliff1.xlifffile.parsestring(response.content).units}
    return {"/".join(segment_id.split("/")[:2]) for segment_id in ids}


SHOWN_IN_TIEL = {"home/tiel", "guide/ggd-gids", "action/tiel-taal"}
ONLY_IN_NB = {"home/neder-betuwe", "activity/training-ochten", "action/nb-taal"}


@pytest.mark.parametrize(
    ("role", "sees_neder_betuwe"),
    [("translator_pl_tiel", False), ("translator_pl_region", True), ("regional", True)],
)
def test_a_translator_for_tiel_is_offered_only_what_tiel_shows(
    client, act_as, role, sees_neder_betuwe
):
    act_as(role)
    for offered in (_queue(client), _downloaded(client)):
        assert offered >= SHOWN_IN_TIEL
        if sees_neder_betuwe:
            assert offered >= ONLY_IN_NB
        else:
            assert not offered & ONLY_IN_NB


def test_a_translator_for_tiel_reviews_only_what_tiel_shows(client, act_as):
    _submission_of_the_training()
    act_as("translator_pl_tiel")
    queue = client.get(reverse("cms_translation_queue") + "?language=pl")
    assert queue.context["reviews"] == []
    act_as("translator_pl_region")
    queue = client.get(reverse("cms_translation_queue") + "?language=pl")
    assert [s.texts for s in queue.context["reviews"]] == [{"summary": "Sprawdzony opis."}]
