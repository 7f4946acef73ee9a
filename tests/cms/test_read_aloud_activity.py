"""An activity's title and summary are read aloud like a guide: queued on publishing."""

from __future__ import annotations

from io import BytesIO

import mutagen
import pytest
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from cms.models import ActivityPage
from cms.read_aloud.recordings import audio_for, readable_languages, script
from cms.read_aloud.tasks import record_activity
from tests import factories

pytestmark = pytest.mark.django_db

TASK = "cms.read_aloud.tasks.record_activity"


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.load(
            partners=[factories.partner(slug="bieb", name="Bibliotheek", type="library")],
            activities=[
                factories.activity(
                    "bieb",
                    slug="taalcafe",
                    category="language",
                    title={"nl": "Taalcafé", "pl": "Kawiarenka językowa"},
                    summary={"nl": "Samen Nederlands praten.", "pl": "Rozmawiamy po niderlandzku."},
                    # The body is not read: a Polish visitor needs no Polish body for a recording.
                    body={"nl": "Kom gerust binnen, koffie staat klaar."},
                )
            ],
        )
    return ActivityPage.objects.get(slug="taalcafe")


def test_publishing_an_activity_queues_its_summary_and_the_worker_records_it(published):
    assert readable_languages(published) == ["nl", "pl"]
    assert script(published, "pl") == "Kawiarenka językowa.\nRozmawiamy po niderlandzku."
    queued = DBTaskResult.objects.filter(task_path=TASK)
    assert sorted(task.args_kwargs["args"][1] for task in queued) == ["nl", "pl"]
    assert audio_for(published, "pl") is None  # not recorded yet

    for task in queued:
        assert task.task.func is record_activity.func
        record_activity.call(*task.args_kwargs["args"])
    page = ActivityPage.objects.get(pk=published.pk)
    audio = audio_for(page, "pl")
    assert audio.language == "pl" and audio.mime_type == "audio/ogg"
    with default_storage.open(page.read_aloud["pl"]["path"]) as stored:
        data = stored.read()
    found = mutagen.File(BytesIO(data))
    assert type(found).__name__ == "OggOpus" and found.info.channels == 1
    assert page.read_aloud["pl"]["revision"] == page.live_revision_id
    # Romanian has no text: the English fallback is missing too, so the Dutch voice reads.
    assert audio_for(page, "ro").language == "nl"
