"""The engine is asked exactly what elasticsearch-dsl asked it before the bodies were written as
plain dicts (search/query.py): ``data/query_bodies.json`` is what ``Q`` and ``Search`` wrote for
these requests (commit cf2742c), compared key for key and in the same order."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cms.translation.languages import language_codes
from search.contract import SearchRequest
from search.documents import alias
from search.query import build_highlights, build_search, build_spelling, build_suggest

BODIES = json.loads((Path(__file__).parent / "data" / "query_bodies.json").read_text())

SEARCHES = {
    "words": (SearchRequest(q="kurs jezyka", language="pl"), False),
    "words, every filter, in one municipality": (
        SearchRequest(
            q="piłka nożna",
            language="uk",
            types=("activity", "partner"),
            category="sport",
            offered_language="pl",
            near=(51.9106, 5.5703),
            radius_km=2.5,
            starts_after=datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Europe/Amsterdam")),
            page_size=7,
            municipality="tiel",
        ),
        False,
    ),
    "words, typos forgiven everywhere": (
        SearchRequest(q="voetbl", language="nl", near=(51.9, 5.5)),
        True,
    ),
    "no words, in one municipality": (
        SearchRequest(q="", language="en", municipality="buren"),
        False,
    ),
}


def _same(search, expected: dict) -> None:
    assert search.index == alias()
    # Equal, and written in the same order: the very bytes go to the engine.
    assert json.dumps(search.to_dict()) == json.dumps(expected)


@pytest.mark.parametrize("name", SEARCHES)
def test_search_bodies_are_what_elasticsearch_dsl_wrote(name):
    request, everywhere = SEARCHES[name]
    typos_in = tuple(language_codes()) if everywhere else None
    _same(build_search(request, typos_in), BODIES[f"search: {name}"])


def test_the_other_bodies_are_what_elasticsearch_dsl_wrote():
    _same(
        build_highlights("kurs", ("en", "nl"), ["activity-1", "guide-2"]),
        BODIES["fallback highlights"],
    )
    _same(build_spelling("nederlnds leren"), BODIES["spelling"])
    _same(build_suggest("voet", "nl", 10), BODIES["suggest"])
