"""A lost machine loses nothing: scripts/backup, then scripts/restore on an empty one.

Content and an uploaded image are committed to the test database and media
folder, backed up, then the media folder is deleted. The restore goes into a
new, empty database and media folder, and rebuilds the search index (its own
prefix) from the restored database. Every activity, guide, partner and policy
action must be back in the restored database and in the engine, and the image
file byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from datetime import date
from io import BytesIO
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms.accounts.models import EmailChange, Invitation
from cms.calendars.models import CalendarEvent, CalendarImport
from cms.calendars.tasks import queue_import
from cms.models import (
    ActivityPage,
    BuddyMatch,
    BuddyOffer,
    BuddyProject,
    BuddyRequest,
    GlossaryTerm,
    GuidePage,
    MachineCharacters,
    Municipality,
    MunicipalTranslationSettings,
    PageFeedback,
    Partner,
    PolicyAction,
    Question,
    TopicResponsibility,
    Venue,
)
from cms.surveys.answers import Submission, record_response
from cms.taking_part.capacity import SignupRequest, sign_up
from cms.translation.records import TranslationDraft, TranslationSubmission
from cms.translation.translators import assign_translator
from search import elastic
from search.contract import SearchRequest
from search.models import IndexChange
from search.service import search
from tests import factories, survey_factories
from tests.database_template import drop_database

pytestmark = pytest.mark.search

SCRIPTS = Path(settings.BASE_DIR) / "scripts"


def _database_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"


def _run(script: str, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(SCRIPTS / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture
def empty_database():
    """A new, empty database on the same server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:6]}"
    admin = _database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin, autocommit=True) as conn:
        drop_database(conn, name)


@pytest.fixture
def restored_prefix():
    """Index names for the restored site; its indexes are deleted afterwards."""
    if not settings.ELASTICSEARCH_URL:
        pytest.fail("ELASTICSEARCH_URL is not set: the restore rebuilds the index on a real engine")
    prefix = f"wegwijs-test-restore-{uuid.uuid4().hex[:8]}"
    url = settings.ELASTICSEARCH_URL
    yield prefix
    with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX=prefix):
        elastic.client().indices.delete(index=f"{prefix}-*", ignore_unavailable=True)


def _photo() -> ImageFile:
    buffer = BytesIO()
    PillowImage.new("RGB", (640, 360), (200, 90, 20)).save(buffer, "JPEG")
    return ImageFile(buffer, name="zwemles.jpg")


def _published_content() -> dict[str, set[str]]:
    return {
        "activity": set(ActivityPage.objects.live().values_list("slug", flat=True)),
        "guide": set(GuidePage.objects.live().values_list("slug", flat=True)),
        "partner": set(Partner.objects.values_list("slug", flat=True)),
        "policy_action": set(PolicyAction.objects.values_list("slug", flat=True)),
    }


def _restored_content(url: str) -> tuple[dict[str, set[str]], str]:
    """Slugs per type, and the swimming lesson's image file, read from the restored database."""
    with psycopg.connect(url) as conn:
        pages = conn.execute(
            "SELECT m.model, p.slug FROM wagtailcore_page p "
            "JOIN django_content_type m ON m.id = p.content_type_id WHERE p.live"
        ).fetchall()
        partners = conn.execute("SELECT slug FROM cms_partner").fetchall()
        actions = conn.execute("SELECT slug FROM cms_policyaction").fetchall()
        (image_file,) = conn.execute(
            "SELECT i.file FROM cms_activitypage a "
            "JOIN wagtailcore_page p ON p.id = a.page_ptr_id "
            "JOIN wagtailimages_image i ON i.id = a.image_id WHERE p.slug = 'zwemles'"
        ).fetchone()
    return {
        "activity": {slug for model, slug in pages if model == "activitypage"},
        "guide": {slug for model, slug in pages if model == "guidepage"},
        "partner": {slug for (slug,) in partners},
        "policy_action": {slug for (slug,) in actions},
    }, image_file


