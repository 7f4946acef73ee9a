"""SQL compiled once per shape (public/prepared_query.py): used only where each value is
a parameter as it was given; everything else builds its query as before."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from cms.models import Category
from public import prepared_query
from public.prepared_query import PreparedRows, prepared_rows

pytestmark = pytest.mark.django_db

STAND_INS = ({"slug": "\x01a"}, {"slug": "\x01b"})


@pytest.fixture(autouse=True)
def categories():
    prepared_query.forget_shapes()
    for slug in ("pq-sport", "pq-taal", "pq-kunst"):
        Category.objects.create(slug=slug, name=slug.title())


def slugs(rows: list[dict]) -> list[str]:
    return [row["slug"] for row in rows]


def by_slug(values):
    return Category.objects.filter(slug=values["slug"]).values("slug")


def with_memoize_setting(values):
    """A category's slug with the connection's Memoize setting as its statement saw it."""
    return (
        Category.objects.filter(slug=values["slug"])
        .annotate(memoize=RawSQL("current_setting('enable_memoize')", ()))
        .values("slug", "memoize")
    )


def test_a_value_passed_as_a_parameter_is_prepared_once():
    def build(values):
        return Category.objects.filter(slug=values["slug"]).values("slug")

    assert slugs(prepared_rows("exact", build, {"slug": "pq-taal"}, STAND_INS)) == ["pq-taal"]
    assert isinstance(prepared_query._shapes["exact"], PreparedRows)
    found = prepared_rows("exact", build, {"slug": "pq-kunst"}, STAND_INS)
    assert slugs(found) == ["pq-kunst"]


def test_a_value_turned_into_another_parameter_is_built_every_time():
    def build(values):  # the parameter is "%value%", not the value
        found = Category.objects.filter(slug__contains=values["slug"])
        return found.order_by("slug").values("slug")

    found = prepared_rows("contains", build, {"slug": "pq-"}, STAND_INS)
    assert slugs(found) == ["pq-kunst", "pq-sport", "pq-taal"]
    assert not isinstance(prepared_query._shapes["contains"], PreparedRows)
    assert slugs(prepared_rows("contains", build, {"slug": "pq-sp"}, STAND_INS)) == ["pq-sport"]


def test_a_value_written_into_the_sql_is_built_every_time():
    def build(values):
        pq = Category.objects.filter(slug__startswith="pq-")
        return pq.order_by("slug").values("slug")[: values["size"]]

    found = prepared_rows("limit", build, {"size": 2}, ({"size": 7}, {"size": 8}))
    assert slugs(found) == ["pq-kunst", "pq-sport"]
    assert not isinstance(prepared_query._shapes["limit"], PreparedRows)


def test_a_value_of_another_kind_than_its_stand_in_is_built():
    """A naive moment: Django makes it aware in the site's time zone on its way in."""
    moments = ({"at": datetime(2001, 1, 1, tzinfo=UTC)}, {"at": datetime(2002, 1, 1, tzinfo=UTC)})

    def build(values):
        live = Q(go_live_at__isnull=True) | Q(go_live_at__lt=values["at"])
        return Page.objects.filter(live, depth=1).values("slug")

    naive = {"at": datetime(2030, 1, 1)}
    assert slugs(prepared_rows("kind", build, naive, moments)) == ["root"]
    assert isinstance(prepared_query._shapes["kind"], PreparedRows)


def test_planner_settings_hold_for_the_prepared_statement_only():
    # The date-window list runs without Memoize (api.activity_page_rows); the
    # rest of the connection's work keeps the server's settings.
    planner = {"enable_memoize": "off"}
    for slug in ("pq-taal", "pq-kunst"):  # built and compiled, then prepared
        rows = prepared_rows("planned", with_memoize_setting, {"slug": slug}, STAND_INS, planner)
        assert rows == [{"slug": slug, "memoize": "off"}]
    assert isinstance(prepared_query._shapes["planned"], PreparedRows)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_memoize')")
        assert cursor.fetchone() == ("on",)


def _prepared_here() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


def test_a_shape_one_plan_serves_is_kept_prepared_on_the_connection():
    for slug in ("pq-taal", "pq-kunst", "pq-sport"):
        rows = prepared_rows("kept", by_slug, {"slug": slug}, STAND_INS, keep_plan=True)
        assert slugs(rows) == [slug]
    kept = [statement for statement in _prepared_here() if '"cms_category"."slug" =' in statement]
    assert len(kept) == 1  # one statement, run with three values


def test_a_shape_planned_each_time_is_not_kept():
    for slug in ("pq-taal", "pq-kunst"):
        assert slugs(prepared_rows("each", by_slug, {"slug": slug}, STAND_INS)) == [slug]
    assert not [statement for statement in _prepared_here() if "cms_category" in statement]


def test_a_kept_statement_is_seen_and_counted_as_any_query():
    from django.test.utils import CaptureQueriesContext

    prepared_rows("seen", by_slug, {"slug": "pq-taal"}, STAND_INS, keep_plan=True)
    with CaptureQueriesContext(connection) as queries:
        prepared_rows("seen", by_slug, {"slug": "pq-kunst"}, STAND_INS, keep_plan=True)
    assert len(queries) == 1
    assert '"cms_category"."slug"' in queries[0]["sql"]


def test_planner_settings_hold_for_a_kept_statement_only():
    planner = {"enable_memoize": "off"}
    for slug in ("pq-taal", "pq-kunst"):
        values = {"slug": slug}
        rows = prepared_rows("kept-planned", with_memoize_setting, values, STAND_INS, planner, True)
        assert rows == [{"slug": slug, "memoize": "off"}]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_memoize')")
        assert cursor.fetchone() == ("on",)
