"""A kept statement with planner settings outside any transaction of the caller's
(public/prepared_query.py): the settings hold for it only, and nothing stays open.

Apart from test_prepared_query.py, whose tests run inside the test's transaction:
here the list's queries go to a connection of their own in autocommit, as a
worker's is between requests, reading the categories the migrations committed.
"""

from collections.abc import Iterator

import pytest
from django.db import connections
from django.db.models.expressions import RawSQL
from psycopg.pq import TransactionStatus

from cms.models import Category
from public import prepared_query
from public.prepared_query import prepared_rows
from tests.public.test_prepared_query import STAND_INS, with_memoize_setting

pytestmark = pytest.mark.django_db

PLANNER = {"enable_memoize": "off"}


@pytest.fixture
def autocommitting() -> Iterator:
    """``default`` for the test's duration: a connection outside the test's transaction."""
    prepared_query.forget_shapes()
    test_connection = connections["default"]
    own = connections.create_connection("default")
    connections["default"] = own
    yield own
    connections["default"] = test_connection
    own.close()


def _setting(connection) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_memoize')")
        return cursor.fetchone()[0]


def test_planner_settings_of_a_kept_statement_end_with_it(autocommitting):
    for slug in ("language", "sport", "language"):
        rows = prepared_rows(
            "autocommit", with_memoize_setting, {"slug": slug}, STAND_INS, PLANNER, True
        )
        assert rows == [{"slug": slug, "memoize": "off"}]
        assert autocommitting.get_autocommit()
        assert autocommitting.connection.info.transaction_status == TransactionStatus.IDLE
    assert _setting(autocommitting) == "on"
    with autocommitting.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        kept = [statement for (statement,) in cursor.fetchall() if "enable_memoize" in statement]
    assert len(kept) == 1  # the list's statement, prepared once and run three times


def test_a_failing_kept_statement_leaves_the_connection_usable(autocommitting):
    def build(values):
        # Fails in PostgreSQL for these values only: a division by zero.
        return Category.objects.annotate(
            broken=RawSQL("1 / (length(%s) - length(%s))", (values["slug"], values["slug"]))
        ).values("slug", "broken")

    with pytest.raises(Exception, match="division by zero"):
        prepared_rows("failing", build, {"slug": "x"}, STAND_INS, PLANNER, True)
    assert autocommitting.connection.info.transaction_status == TransactionStatus.IDLE
    assert _setting(autocommitting) == "on"