# Tables of the calendar import (what became of each event, the last run) and
# the background task queue: a restore must not lose them, or the next run would
# create every activity again.
CALENDAR_TABLES = ("cms_calendarevent", "cms_calendarimport", "django_tasks_database_dbtaskresult")
# The region: municipalities, their villages and where partners and content are published.
REGION_TABLES = (
    "cms_municipality",
    "cms_village",
    "cms_partner_municipalities",
    "cms_activitypage_municipalities",
    "cms_guidepage_municipalities",
)


def _link_a_calendar(partner_slug: str, activity: ActivityPage) -> None:
    partner = Partner.objects.get(slug=partner_slug)
    CalendarEvent.objects.create(
        partner=partner, uid="zwemles@club.example", activity=activity, feed_digest="f" * 64
    )
    CalendarImport.objects.create(partner=partner, status=CalendarImport.Status.DONE)
    queue_import(partner)


def _calendar_rows(url: str, tables: tuple[str, ...] = ()) -> dict[str, list]:
    with psycopg.connect(url) as conn:
        return {
            table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
            for table in (tables or (*CALENDAR_TABLES, *REGION_TABLES))
        }


# Every table of Wegwijs's own apps must hold a row before the backup and the
# same rows after the restore: a new model without a row here fails the test,
# so a table cannot be added without proving that a restore brings it back.
OWN_APPS = ("cms", "wegwijs_search")


def _own_tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for label in OWN_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    )


# The restore rebuilds the index, which applies the outbox's pending changes:
# what must come back is which objects were queued, not when they are applied.
COMPARED_COLUMNS = {"wegwijs_search_indexchange": "kind, object_id, queued_at"}


def _rows_per_table(url: str) -> dict[str, list[str]]:
    with psycopg.connect(url) as conn:
        return {
            table: sorted(
                map(
                    repr,
                    conn.execute(
                        f"SELECT {COMPARED_COLUMNS.get(table, '*')} FROM {table}"
                    ).fetchall(),
                )
            )
            for table in _own_tables()
        }


def _people_and_questions(partner: Partner) -> None:
    """Rows for the account links, the contact point and a survey answer."""
    later = timezone.now() + timezone.timedelta(days=3)
    coordinator = get_user_model().objects.create_user("coordinator", "coo@example.org", "x")
    Invitation.objects.create(
        email="new-editor@example.org",
        role="editor",
        partner=partner,
        token_hash="a" * 64,
        invited_by=coordinator,
        expires_at=later,
    )
    EmailChange.objects.create(
        user=coordinator, new_email="coo@new.example.org", token_hash="b" * 64, expires_at=later
    )
    TopicResponsibility.objects.create(topic="health", partner=partner)
    Question.objects.create(
        reference="Q-BACKUP",
        language="pl",
        topic="health",
        text="Gdzie jest lekarz?",
        contact_method="email",
        contact_value="ania@example.org",
        routed_partner=partner,
    )
    # With no engine configured here the outbox stays empty: one pending change.
    IndexChange.objects.create(kind="guide", object_id=1, queued_at=timezone.now())
    survey = survey_factories.survey()
    first = survey.questions.order_by("sort_order").first()
    record_response(
        survey,
        Submission("pl", {str(first.pk): str(first.options.first().pk)}),
        date(2026, 11, 30),
    )


def _translate_at_the_desk(guide: GuidePage) -> None:
    translator = get_user_model().objects.create_user("ola", "ola@example.org", "x" * 16)
    assign_translator(translator, "pl")
    TranslationDraft.objects.create(
        content_type=ContentType.objects.get_for_model(GuidePage),
        object_id=guide.pk,
        language="pl",
        texts={"summary": "Szkic"},
        saved_by=translator,
        saved_at=guide.last_published_at,
    )
    TranslationSubmission.objects.create(
        content_type=ContentType.objects.get_for_model(GuidePage),
        object_id=guide.pk,
        language="pl",
        texts={"summary": "Do sprawdzenia"},
        submitted_by=translator,
        submitted_at=guide.last_published_at,
    )


def _indexed_content(prefix: str) -> dict[str, set[str]]:
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=prefix):
        answer = elastic.client().search(
            index=f"{prefix}-content", body={"query": {"match_all": {}}, "size": 1000}
        )
    indexed: dict[str, set[str]] = {}
    for hit in answer["hits"]["hits"]:
        indexed.setdefault(hit["_source"]["type"], set()).add(hit["_source"]["slug"])
    return indexed


