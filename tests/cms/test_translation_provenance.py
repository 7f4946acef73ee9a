"""Every translated text knows its origin, its author, and the Dutch version it translates."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.importing import ImportFailed
from cms.models import GuidePage, Partner
from cms.translation import provenance
from cms.translation.provenance import Origin, State, saving_as
from cms.translation.records import SourceText, TranslationRecord
from tests import factories


@pytest.fixture
def guide(db):
    partner = factories.partner()
    record = factories.guide(
        partner["slug"],
        title={"nl": "De huisarts", "pl": "Lekarz rodzinny", "ro": "Medicul de familie"},
        summary={"nl": "Zo werkt het.", "pl": "Jak to działa.", "ro": "Cum funcționează."},
        translation_sources={"pl": "machine", "ro": "agency"},
    )
    factories.load(partners=[partner], guides=[record])
    return record


def page(record):
    return GuidePage.objects.get(slug=record["slug"])


def entry(obj, field, language):
    return TranslationRecord.objects.get(
        object_id=obj.pk, field=field, language=language, content_type__model="guidepage"
    )


def test_import_records_the_origin_per_language(guide):
    obj = page(guide)
    assert entry(obj, "summary", "pl").origin == Origin.MACHINE
    assert entry(obj, "summary", "ro").origin == Origin.AGENCY
    assert entry(obj, "summary", "nl").origin == Origin.HUMAN
    assert not entry(obj, "summary", "pl").reviewed
    assert entry(obj, "summary", "pl").source_version == provenance.source_version(obj, "summary")
    assert not TranslationRecord.objects.filter(
        object_id=obj.pk, language="bg", content_type__model="guidepage"
    ).exists()


def test_machine_translated_is_judged_in_the_language_shown(guide):
    obj = page(guide)
    assert provenance.machine_translated(obj, "pl")
    assert not provenance.machine_translated(obj, "ro")
    # Bulgarian readers see Dutch (fallback), written by a person.
    assert not provenance.machine_translated(obj, "bg")


def test_review_clears_the_machine_label_and_survives_a_resave(guide):
    obj = page(guide)
    reviewer = get_user_model().objects.create_user("anna", password="x")
    for field in ("title", "summary"):
        provenance.review(obj, field, "pl", reviewer)
    assert not provenance.machine_translated(obj, "pl")
    obj.save_revision().publish()
    assert entry(obj, "summary", "pl").reviewed
    assert entry(obj, "summary", "pl").reviewed_by == reviewer


def test_changing_the_dutch_source_makes_only_that_field_outdated(guide):
    factories.load(guides=[{**guide, "summary": {**guide["summary"], "nl": "Zo werkt het nu."}}])
    obj = page(guide)
    assert provenance.state(obj, "summary", "pl") == State.OUTDATED
    assert provenance.state(obj, "title", "pl") == State.CURRENT
    assert provenance.state(obj, "summary", "bg") == State.MISSING
    # The old Dutch text is kept for the translator's diff.
    old = entry(obj, "summary", "pl").source_version
    assert provenance.source_at(obj, "summary", old) == "Zo werkt het."
    assert SourceText.objects.filter(object_id=obj.pk, field="summary").count() == 2


def test_resaving_an_unchanged_source_keeps_translations_current_and_reviewed(guide):
    obj = page(guide)
    provenance.review(obj, "summary", "pl", get_user_model().objects.create_user("b"))
    factories.load(guides=[guide])
    obj = page(guide)
    obj.save_revision().publish()
    assert provenance.state(obj, "summary", "pl") == State.CURRENT
    assert entry(obj, "summary", "pl").reviewed


def test_a_new_translation_records_the_person_and_current_source(guide):
    user = get_user_model().objects.create_user("piotr")
    obj = page(guide)
    obj.summary_pl = "Jak to działa teraz."
    with saving_as(Origin.HUMAN, user):
        obj.save_revision().publish()
    record = entry(obj, "summary", "pl")
    assert (record.origin, record.saved_by, record.reviewed) == (Origin.HUMAN, user, False)
    assert entry(obj, "summary", "ro").origin == Origin.AGENCY  # untouched


def test_an_emptied_translation_loses_its_record(guide):
    obj = page(guide)
    obj.summary_ro = ""
    obj.save_revision().publish()
    assert not TranslationRecord.objects.filter(
        object_id=obj.pk, field="summary", language="ro", content_type__model="guidepage"
    ).exists()


def test_snippets_are_recorded_too(db):
    record = factories.partner(
        description={"nl": "Een club.", "pl": "Klub."}, translation_sources={"pl": "machine"}
    )
    factories.load(partners=[record])
    partner = Partner.objects.get(slug=record["slug"])
    assert provenance.machine_translated(partner, "pl")
    provenance.record(partner, "description", "pl", Origin.HUMAN)
    assert not provenance.machine_translated(partner, "pl")


@pytest.mark.parametrize(
    ("sources", "field"),
    [
        ({"xx": "machine"}, "translation_sources.xx"),
        ({"pl": "robot"}, "translation_sources.pl"),
        (["pl"], "translation_sources"),
    ],
)
def test_bad_translation_sources_are_named_and_change_nothing(db, sources, field):
    record = factories.partner(translation_sources=sources)
    records_before = TranslationRecord.objects.count()
    with pytest.raises(ImportFailed) as failure:
        factories.load(partners=[record])
    assert [problem.field for problem in failure.value.problems] == [field]
    assert not Partner.objects.filter(slug=record["slug"]).exists()
    assert TranslationRecord.objects.count() == records_before


def test_bookkeeping_saves_record_nothing_and_read_nothing(guide):
    obj = page(guide)
    before = list(TranslationRecord.objects.values_list("pk", "saved_at"))
    with CaptureQueriesContext(connection) as queries:
        obj.save(update_fields=["has_unpublished_changes"])
    assert not [q for q in queries if "cms_translationrecord" in q["sql"]]
    assert not [q for q in queries if "cms_sourcetext" in q["sql"]]
    assert list(TranslationRecord.objects.values_list("pk", "saved_at")) == before
