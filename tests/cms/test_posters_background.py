"""Posters are made by the background worker, never inside the request.

The first request queues one task and answers a page that says how far the
poster is (in the visitor's or editor's language) and refreshes itself; the
worker (django-tasks' own ``db_worker`` loop) renders and stores it; the same
address then serves the PDF from storage. A failure says so and can be retried;
a changed activity is a new poster; ``purge_posters`` deletes old files.
"""

from __future__ import annotations

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from cms.models import ActivityPage
from cms.posters.making import TASK_PATH
from tests.cms.test_posters import has, pdf_text
from tests.poster_worker import own_media, printed, work_off_the_queue  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_media")]

ADDRESS = "/posters/activity/taalcafe.pdf?languages=nl,pl&size=a4"


@pytest.fixture
def activity(db):
    from tests import factories

    factories.load(
        partners=[factories.partner(slug="bieb", name="Bibliotheek")],
        activities=[
            factories.activity(
                "bieb",
                slug="taalcafe",
                title={"nl": "Taalcafé in Ochten", "pl": "Kawiarenka językowa"},
                starts_at="2030-01-08T19:00:00+01:00",
                ends_at="2030-01-08T20:30:00+01:00",
            )
        ],
    )
    return ActivityPage.objects.get(slug="taalcafe")


def queued() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("enqueued_at"))


def stored_files() -> list[Path]:
    return sorted((Path(settings.MEDIA_ROOT) / "posters").glob("*.pdf"))


def test_the_first_request_queues_it_once_and_the_worker_makes_it(client, activity):
    first = client.get(ADDRESS, HTTP_ACCEPT_LANGUAGE="pl")
    assert first.status_code == 202
    assert first["Content-Type"].startswith("text/html")
    page = first.content.decode()
    assert "Twój plakat jest przygotowywany" in page  # in the visitor's language
    assert 'data-state="waiting"' in page and "W kolejce; zadania przed nim: 0" in page
    refresh = '<meta http-equiv="refresh" content="3;url=/posters/activity/taalcafe.pdf?'
    assert refresh in page
    assert "<script" not in page
    (task,) = queued()
    assert task.args_kwargs["kwargs"]["languages"] == ["nl", "pl"]

    second = client.get(ADDRESS, HTTP_ACCEPT_LANGUAGE="pl")
    assert second.status_code == 202
    assert len(queued()) == 1  # not queued again
    assert stored_files() == []  # nothing rendered in the request

    work_off_the_queue()
    (task,) = queued()
    assert task.status == "SUCCESSFUL"
    answer = client.get(ADDRESS)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
    assert has(pdf_text(answer.content), "Kawiarenka językowa")
    assert len(stored_files()) == 1
    assert client.get(ADDRESS).content == answer.content
    assert len(queued()) == 1


def test_a_stored_poster_is_served_in_few_queries(client, activity, django_assert_max_num_queries):
    printed(client, ADDRESS)
    # The published activity, read to compute the key; the file comes from storage.
    with django_assert_max_num_queries(1):
        assert client.get(ADDRESS).status_code == 200


def test_the_editor_reads_the_page_in_their_admin_language(client, activity, django_user_model):
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.create_superuser("coord", "c@example.org", "x")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "bg"
    profile.save()
    client.force_login(editor)
    page = client.get(ADDRESS, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Вашият плакат се изготвя" in page and 'lang="bg"' in page


def test_a_failed_render_says_so_and_can_be_tried_again(client, activity, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("fonts missing")

    monkeypatch.setattr("cms.posters.tasks.poster_pdf", broken)
    client.get(ADDRESS)
    work_off_the_queue()
    failed = client.get(ADDRESS, HTTP_ACCEPT_LANGUAGE="en")
    assert failed.status_code == 500
    page = failed.content.decode()
    assert "The poster could not be made." in page
    assert 'http-equiv="refresh"' not in page  # it would fail again: the visitor decides
    assert 'href="/posters/activity/taalcafe.pdf?languages=nl%2Cpl&amp;size=a4&amp;retry=1"' in page
    assert client.get(ADDRESS).status_code == 500
    assert len(queued()) == 1  # a failure is not retried without asking

    monkeypatch.undo()
    again = client.get(ADDRESS + "&retry=1", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 202 and "Your poster is being made" in again.content.decode()
    assert [task.status for task in queued()] == ["FAILED", "READY"]
    work_off_the_queue()
    assert client.get(ADDRESS)["Content-Type"] == "application/pdf"


def test_a_changed_activity_gets_a_new_poster_and_old_files_are_purged(client, activity):
    before = printed(client, ADDRESS)
    assert has(pdf_text(before.content), "Taalcafé in Ochten")

    activity.title = "Taalcafé in Echteld"
    activity.save_revision().publish()
    assert client.get(ADDRESS).status_code == 202  # a new poster is queued
    assert len(queued()) == 2
    work_off_the_queue()
    after = client.get(ADDRESS)
    assert has(pdf_text(after.content), "Taalcafé in Echteld")
    assert not has(pdf_text(after.content), "Taalcafé in Ochten")

    old, new = sorted(stored_files(), key=lambda path: path.stat().st_mtime)
    long_ago = time.time() - (settings.POSTER_KEEP_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    out = StringIO()
    call_command("purge_posters", stdout=out)
    assert "Deleted 1 poster file(s)." in out.getvalue()
    assert stored_files() == [new]
    assert client.get(ADDRESS).content == after.content  # the current one stays


def test_the_purge_runs_daily_from_cron():
    crontab = (Path(settings.BASE_DIR) / "scripts" / "crontab").read_text()
    assert "manage.py purge_posters" in crontab


# Serialized rollback: the live-server tests after it in the serial pass start
# from the restored rows, not from what a plain flush seeds again.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_requests_at_once_queue_one_task():
    """Two app servers asked at the same moment: the second waits for the first's lock,
    then finds its task. Request A is held right after it looked (and found nothing)
    until request B is seen waiting in PostgreSQL for the key's advisory lock."""
    import threading

    from django.db import connection

    from cms.posters import making

    order = making.Order("ab" * 16, "contact-point", "", ["nl"], "a4", None)
    a_looked, b_waits = threading.Event(), threading.Event()
    looked_up = making.latest_task

    def held_latest_task(key):
        found = looked_up(key)
        if threading.current_thread().name == "A" and not a_looked.is_set():
            a_looked.set()
            assert b_waits.wait(30), "request B never waited for the lock"
        return found

    def ask():
        try:
            making.queue_once(order)
        finally:
            connection.close()

    making.latest_task = held_latest_task
    try:
        first = threading.Thread(target=ask, name="A")
        first.start()
        assert a_looked.wait(30)
        second = threading.Thread(target=ask, name="B")
        second.start()
        for _ in range(5000):  # until B is blocked on the advisory lock (a query per turn)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE wait_event = 'advisory' AND datname = current_database()"
                )
                if cursor.fetchone()[0]:
                    break
        else:
            pytest.fail("request B did not wait for the advisory lock")
        b_waits.set()
        first.join(30)
        second.join(30)
    finally:
        making.latest_task = looked_up
        b_waits.set()
    assert len(queued()) == 1
