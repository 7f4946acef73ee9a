"""SQL queries per request: a constant, whatever the page size or the number of languages.

The numbers are pinned exactly, so that a serializer that starts querying per
object (or a lost select_related) fails here rather than in production.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.api.conftest import days_ahead, iso, local

CODES = ["nl", "en", "pl", "ro", "bg", "hu", "lt", "lv", "sk", "cs", "pt", "es", "uk"]


def everywhere(text: str) -> dict[str, str]:
    return {code: f"{text} ({code})" for code in CODES}


def activity(n: int, translated: bool = True) -> dict:
    texts = everywhere if translated else (lambda text: {"nl": text})
    return factories.activity(
        "club-0",
        slug=f"activiteit-{n}",
        co_organisers=["club-1", "club-2"],
        title=texts(f"Activiteit {n}"),
        summary=texts("Samen"),
        body=texts("Kom langs."),
        languages_offered=CODES if translated else ["nl"],
        starts_at=iso(local(days_ahead(1 + n % 20), 10)),
        ends_at=None,
        recurrence="FREQ=WEEKLY;COUNT=20",
        mixed_team={"sport": "voetbal", "training_times": texts("dinsdag")},
    )


@pytest.fixture(scope="module")
def rich(django_db_setup, django_db_blocker):
    """Fifty of everything that is listed, with relations, translated into all 13 languages.

    Built once for the module (importing 150 pages takes a while) inside a
    transaction that is rolled back afterwards; each test runs in a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        factories.load(
            partners=[
                factories.partner(slug=f"club-{n}", description=everywhere("Club"))
                for n in range(50)
            ],
            activities=[activity(n) for n in range(50)],
            guides=[
                factories.guide("club-0", slug=f"gids-{n}", title=everywhere(f"Gids {n}"))
                for n in range(50)
            ],
            policy_actions=[
                factories.policy_action(
                    slug=f"actie-{n}",
                    building_block=["inventory", "housing", "support"][n % 3],
                    responsible=["club-0", "club-1"],
                    updates=[
                        {"date": "2026-10-01", "text": everywhere("Begonnen")},
                        {"date": "2026-11-01", "text": everywhere("Verder")},
                    ],
                )
                for n in range(9)
            ],
        )
        yield
        transaction.set_rollback(True)


# (address, exact number of queries, what they are)
PINNED = [
    ("languages", 0, "the list is configuration"),
    ("categories", 2, "categories; unreviewed machine texts (machine_translated)"),
    ("glossary", 1, "glossary terms (none here, so no machine-text query)"),
    ("building-blocks", 3, "blocks; actions of the published plan; machine texts"),
    ("partners", 2, "a page of partners with their logos; machine texts"),
    ("partners/club-0", 2, "the partner with its logo; machine texts"),
    (
        "activities",
        2,
        "a page of activities with category, organiser, image and co-organisers; machine texts",
    ),
    (
        "activities?category=language&partner=club-1&near=51.9,5.57",
        4,
        "+1 per slug to check; machine texts",
    ),
    (
        "activities?starts_after=2027-01-01&offered_language=pl&free=true",
        2,
        "dates in SQL; machine texts",
    ),
    ("activities/activiteit-1", 3, "the activity with its relations; co-organisers; machine texts"),
    ("activities.ics", 1, "all matching activities with category and organiser"),
    ("guides", 2, "a page of guides with their authors; machine texts"),
    ("guides?topic=healthcare", 2, "the same, filtered; machine texts"),
    ("guides/gids-1", 2, "the guide with its author; machine texts"),
    # With the response cache on, all but the plan are remembered per content version.
    ("policy-plan", 6, "plan; blocks; actions; their partners; their updates; machine texts"),
    ("search?q=activiteit", 5, "database backend: one query per result type; co-organisers"),
    ("search/suggest?q=gids", 2, "database backend: activities, guides"),
    ("schema", 0, "generated from code"),
]


@pytest.mark.parametrize(("path", "queries", "reads"), PINNED)
def test_queries_per_request_are_pinned(
    rich, db, client, django_assert_num_queries, path, queries, reads
):
    for lang in ("nl", "pl"):
        separator = "&" if "?" in path else "?"
        with django_assert_num_queries(queries):
            response = client.get(f"/api/v1/{path}{separator}lang={lang}")
        assert response.status_code == 200, response.content[:300]


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("endpoint", ["activities", "guides", "partners"])
def test_a_page_of_fifty_costs_what_a_page_of_one_costs(rich, db, client, endpoint):
    one = count_queries(client, f"/api/v1/{endpoint}?page_size=1")
    fifty = client.get(f"/api/v1/{endpoint}?page_size=50").json()["results"]
    assert len(fifty) == 50
    assert count_queries(client, f"/api/v1/{endpoint}?page_size=50") == one


def test_translating_into_thirteen_languages_costs_no_query(rich, db, client):
    factories.load(activities=[activity(100, translated=False), activity(101, translated=True)])
    only_dutch = count_queries(client, "/api/v1/activities/activiteit-100?lang=pl")
    all_languages = count_queries(client, "/api/v1/activities/activiteit-101?lang=pl")
    assert only_dutch == all_languages == 3
