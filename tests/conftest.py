"""Suite-wide rules: real PostgreSQL, and a real search engine where a test needs one.

The README's test command (scripts/test) starts both. Run pytest by hand and a
missing service makes the tests that need it fail with a message saying so;
nothing is skipped quietly.
"""

import os

import pytest
from django.conf import settings


def pytest_configure(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine and not os.environ.get("WEGWIJS_ALLOW_SQLITE"):
        raise pytest.UsageError(
            "The tests run against PostgreSQL: set DATABASE_URL, or use ./scripts/test, "
            "which starts PostgreSQL and the search engine itself. "
            f"(DATABASE_URL points at {engine}.)"
        )


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

    forget()
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
        municipalities()
    yield
    forget()


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
