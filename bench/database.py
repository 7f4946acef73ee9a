"""The bench database, made afresh for every run from a migrated template.

``python -m bench.database NAME``: drops NAME and creates it as a copy of
``NAME_template`` (which ``bench/run`` migrates first): copying a migrated
database takes a second, migrating an empty one most of a minute.
"""

import os
import sys

import psycopg


def _server() -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"


def ensure(name: str) -> None:
    with psycopg.connect(_server(), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def recreate_from_template(name: str) -> None:
    with psycopg.connect(_server(), autocommit=True) as connection:
        # Not WITH (FORCE): PostgreSQL refuses it to a non-superuser while an
        # autovacuum worker is in the database. A plain DROP stops autovacuum;
        # the bench's own sessions are ended first (see tests/database_template.py).
        connection.execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
            " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
            [name],
        )
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{name}_template"')


if __name__ == "__main__":
    action, name = sys.argv[1], sys.argv[2]
    {"ensure": ensure, "recreate": recreate_from_template}[action](name)
