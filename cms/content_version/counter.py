"""Reading the content version, installing its triggers, and the clock's next change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.apps import apps
from django.db import connection
from django.db.models import Min, Q

# Apps whose tables hold what the public site, the API and search show.
CONTENT_APPS = ("cms", "wagtailcore", "wagtailimages", "wagtaildocs", "taggit")
# Tables of those apps that public reads write, or that show nothing public: a
# change there must not empty the cache (renditions are made by page views).
NOT_CONTENT = {
    "wagtailimages_rendition",
    "cms_contentversion",
}

# The one row (id 1) holding the number; hub.response_store joins it to cache rows.
TABLE = "cms_contentversion"
FUNCTION = "wegwijs_bump_content_version"
TRIGGER = "wegwijs_content_version"

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    -- Once per transaction: the first deferred event bumps, the others see the mark.
    IF current_setting('wegwijs.content_version_bumped', true)
            IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('wegwijs.content_version_bumped', txid_current()::text, true);
        UPDATE cms_contentversion SET number = number + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def content_tables() -> list[str]:
    """The tables whose changes move the content version."""
    tables = set()
    for label in CONTENT_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            if not model._meta.managed or model._meta.proxy:
                continue
            tables.add(model._meta.db_table)
    return sorted(tables - NOT_CONTENT)


def install_triggers(using: str = "default", tables: Iterable[str] | None = None) -> None:
    """(Re)create the bump function and one deferred trigger per content table; idempotent.

    Run after every ``migrate`` (``cms.apps``), so tables that later migrations
    add are counted too. PostgreSQL only: on the embedded SQLite default
    (``run-demo``) there is no version row, so ``current_version`` is None and
    nothing is cached, which is never stale.
    """
    from django.db import connections

    if connections[using].vendor != "postgresql":
        return
    with connections[using].cursor() as cursor:
        cursor.execute(FUNCTION_SQL)
        existing = set(connections[using].introspection.table_names(cursor))
        for table in tables if tables is not None else content_tables():
            if table not in existing:
                continue
            cursor.execute(f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"')
            cursor.execute(
                f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE "
                f'ON "{table}" DEFERRABLE INITIALLY DEFERRED '
                f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )
        # A new row starts at the clock in microseconds, not at 1: a row made again
        # (a flush between tests, a database made anew under running app servers)
        # never repeats a number a process has already remembered answers under
        # (``memo``); the old row would have needed a commit every microsecond.
        cursor.execute(
            "INSERT INTO cms_contentversion (id, number) "
            "VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) "
            "ON CONFLICT (id) DO NOTHING"
        )


def current_version() -> int | None:
    """The number, one indexed read; None when its row is missing (then nothing is cached)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def clock_horizon(now: datetime) -> datetime | None:
    """The next moment after ``now`` at which the clock alone changes a public answer.

    An occurrence starts or ends (lists "from now", next dates, places per date),
    a page expires, a survey opens or closes. None: nothing is scheduled.
    """
    from wagtail.models import Page

    from ..models import ActivityOccurrence, Survey

    moments = [
        ActivityOccurrence.objects.filter(starts_at__gt=now).aggregate(m=Min("starts_at"))["m"],
        ActivityOccurrence.objects.filter(ends_at__gt=now).aggregate(m=Min("ends_at"))["m"],
        Page.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"],
        Survey.objects.filter(Q(opens_at__gt=now)).aggregate(m=Min("opens_at"))["m"],
        Survey.objects.filter(Q(closes_at__gt=now)).aggregate(m=Min("closes_at"))["m"],
    ]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None