def test_backup_and_restore_bring_back_all_content_media_and_search(
    transactional_db,
    django_db_serialized_rollback,
    settings,
    tmp_path,
    empty_database,
    restored_prefix,
):
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    engine_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = ""  # the source's own index is not what this test is about
    factories.load(
        partners=[factories.partner(slug="zwemclub"), factories.partner(slug="ggd-regio")],
        activities=[
            factories.activity("zwemclub", slug="zwemles", title={"nl": "Zwemles voor moeders"}),
            factories.activity("zwemclub", slug="waterpolo"),
            factories.activity("ggd-regio", slug="prikcafe"),
        ],
        guides=[
            factories.guide("ggd-regio", slug="huisarts"),
            factories.guide("ggd-regio", slug="tandarts"),
        ],
        policy_actions=[
            factories.policy_action(slug="taalhuis"),
            factories.policy_action(slug="loket"),
        ],
    )
    lesson = ActivityPage.objects.get(slug="zwemles")
    lesson.image = Image.objects.create(title="Zwemles", file=_photo())
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.image_id, "the image did not stick"
    # Sign-ups and language buddies live in their own tables: they come back too.
    sign_up(lesson, SignupRequest("Ania", "email", "ania@example.org", "pl", 1, None))
    project = BuddyProject.objects.create(partner=Partner.objects.get(slug="ggd-regio"))
    buddy = {"language": "nl", "languages": ["nl"], "village": "ochten", "project": project}
    match = BuddyMatch.objects.create(
        request=BuddyRequest.objects.create(reference="REQ-B", name="Oleh", **buddy),
        offer=BuddyOffer.objects.create(reference="OFF-B", name="Henk", **buddy),
    )
    # A venue, and the activity held there.
    hall = Venue.objects.create(
        name="Zwembad De Golf", address="Badweg 1", village="ochten", partner=lesson.organiser
    )
    waterpolo = ActivityPage.objects.get(slug="waterpolo")
    waterpolo.venue = hall
    waterpolo.save_revision().publish()
    photo_bytes = (media / lesson.image.file.name).read_bytes()
    _link_a_calendar("zwemclub", lesson)
    calendar_rows = _calendar_rows(_database_url(connection.settings_dict["NAME"]))
    assert all(calendar_rows.values()), calendar_rows
    _translate_at_the_desk(GuidePage.objects.get(slug="huisarts"))
    PageFeedback.objects.create(
        page=GuidePage.objects.get(slug="huisarts"),
        language="bg",
        clear=False,
        reason="translation",
        given_on=date(2026, 11, 30),
    )
    _people_and_questions(Partner.objects.get(slug="ggd-regio"))
    GlossaryTerm.objects.create(
        slug="bsn",
        term_nl="BSN",
        term_pl="BSN",
        explanation_nl="Je nummer.",
        explanation_pl="Numer.",
    )
    MachineCharacters.objects.create(month=date(2026, 12, 1), characters=4321)
    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.order_by("pk").first(),
        machine_characters_per_month=2500,
        publish_machine_drafts_in=["pl"],
    )
    source_rows = _rows_per_table(_database_url(connection.settings_dict["NAME"]))
    empty = [table for table, rows in source_rows.items() if not rows]
    assert not empty, f"give these tables a row, so the test shows they come back: {empty}"
    published = _published_content()
    assert {"zwemles", "waterpolo", "prikcafe"} <= published["activity"]
    assert {"taalhuis", "loket"} <= published["policy_action"]

    backups = tmp_path / "backups"
    folder = Path(
        _run(
            "backup",
            str(backups),
            env={
                "DATABASE_URL": _database_url(connection.settings_dict["NAME"]),
                "MEDIA_ROOT": str(media),
            },
        ).strip()
    )
    assert sorted(p.name for p in folder.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]
    shutil.rmtree(media)  # the machine and its disk are gone

    restored_url = _database_url(empty_database)
    restored_media = tmp_path / "restored-media"
    _run(
        "restore",
        str(folder),
        env={
            "DATABASE_URL": restored_url,
            "MEDIA_ROOT": str(restored_media),
            "ELASTICSEARCH_URL": engine_url,
            "ELASTICSEARCH_INDEX_PREFIX": restored_prefix,
        },
    )

    restored, image_file = _restored_content(restored_url)
    with psycopg.connect(restored_url) as conn:
        feedback = conn.execute("SELECT language, reason FROM cms_pagefeedback").fetchall()
        # The response cache's content version comes back with the triggers that move it.
        (version,) = conn.execute("SELECT number FROM cms_contentversion WHERE id = 1").fetchone()
        triggers = conn.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'wegwijs_content_version'"
        ).fetchone()[0]
    assert feedback == [("bg", "translation")]
    assert version >= 1 and triggers > 20
    assert restored == published
    assert _calendar_rows(restored_url) == calendar_rows
    assert _rows_per_table(restored_url) == source_rows
    with psycopg.connect(restored_url) as conn:
        assert conn.execute("SELECT name, status FROM cms_signup").fetchall() == [
            ("Ania", "confirmed")
        ]
        assert conn.execute("SELECT count(*) FROM cms_signuplist").fetchone() == (1,)
        assert conn.execute("SELECT partner_id FROM cms_buddyproject").fetchone() == (
            project.partner_id,
        )
        assert conn.execute("SELECT reference FROM cms_buddyrequest").fetchall() == [("REQ-B",)]
        assert conn.execute("SELECT reference FROM cms_buddyoffer").fetchall() == [("OFF-B",)]
        assert conn.execute("SELECT id FROM cms_buddymatch").fetchall() == [(match.pk,)]
        assert conn.execute(
            "SELECT v.name, v.village FROM cms_activitypage a "
            "JOIN cms_venue v ON v.id = a.venue_id WHERE a.page_ptr_id = %s",
            [waterpolo.pk],
        ).fetchall() == [("Zwembad De Golf", "ochten")]
        assert conn.execute(
            "SELECT slug, term_nl, explanation_pl FROM cms_glossaryterm"
        ).fetchall() == [("bsn", "BSN", "Numer.")]
        assert conn.execute("SELECT scope, characters FROM cms_machinecharacters").fetchall() == [
            ("installation", 4321)
        ]
        assert conn.execute(
            "SELECT machine_characters_per_month, publish_machine_drafts_in::text "
            "FROM cms_municipaltranslationsettings"
        ).fetchall() == [(2500, '["pl"]')]
    assert (restored_media / image_file).read_bytes() == photo_bytes
    settings.ELASTICSEARCH_URL = engine_url
    assert _indexed_content(restored_prefix) == published
    settings.ELASTICSEARCH_INDEX_PREFIX = restored_prefix
    found = search(SearchRequest(q="zwemles moeders", language="nl"))
    assert found.backend == "elasticsearch"
    assert "zwemles" in [hit.slug for hit in found.results]


