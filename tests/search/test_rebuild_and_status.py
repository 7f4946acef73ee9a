"""search_index rebuild (new index, atomic alias swap) and search_index status."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms.models import ActivityPage
from search import indexes
from search.documents import alias, document_id
from search.rebuild import rebuild
from tests import factories
from tests.search.conftest import find, refresh, slugs

pytestmark = pytest.mark.search


@pytest.fixture
def content(own_indexes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.load(
            partners=[factories.partner(slug="club")],
            activities=[
                factories.activity("club", slug=f"les-{n}", title={"nl": f"Zwemles {n}"})
                for n in range(3)
            ],
            guides=[factories.guide("club", slug="zwembad", title={"nl": "Het zwembad"})],
        )
    refresh(own_indexes)
    return own_indexes


def test_rebuild_swaps_in_a_new_index_and_removes_the_old(content):
    old = indexes.indexes_behind_alias(content)
    report = rebuild(content)
    assert indexes.indexes_behind_alias(content) == [report.index] != old
    assert report.documents == {"activity": 3, "guide": 1, "partner": 1, "policy_action": 0}
    assert report.removed == old
    assert not content.indices.exists(index=old[0])
    assert len(slugs(find("zwemles"))) == 3


def test_searches_keep_answering_during_a_rebuild(content):
    seen = []

    def progress(kind: str, done: int, total: int) -> None:
        # Called while the new index fills, before the swap.
        response = find("zwemles")
        seen.append((response.backend, response.total))

    rebuild(content, progress)
    assert seen and set(seen) == {("elasticsearch", 3)}


def test_changes_saved_during_a_rebuild_are_replayed(content, django_capture_on_commit_callbacks):
    def progress(kind: str, done: int, total: int) -> None:
        if (kind, done) == ("guide", 0):  # activities are already copied
            with django_capture_on_commit_callbacks(execute=True):
                factories.load(
                    activities=[factories.activity("club", slug="les-0", title={"nl": "Duikles"})]
                )

    report = rebuild(content, progress)
    refresh(content)
    assert report.replayed >= 1
    assert slugs(find("duikles")) == ["les-0"]


def test_status_compares_the_index_with_the_database(content):
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert re.search(r"^activity +3 +3 +0  ok$", out.getvalue(), re.MULTILINE)
    assert "pl polish (plugin)" in out.getvalue() or "pl pl_PL (hunspell)" in out.getvalue()

    lost = ActivityPage.objects.get(slug="les-1").pk
    content.delete(index=alias(), id=document_id("activity", lost), refresh=True)
    with pytest.raises(CommandError, match="differs"):
        call_command("search_index", "status", stdout=StringIO())


def test_rebuild_command_prints_its_result(content):
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out, stderr=StringIO())
    assert "(3 activity, 1 guide, 1 partner, 0 policy_action) is now behind the alias" in (
        out.getvalue()
    )


def test_commands_refuse_without_an_engine(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_index", "status")
