"""The health check before a request reuses a connection (hub/postgresql/base.py).

A live, silent connection is reused without asking the server anything; one the
server has ended is noticed, closed and replaced. Each test uses a connection of
its own (not the test's transaction), seen from a second one through
``pg_stat_activity``, and ends its backend for real with ``pg_terminate_backend``.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from django.db import connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def reused() -> Iterator:
    """A Django connection as a worker holds it between requests: open, its check due."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


@pytest.fixture
def observer(reused) -> Iterator[psycopg.Connection]:
    with psycopg.connect(**reused.get_connection_params(), autocommit=True) as watching:
        yield watching


def _backend(wrapper) -> int:
    wrapper.ensure_connection()
    with wrapper.connection.cursor() as cursor:
        return cursor.execute("SELECT pg_backend_pid() /* before the check */").fetchone()[0]


def _last_statement(observer: psycopg.Connection, pid: int) -> str:
    found = observer.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()
    return found[0]


def _check_before_a_request(wrapper) -> None:
    wrapper.health_check_done = False  # as at the start of every request
    wrapper.close_if_health_check_failed()


def test_the_engine_is_wegwijs_postgresql():
    assert connections["default"].settings_dict["ENGINE"] == "hub.postgresql"


def test_a_silent_live_connection_is_reused_without_a_round_trip(reused, observer):
    pid = _backend(reused)

    _check_before_a_request(reused)

    assert reused.connection is not None
    assert _last_statement(observer, pid).endswith("/* before the check */")
    assert _backend(reused) == pid


def test_a_connection_the_server_ended_is_replaced(reused, observer):
    pid = _backend(reused)
    # The server ends that backend and says so on its socket, as on a restart;
    # the timeout makes the call wait until the backend is gone.
    assert observer.execute("SELECT pg_terminate_backend(%s, 10000)", [pid]).fetchone()[0]

    _check_before_a_request(reused)

    assert reused.connection is None  # closed: the request opens a new one
    assert _backend(reused) != pid