def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "database.dump").write_bytes(b"")
    (tmp_path / "backup" / "SHA256SUMS").write_text(
        subprocess.run(
            ["sha256sum", "database.dump"], cwd=tmp_path / "backup", capture_output=True, text=True
        ).stdout
    )
    done = subprocess.run(
        [str(SCRIPTS / "restore"), str(tmp_path / "backup")],
        env={
            **os.environ,
            "DATABASE_URL": _database_url(connection.settings_dict["NAME"]),
            "MEDIA_ROOT": str(tmp_path / "media"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "restore into an empty one" in done.stderr


def test_backup_keeps_the_newest_and_deletes_older_ones(db, tmp_path):
    backups = tmp_path / "backups"
    for stamp in ("20250101T020000Z", "20250102T020000Z", "20250103T020000Z"):
        (backups / f"wegwijs-{stamp}").mkdir(parents=True)
    (backups / "notes.txt").write_text("not a backup: left alone")

    newest = _run(
        "backup",
        str(backups),
        env={
            "DATABASE_URL": _database_url(connection.settings_dict["NAME"]),
            "MEDIA_ROOT": str(tmp_path / "no-media-yet"),
            "BACKUP_KEEP": "2",
        },
    ).strip()

    assert sorted(p.name for p in backups.iterdir()) == [
        "notes.txt",
        "wegwijs-20250103T020000Z",
        Path(newest).name,
    ]
