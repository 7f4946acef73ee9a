"""Suite-wide rules: real PostgreSQL, and a real search engine where a test needs one.

The README's test command (scripts/test) starts both. Run pytest by hand and a
missing service makes the tests that need it fail with a message saying so;
nothing is skipped quietly.
"""

import os

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import setup_databases, teardown_databases
from pytest_django.fixtures import _get_databases_for_setup

from tests.database_template import copy_of_template, drop_copy


def pytest_configure(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine and not os.environ.get("WEGWIJS_ALLOW_SQLITE"):
        raise pytest.UsageError(
            "The tests run against PostgreSQL: set DATABASE_URL, or use ./scripts/test, "
            "which starts PostgreSQL and the search engine itself. "
            f"(DATABASE_URL points at {engine}.)"
        )


@pytest.fixture(scope="session", autouse=True)
def configured_sites_read(django_db_setup, django_db_blocker):
    """Each process reads the Sites once (cms/site_address.py), before any request counts
    its queries, as a running server has long done by the time it is measured."""
    from contextlib import suppress

    from django.db import DatabaseError

    from cms.site_address import read_configured_sites

    # No test of this run uses the database, so none was made: nothing to read.
    with django_db_blocker.unblock(), suppress(DatabaseError):
        read_configured_sites()


@pytest.fixture(autouse=True)
def each_test_starts_in_the_default_language():
    """The language a request activates stays on the thread afterwards (LocaleMiddleware
    does not undo it), so a test that asked a page in English left the next test in the
    same worker reading every translated field in English. Each test starts in Dutch."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def each_test_starts_with_nothing_remembered():
    """Answers are remembered per content version (cms/content_version/memo.py). A test
    database rolled back after a test can reach the same version number again with other
    rows (another test's pages), which a real database never does: each test starts empty."""
    from cms.content_version import memo

    memo.forget()


# Tests whose database is really committed and emptied afterwards (pytest-django
# runs them after all others for that reason), or that stop a service.
TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def runs_alone(item: pytest.Item) -> bool:
    """Must this test run in scripts/test's serial pass, not beside another worker?

    A transactional test empties the worker's database when it ends; under
    xdist another file's test could come next on that worker and miss what the
    migrations put there. A single_node test stops the search node every
    worker uses.
    """
    if item.get_closest_marker("single_node"):
        return True
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if runs_alone(item):
            item.add_marker(pytest.mark.serial)


@pytest.fixture
def site_structure(db):
    from cms.site_structure import ensure_site_structure

    return ensure_site_structure()


@pytest.fixture(autouse=True)
def _fresh_municipalities(request):
    """Each test reads the municipalities of its own database state, already loaded.

    The registry keeps them in memory (``cms.municipalities.registry``); a
    rolled-back test transaction sends no signal to drop them. A server
    process reads them once (then every ``MUNICIPALITY_CACHE_SECONDS``), so
    tests with the database see that steady state: the pinned query counts
    do not include the two queries of the first read.
    """
    from cms.municipalities.registry import forget, municipalities
    from cms.site_address import read_configured_sites

    forget()
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
        municipalities()
        # The same for the Sites' addresses: a Site saved by an earlier test was
        # rolled back without a signal, and its address must not outlive it.
        read_configured_sites()
    yield
    forget()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test database, as a copy of the migrated template.

    See tests/database_template.py. With ``--reuse-db`` (and no ``--create-db``)
    or ``--nomigrations``, pytest-django's own set-up, unchanged.
    """
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    reuse = django_db_keepdb and not django_db_createdb
    if reuse or not django_db_use_migrations or connections["default"].vendor != "postgresql":
        with django_db_blocker.unblock():
            config = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=reuse,
            )
        yield
        if not django_db_keepdb:
            with django_db_blocker.unblock():
                teardown_databases(config, verbosity=verbosity)
        return

    original_names = {}
    with django_db_blocker.unblock():
        for alias in aliases:
            connection = connections[alias]
            target = connection.creation._get_test_db_name()
            original_names[alias] = connection.settings_dict["NAME"]
            copy_of_template(connection, target)
            connection.close()
            settings.DATABASES[alias]["NAME"] = connection.settings_dict["NAME"] = target
            if alias in serialized_aliases:
                # What a serialized-rollback test (live server) starts from, as Django keeps it.
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            for alias, name in original_names.items():
                drop_copy(connections[alias])
                settings.DATABASES[alias]["NAME"] = connections[alias].settings_dict["NAME"] = name


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    """pytest-django's fixture, counting a request as a running server answers it.

    A server process reads the municipalities once (``cms.municipalities.registry``),
    not per request; a test's own import or site set-up drops them, so they are
    read again before counting starts.
    """
    from cms.municipalities.registry import municipalities

    def counting(*args, **kwargs):
        municipalities()
        return django_assert_num_queries(*args, **kwargs)

    return counting
