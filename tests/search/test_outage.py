"""The engine down, hanging or restarted: saving works, search answers, nothing is lost."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import call_command

from cms.models import ActivityPage
from search import elastic
from search.models import IndexChange
from tests import factories
from tests.search.conftest import (
    find,
    launcher_control,
    node_action,
    node_number,
    refresh,
    slugs,
)


def _club_and_activity(slug: str, title: str) -> dict:
    return {
        "partners": [factories.partner(slug=f"club-{slug}")],
        "activities": [factories.activity(f"club-{slug}", slug=slug, title={"nl": title})],
    }


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there any more


@contextmanager
def _hanging_engine() -> Iterator[str]:
    """Accepts connections and never answers, like an engine stuck in garbage collection."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


@pytest.mark.search
def test_saving_while_the_engine_is_down_and_catching_up_with_sync(engine, settings, committed):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = _closed_port_url()
    with committed():
        factories.load(**_club_and_activity("kookcafe", "Kookcafé voor nieuwkomers"))

    assert ActivityPage.objects.get(slug="kookcafe").live  # saving succeeded
    change = IndexChange.objects.get(kind="activity")
    assert (change.applied_at, change.attempts) == (None, 1)
    assert "ConnectionError" in change.last_error
    response = find("kookcafé")
    assert (response.backend, slugs(response)) == ("database", ["kookcafe"])

    settings.ELASTICSEARCH_URL = real_url
    call_command("search_index", "sync")
    refresh(engine)
    response = find("kookcafé")
    assert (response.backend, slugs(response)) == ("elasticsearch", ["kookcafe"])
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()


@pytest.mark.search
def test_the_next_write_applies_what_an_outage_left_behind(engine, settings, committed):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = _closed_port_url()
    with committed():
        factories.load(**_club_and_activity("naaicafe", "Naaicafé"))
    settings.ELASTICSEARCH_URL = real_url
    with committed():
        factories.load(**_club_and_activity("repaircafe", "Repaircafé"))
    assert slugs(find("naaicafe")) == ["naaicafe"]
    assert slugs(find("repaircafe")) == ["repaircafe"]


@pytest.mark.serial  # it times itself: no other worker shares the cores meanwhile
def test_a_hanging_engine_costs_one_timeout_then_the_database_answers(db, settings):
    factories.load(**_club_and_activity("breicafe", "Breicafé"))
    with _hanging_engine() as url:
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_TIMEOUT = 0.5
        started = time.monotonic()
        first = find("breicafé")
        first_took = time.monotonic() - started
        started = time.monotonic()
        second = find("breicafé")
        second_took = time.monotonic() - started
    assert (first.backend, slugs(first)) == ("database", ["breicafe"])
    assert second.backend == "database"
    # Generous margins: the point is "one timeout", not "a timeout per search".
    assert 0.5 <= first_took < 2.0
    assert second_took < 0.5


def test_saving_does_not_wait_for_a_hanging_engine_twice(
    db, settings, django_capture_on_commit_callbacks
):
    with _hanging_engine() as url:
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_TIMEOUT = 0.5
        with django_capture_on_commit_callbacks(execute=True):
            factories.load(**_club_and_activity("fietscafe", "Fietscafé"))
            factories.load(**_club_and_activity("taalmaatje", "Taalmaatje"))
    # All four changes are pending, and were tried once, together: after the
    # first timeout the engine is left alone instead of costing every save.
    attempts = IndexChange.objects.filter(applied_at__isnull=True).values_list(
        "attempts", flat=True
    )
    assert list(attempts) == [1, 1, 1, 1]


# --- The real engine, stopped and started again ----------------------------------


@pytest.mark.search
@pytest.mark.single_node
def test_engine_stopped_publish_restarted_change_arrives(
    engine, settings, django_capture_on_commit_callbacks
):
    control = launcher_control(elastic.hosts()[0])
    if control is None:
        pytest.fail("the engine was not started by scripts/services: it cannot be stopped here")
    if engine.cluster.health()["number_of_nodes"] > 1:
        pytest.fail("a cluster outlives one stopped node: run this on one node (-m 'not cluster')")
    node = node_number(control, elastic.hosts()[0])
    node_action(control, node, "stop")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            factories.load(**_club_and_activity("zwemcafe", "Zwemcafé"))
        assert ActivityPage.objects.get(slug="zwemcafe").live
        assert IndexChange.objects.filter(applied_at__isnull=True).count() == 2
        assert find("zwemcafe").backend == "database"
    finally:
        node_action(control, node, "start")
    engine.cluster.health(wait_for_status="yellow", timeout="60s", request_timeout=90)
    call_command("search_index", "sync")
    refresh(engine)
    response = find("zwemcafe")
    assert (response.backend, slugs(response)) == ("elasticsearch", ["zwemcafe"])
