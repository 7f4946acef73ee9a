"""Every way content changes reaches the index; unpublished content is never found."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import ActivityPage, GuidePage, Partner, PolicyAction
from search import indexes, outbox
from search.indexing import index_actions
from search.models import IndexChange
from search.service import suggest
from tests import factories
from tests.search.conftest import find, refresh, slugs

pytestmark = pytest.mark.search


@pytest.fixture
def zumba(publish):
    publish(
        partners=[factories.partner(slug="club", name="Sportclub Dodewaard")],
        activities=[
            factories.activity(
                "club",
                slug="zumba",
                title={"nl": "Zumba in het park", "pl": "Zumba w parku"},
                summary={"nl": "Dansen in de buitenlucht."},
            )
        ],
    )
    return ActivityPage.objects.get(slug="zumba")


def test_imported_content_is_found_and_the_outbox_is_applied(zumba):
    assert slugs(find("zumba")) == ["zumba"]
    assert slugs(find("dodewaard", types=("partner",))) == ["club"]
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()


def test_reimport_updates_the_document(zumba, publish):
    publish(
        activities=[
            factories.activity(
                "club", slug="zumba", title={"nl": "Yoga in het park"}, summary={"nl": "Rust."}
            )
        ]
    )
    assert find("zumba").total == 0
    assert slugs(find("yoga")) == ["zumba"]


def test_publishing_an_edit_updates_the_index(zumba, committed):
    zumba.title_nl = "Salsa in het park"
    with committed():
        zumba.save_revision().publish()
    assert slugs(find("salsa")) == ["zumba"]
    assert find("zumba", "nl").total == 1  # still in its Polish title


def test_a_draft_does_not_reach_the_index(zumba, committed):
    zumba.title_nl = "Tango in het park"
    with committed():
        zumba.save_revision()
    assert find("tango").total == 0
    assert slugs(find("zumba")) == ["zumba"]


def test_unpublishing_removes_from_search_and_suggest(zumba, committed):
    with committed():
        zumba.unpublish()
    response = find("zumba")
    assert (response.backend, response.total) == ("elasticsearch", 0)
    assert suggest("zum", "nl") == []


def test_deleting_a_page_removes_it(zumba, committed):
    with committed():
        zumba.delete()
    assert find("zumba").total == 0


def test_moving_a_page_reindexes_it(zumba, committed):
    before = IndexChange.objects.get(kind="activity", object_id=zumba.pk).queued_at
    with committed():
        zumba.move(zumba.get_parent(), pos="first-child")
    change = IndexChange.objects.get(kind="activity", object_id=zumba.pk)
    assert change.queued_at > before and change.applied_at is not None
    assert slugs(find("zumba")) == ["zumba"]


def test_scheduled_expiry_removes_it(zumba, committed):
    ActivityPage.objects.filter(pk=zumba.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    with committed():
        call_command("publish_scheduled")
    assert not ActivityPage.objects.get(pk=zumba.pk).live
    assert find("zumba").total == 0


def test_scheduled_publishing_adds_it(zumba, committed):
    with committed():
        zumba.unpublish()
    zumba.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    with committed():
        call_command("publish_scheduled")
    assert slugs(find("zumba")) == ["zumba"]


def test_editing_and_deleting_snippets(publish, committed):
    publish(
        partners=[factories.partner(slug="buurthuis", name="Buurthuis De Stek")],
        policy_actions=[factories.policy_action(slug="fietslessen", title={"nl": "Fietslessen"})],
    )
    partner = Partner.objects.get(slug="buurthuis")
    partner.name = "Buurthuis De Wissel"
    action = PolicyAction.objects.get(slug="fietslessen")
    action.title_nl = "Fietslessen voor vrouwen"
    with committed():
        partner.save()
        action.save()
    assert slugs(find("wissel")) == ["buurthuis"]
    assert slugs(find("vrouwen")) == ["fietslessen"]
    with committed():
        partner.delete()
        action.delete()
    assert find("wissel").total == find("vrouwen").total == 0


def test_renaming_a_partner_reindexes_its_activities(zumba, committed):
    partner = Partner.objects.get(slug="club")
    partner.name = "Sportclub Kesteren"
    with committed():
        partner.save()
    assert slugs(find("kesteren", types=("activity",))) == ["zumba"]


def test_guides_follow_the_same_path(publish, committed):
    publish(
        partners=[factories.partner(slug="ggd")],
        guides=[factories.guide("ggd", slug="tandarts", title={"nl": "Naar de tandarts"})],
    )
    assert slugs(find("tandarts")) == ["tandarts"]
    with committed():
        GuidePage.objects.get(slug="tandarts").unpublish()
    assert find("tandarts").total == 0


def test_the_outbox_row_commits_with_the_content_or_not_at_all(engine):
    with pytest.raises(RuntimeError), transaction.atomic():
        Partner.objects.create(slug="kapot", name="Kapot", type="association")
        assert IndexChange.objects.filter(kind="partner").count() == 1
        raise RuntimeError("the editor's save fails")
    assert not IndexChange.objects.exists()


def test_a_document_of_an_unpublished_page_is_never_shown(zumba, engine, committed):
    # Even if a stale document of an unpublished page were in the index.
    with committed():
        zumba.unpublish()
    list(indexes.write(engine, index_actions("activity", [ActivityPage.objects.get(pk=zumba.pk)])))
    refresh(engine)
    assert find("zumba").total == 0


def test_daily_date_refresh_queues_the_recurring_activities(db):
    factories.load(
        partners=[factories.partner(slug="bieb")],
        activities=[factories.activity("bieb", slug="wekelijks", recurrence="FREQ=WEEKLY")],
    )
    IndexChange.objects.all().delete()
    call_command("refresh_occurrences")
    pk = ActivityPage.objects.get(slug="wekelijks").pk
    assert IndexChange.objects.filter(kind="activity", object_id=pk).exists()


def test_making_a_section_private_removes_its_pages_and_public_again_restores_them(
    zumba, committed
):
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=zumba.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert find("zumba").total == 0
    with committed():
        restriction.delete()
    assert slugs(find("zumba")) == ["zumba"]


def test_an_import_reaches_the_index_in_one_write_after_its_commit(
    engine, django_capture_on_commit_callbacks, monkeypatch
):
    # One engine write (and refresh) for the whole import, not one per
    # callback of each record, each catching up on a share of the backlog.
    writes: list[int] = []

    def counted(client, actions, *args, **kwargs):
        actions = list(actions)
        writes.append(len(actions))
        return real_write(client, actions, *args, **kwargs)

    real_write = indexes.write
    monkeypatch.setattr(indexes, "write", counted)
    # A small catch-up allowance, so that one write cannot come from it.
    monkeypatch.setattr(outbox, "BACKLOG_PER_WRITE", 2)
    with django_capture_on_commit_callbacks(execute=True):
        factories.load(
            partners=[factories.partner(slug="bieb", name="Bibliotheek")],
            activities=[
                factories.activity("bieb", slug=f"taalcafe-{n}", title={"nl": f"Taalcafé {n}"})
                for n in range(12)
            ],
        )
    refresh(engine)

    assert writes == [13]
    assert find("taalcafe").total == 12
    assert slugs(find("bibliotheek", types=("partner",))) == ["bieb"]
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()
