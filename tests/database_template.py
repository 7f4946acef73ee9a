"""Test databases copied from one migrated template instead of migrated each time.

Migrating an empty database costs half a minute of CPU (Wagtail alone brings
some two hundred migrations), and scripts/test needs several test databases
per run: one per pytest-xdist worker, one for the tests that stop the search
node, one for the OpenSearch suite. PostgreSQL copies a database in about a
second (``CREATE DATABASE ... TEMPLATE``), so the migrations run once, into
``test_<name>_template_<digest>``, and every test database is a copy of it.

The digest covers every migration file of every installed app, so an added or
edited migration (or another Wagtail) makes a new template; the old ones are
dropped when it is made. The template outlives the run on purpose: the next
run, and the next ``pytest tests/one_file.py``, start without migrating.
"""

from __future__ import annotations

import fcntl
import hashlib
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader


def migrations_digest() -> str:
    """A digest of the name and text of every migration Django would apply."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        digest.update(f"{app}.{name}\n".encode())
        digest.update(Path(sys.modules[migration.__module__].__file__).read_bytes())
    return digest.hexdigest()[:12]


def template_name(connection: BaseDatabaseWrapper) -> str:
    return f"test_{connection.settings_dict['NAME']}_template_{migrations_digest()}"


def drop_database(cursor, name: str) -> None:
    """Drops database ``name`` after ending this role's sessions in it.

    Not ``DROP DATABASE ... WITH (FORCE)``: PostgreSQL refuses that to a role
    without superuser whenever an autovacuum worker happens to be in the
    database ("must be a member of the role whose process is being
    terminated"), which after a long test run it often is. A plain DROP stops
    autovacuum itself; what it will not end are sessions, so this role's own
    (a live-server thread's, say) are ended first, waiting until they are gone.
    """
    cursor.execute(
        "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
        " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
        [name],
    )
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextmanager
def _exclusive(name: str) -> Iterator[None]:
    """One process at a time makes or copies the template (xdist workers start together)."""
    with open(Path(tempfile.gettempdir()) / f"wegwijs-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _exists(connection: BaseDatabaseWrapper, name: str) -> bool:
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _drop_older_templates(connection: BaseDatabaseWrapper, template: str) -> None:
    """Templates of other migrations (another digest), and any left half-made."""
    prefix = template.rsplit("_", 1)[0] + "_"
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
            [prefix, template],
        )
        for (stale,) in cursor.fetchall():
            drop_database(cursor, stale)


def _migrate(connection: BaseDatabaseWrapper, name: str) -> None:
    """Creates and migrates database ``name`` as pytest-django would a test database."""
    from django.conf import settings

    alias = connection.alias
    test_settings = connection.settings_dict["TEST"]
    original, original_test = connection.settings_dict["NAME"], test_settings.get("NAME")
    test_settings["NAME"] = name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        connection.close()
    finally:
        connection.settings_dict["NAME"] = settings.DATABASES[alias]["NAME"] = original
        test_settings["NAME"] = original_test


# The template each alias's test database was copied from, for tests that want
# another fresh copy of their own (``fresh_copy``).
copied_from: dict[str, str] = {}


def copy_of_template(connection: BaseDatabaseWrapper, target: str) -> None:
    """Makes ``target`` a fresh copy of the migrated template (migrating one if needed)."""
    template = template_name(connection)
    copied_from[connection.alias] = template
    with _exclusive(template):
        if not _exists(connection, template):
            _drop_older_templates(connection, template)
            # Migrated under another name first: a run stopped half-way leaves
            # no half-migrated template behind under the real one.
            building = f"{template}_new"
            _migrate(connection, building)
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
        with connection._nodb_cursor() as cursor:
            drop_database(cursor, target)
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')


def fresh_copy(connection: BaseDatabaseWrapper, target: str) -> None:
    """Makes ``target`` another copy of the template the test database came from."""
    template = copied_from[connection.alias]
    with _exclusive(template), connection._nodb_cursor() as cursor:
        drop_database(cursor, target)
        cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')


def drop_copy(connection: BaseDatabaseWrapper) -> None:
    """Drops the test database ``connection`` uses, even if a live-server thread still holds it."""
    target = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        drop_database(cursor, target)
