"""A kept statement with planner settings outside any transaction of the caller's
(public/prepared_query.py): the settings hold for it only, and nothing stays open.

Apart from test_prepared_query.py, whose tests run inside the test's transaction:
here the connection is in autocommit, as a worker's is between requests.
"""

import pytest
from django.db import connection
from django.db.models.expressions import RawSQL
from psycopg.pq import TransactionStatus

from cms.models import Category
from public import prepared_query
from public.prepared_query import prepared_rows

pytestmark = pytest.mark.django_db(transaction=True)

STAND_INS = ({"slug": "\x01a"}, {"slug": "\x01b"})


def test_planner_settings_of_a_kept_statement_end_with_it():
    prepared_query.forget_shapes()
    for slug in ("pq-taal", "pq-kunst"):
        Category.objects.create(slug=slug, name=slug.title())

    def build(values):
        return (
            Category.objects.filter(slug=values["slug"])
            .annotate(memoize=RawSQL("current_setting('enable_memoize')", ()))
            .values("slug", "memoize")
        )

    planner = {"enable_memoize": "off"}
    for slug in ("pq-taal", "pq-kunst", "pq-taal"):
        rows = prepared_rows("autocommit", build, {"slug": slug}, STAND_INS, planner, True)
        assert rows == [{"slug": slug, "memoize": "off"}]
        assert connection.get_autocommit()
        assert connection.connection.info.transaction_status == TransactionStatus.IDLE
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_memoize')")
        assert cursor.fetchone() == ("on",)


def test_a_failing_kept_statement_leaves_the_connection_usable():
    prepared_query.forget_shapes()

    def build(values):
        # Fails in PostgreSQL for these values only: a division by zero.
        return Category.objects.annotate(
            broken=RawSQL("1 / (length(%s) - length(%s))", (values["slug"], values["slug"]))
        ).values("slug", "broken")

    with pytest.raises(Exception, match="division by zero"):
        prepared_rows("failing", build, {"slug": "x"}, STAND_INS, {"enable_memoize": "off"}, True)
    assert connection.connection.info.transaction_status == TransactionStatus.IDLE
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_memoize')")
        assert cursor.fetchone() == ("on",)
