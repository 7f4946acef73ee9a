"""Guides read aloud: real espeak-ng and opusenc, after publishing, read back with mutagen."""

from __future__ import annotations

from io import BytesIO

import mutagen
import pytest
from django.core.files.storage import default_storage

from cms.models import GuidePage
from cms.read_aloud.audio import synthesise
from cms.read_aloud.recordings import audio_for, readable_languages
from tests import factories

pytestmark = pytest.mark.django_db

POLISH_BODY = (
    "Najpierw zadzwoń do przychodni pod numer 0488 12 34 56. Przychodnia jest otwarta od 8:00. "
    "Jeśli to pilne, powiedz to od razu. Lekarz rodzinny pomoże ci albo skieruje cię dalej."
)


def opus(data: bytes):
    found = mutagen.File(BytesIO(data))
    assert type(found).__name__ == "OggOpus"
    return found.info


def test_a_minute_of_speech_is_small_mono_opus_for_prepaid_data():
    text = " ".join([POLISH_BODY] * 5)
    info_and_data = synthesise(text, "pl")
    info = opus(info_and_data.data)
    assert info.channels == 1
    assert info.length > 30  # real speech, not an empty file
    per_minute = len(info_and_data.data) / info.length * 60
    assert per_minute < 110_000, per_minute  # about 90 KB a minute at 12 kbit/s


@pytest.mark.parametrize(
    "language", ["nl", "en", "pl", "ro", "bg", "hu", "lt", "lv", "sk", "cs", "pt", "es", "uk"]
)
def test_every_language_has_a_voice(language):
    assert opus(synthesise("1 2 3.", language).data).length > 0.5


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.load(
            partners=[factories.partner(slug="ggd", name="GGD")],
            guides=[
                factories.guide(
                    "ggd",
                    slug="huisarts",
                    title={"nl": "De huisarts", "en": "The GP", "pl": "Lekarz rodzinny"},
                    summary={"nl": "Zo werkt het.", "en": "How it works.", "pl": "Jak to działa."},
                    body={"nl": "Bel eerst.", "en": "Call first.", "pl": POLISH_BODY},
                )
            ],
        )
    return GuidePage.objects.get(slug="huisarts")


def work_off_the_queue() -> None:
    """Run what publishing queued, as ``db_worker`` would (it closes the test's connection)."""
    from django_tasks_db.models import DBTaskResult

    from cms.read_aloud.tasks import record_guide

    for queued in DBTaskResult.objects.filter(task_path="cms.read_aloud.tasks.record_guide"):
        assert queued.task.func is record_guide.func
        record_guide.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        queued.delete()


def test_publishing_queues_one_recording_per_written_language_and_the_worker_makes_them(
    published,
):
    from django_tasks_db.models import DBTaskResult

    assert readable_languages(published) == ["nl", "en", "pl"]
    queued = DBTaskResult.objects.filter(task_path="cms.read_aloud.tasks.record_guide")
    assert sorted(task.args_kwargs["args"][1] for task in queued) == ["en", "nl", "pl"]
    assert audio_for(published, "pl") is None  # not recorded yet
    work_off_the_queue()
    page = GuidePage.objects.get(pk=published.pk)
    audio = audio_for(page, "pl")
    assert audio.language == "pl" and audio.mime_type == "audio/ogg"
    with default_storage.open(page.read_aloud["pl"]["path"]) as stored:
        data = stored.read()
    info = opus(data)
    assert info.channels == 1 and info.length > 8
    assert page.read_aloud["pl"]["revision"] == page.live_revision_id
    assert page.read_aloud["pl"]["bytes"] == len(data)


def test_a_language_without_its_own_text_is_read_in_the_fallback_language_with_its_voice(
    published,
):
    work_off_the_queue()
    page = GuidePage.objects.get(pk=published.pk)
    assert audio_for(page, "bg").language == "en"
    assert audio_for(page, "bg").url == audio_for(page, "en").url


def test_a_new_revision_hides_the_old_recording_until_it_is_made_again(
    published, django_capture_on_commit_callbacks
):
    work_off_the_queue()
    page = GuidePage.objects.get(pk=published.pk)
    old_path = page.read_aloud["pl"]["path"]
    page.summary_pl = "Jak to działa w Holandii."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page = GuidePage.objects.get(pk=published.pk)
    assert page.read_aloud["pl"]["path"] == old_path  # kept through publishing, but stale
    assert audio_for(page, "pl") is None
    work_off_the_queue()
    page = GuidePage.objects.get(pk=published.pk)
    assert audio_for(page, "pl") is not None and page.read_aloud["pl"]["path"] != old_path
    assert page.read_aloud["nl"]["revision"] == page.live_revision_id
