"""On a cluster of three nodes with one replica, search survives a stopped node.

Needs an engine started with ``scripts/services/start-search-engine <engine>
--nodes 3``; ./scripts/test runs it (marker ``cluster``) on such a cluster, and
leaves it out of the single-node runs. By hand:

    set -a; . .services/<engine>.env; set +a
    ELASTICSEARCH_URL=$ELASTICSEARCH_NODE_URLS pytest tests/search/test_cluster.py
"""

from __future__ import annotations

import pytest

from search import elastic
from search.documents import alias
from tests import factories
from tests.search.conftest import find, launcher_control, node_action, slugs

pytestmark = [pytest.mark.search, pytest.mark.cluster]


@pytest.fixture
def cluster(engine):
    nodes = engine.cluster.health()["number_of_nodes"]
    control = launcher_control(elastic.hosts()[0])
    if nodes < 3 or control is None or len(elastic.hosts()) < 3:
        pytest.fail(
            f"needs 3 nodes started by scripts/services, all named in ELASTICSEARCH_URL "
            f"(found {nodes} node(s), {len(elastic.hosts())} URL(s))"
        )
    return engine, control


def _wait_green(client) -> None:
    health = client.cluster.health(
        index=alias(), wait_for_status="green", timeout="90s", request_timeout=120
    )
    assert health["status"] == "green", health


def _warm_up_every_node(settings) -> None:
    """Let each node answer our query once with time to spare.

    Freshly started nodes compile their code paths on the first searches and
    may then take longer than ELASTICSEARCH_TIMEOUT: a cold start, not a failover.
    """
    all_nodes, timeout = settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT
    settings.ELASTICSEARCH_TIMEOUT = 60
    for url in elastic.hosts():
        settings.ELASTICSEARCH_URL = url
        for _ in range(3):
            assert find("taalles").backend == "elasticsearch"
    settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT = all_nodes, timeout


def test_search_keeps_answering_while_a_node_is_stopped(cluster, publish, settings):
    client, control = cluster
    publish(
        partners=[factories.partner(slug="club")],
        activities=[
            factories.activity("club", slug=f"taalles-{n}", title={"nl": f"Taalles {n}"})
            for n in range(5)
        ],
    )
    _wait_green(client)
    shards = client.cat.shards(index=alias(), format="json")
    assert sorted(shard["prirep"] for shard in shards) == ["p", "r"]  # one replica
    _warm_up_every_node(settings)
    # Three nodes in one JVM on a small test machine answer slowly while shards
    # move; this test is about answering at all, the timeout test elsewhere.
    settings.ELASTICSEARCH_TIMEOUT = 10

    # Node 2 first; then node 1, the first URL the client tries and the elected
    # cluster manager, whose loss also makes the others elect a new one.
    for node in (2, 1):
        node_action(control, node, "stop")
        try:
            for _ in range(5):
                response = find("taalles")
                assert (response.backend, len(slugs(response))) == ("elasticsearch", 5), node
        finally:
            node_action(control, node, "start")
        _wait_green(client)
