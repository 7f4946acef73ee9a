"""Each PostgreSQL connection prices an index step as the settings say (cms/planner_costs.py)."""

import pytest
from django.db import connection, connections
from django.test import override_settings

from tests.test_settings import run_check


def _random_page_cost_of_a_new_connection() -> str:
    default = connections["default"]
    fresh = type(default)(default.settings_dict.copy(), alias="planner-costs")
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            return cursor.fetchone()[0]
    finally:
        fresh.close()


@pytest.mark.django_db
def test_a_new_connection_prices_an_index_step_as_the_settings_say():
    assert _random_page_cost_of_a_new_connection() == "1.1"
    with override_settings(DATABASE_RANDOM_PAGE_COST=2.5):
        assert _random_page_cost_of_a_new_connection() == "2.5"


@pytest.mark.django_db
def test_without_a_value_the_server_keeps_its_own():
    with connection.cursor() as cursor:
        cursor.execute("SELECT boot_val FROM pg_settings WHERE name = 'random_page_cost'")
        servers = cursor.fetchone()[0]
    with override_settings(DATABASE_RANDOM_PAGE_COST=None):
        assert _random_page_cost_of_a_new_connection() == servers


@pytest.mark.parametrize("value", ["fast", "0", "-1", "inf"])
def test_a_cost_that_is_not_a_number_above_zero_stops_the_start(value):
    result = run_check(
        {"DJANGO_SETTINGS_MODULE": "hub.settings.base", "DATABASE_RANDOM_PAGE_COST": value}
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_RANDOM_PAGE_COST" in result.stderr
