"""GET /healthz for load balancers: the database decides, the search engine does not."""

import socket

import pytest

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_answers(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in answer["Cache-Control"]  # a proxy must never answer for the app


def test_a_hanging_search_engine_does_not_take_the_server_out_of_the_pool(client, settings):
    with socket.socket() as engine:
        engine.bind(("127.0.0.1", 0))
        engine.listen(8)  # accepts, never answers
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{engine.getsockname()[1]}"
        assert client.get("/healthz").status_code == 200
