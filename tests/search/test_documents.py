"""What goes into a document, built with a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.indexing import INDEXED_TYPES
from tests import factories


@pytest.fixture
def content(db):
    factories.load(
        partners=[factories.partner(slug="club", name="VV Ochten"), factories.partner(slug="bib")],
        activities=[
            factories.activity(
                "club",
                slug=f"training-{n}",
                title={"nl": f"Gemengd voetbal {n}", "pl": f"Piłka nożna {n}"},
                body={"nl": "Elke <dinsdag>.\n\n- Gratis", "pl": "Co wtorek."},
                co_organisers=["bib"],
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                mixed_team={
                    "sport": "football",
                    "level": "recreational",
                    "training_times": {"nl": "dinsdag 19:00"},
                },
            )
            for n in range(6)
        ],
        policy_actions=[
            factories.policy_action(
                slug="actie",
                responsible=["club", "bib"],
                updates=[
                    {"date": "2026-11-01", "text": {"nl": "Gestart.", "pl": "Rozpoczęte."}},
                    {"date": "2026-12-01", "text": {"nl": "Halverwege."}},
                ],
            )
        ],
    )


def _documents(kind: str, limit: int) -> list[dict]:
    indexed = INDEXED_TYPES[kind]
    return [indexed.document(obj) for obj in indexed.queryset().order_by("pk")[:limit]]


def test_an_activity_document(content):
    document = _documents("activity", 1)[0]
    assert document["title"] == {"nl": "Gemengd voetbal 0", "pl": "Piłka nożna 0"}
    # Rich text as plain words (no markup), then the mixed team's training times.
    body = document["body"]["nl"]
    assert "Elke <dinsdag>." in body and "Gratis" in body and "<p>" not in body
    assert body.endswith("\ndinsdag 19:00")
    assert document["partner"] == ["club", "bib"]
    assert document["related_names"][0] == "VV Ochten"
    assert document["location"] == {"lat": 51.911, "lon": 5.571}
    assert len(document["occurrences"]) > 50  # weekly, materialised ~18 months ahead
    inputs = {text for entry in document["suggest"] for text in entry["input"]}
    assert {"Gemengd voetbal 0", "voetbal 0", "Piłka nożna 0", "nożna 0"} <= inputs


def test_a_policy_action_document_holds_its_updates(content):
    document = _documents("policy_action", 1)[0]
    assert document["body"] == {"nl": "Halverwege.\nGestart.", "pl": "Rozpoczęte."}
    assert sorted(document["partner"]) == ["bib", "club"]


def test_documents_cost_the_same_queries_for_one_or_many(content):
    for kind in INDEXED_TYPES:
        with CaptureQueriesContext(connection) as one:
            _documents(kind, 1)
        with CaptureQueriesContext(connection) as many:
            _documents(kind, 6)
        assert len(many) == len(one), [query["sql"][:80] for query in many.captured_queries]
