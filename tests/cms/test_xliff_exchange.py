"""manage.py translations export/import: XLIFF 1.2 and 2.0, read and written with translate-toolkit.

The files are checked with translate-toolkit's own readers (not only with ours),
and an agency's answer is written with its writers, as a CAT tool would.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from translate.storage import xliff as xliff1
from translate.storage import xliff2

from cms.models import GlossaryTerm, GuidePage, PolicyAction
from cms.translation.exchange.xliff import unit_id
from cms.translation.provenance import Origin, source_version
from cms.translation.records import TranslationRecord
from tests import factories


@pytest.fixture
def content(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd"), factories.partner(slug="club")],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts", "en": "The GP"},
                summary={"nl": "Zo werkt de huisarts.", "pl": "Tak działa lekarz."},
                body={"nl": "Bel eerst de praktijk.\n\nNeem je pas mee."},
            ),
            factories.guide("club", slug="sport", title={"nl": "Sporten"}),
        ],
        policy_actions=[factories.policy_action(slug="taalhuis", responsible=["ggd"])],
    )
    GlossaryTerm.objects.create(slug="bsn", term_nl="BSN", explanation_nl="Je nummer.")
    return GuidePage.objects.get(slug="huisarts")


def export(tmp_path: Path, *args: str, name: str = "out.xlf") -> Path:
    path = tmp_path / name
    call_command("translations", "export", *args, str(path), stdout=StringIO())
    return path


def units(path: Path) -> dict:
    store = xliff1.xlifffile.parsefile(str(path))
    return {unit_id(unit): unit for unit in store.units}


def body_block_id(page: GuidePage) -> str:
    return f"guide/huisarts/body/{page.body_nl[0].id}"


def test_export_is_xliff_1_2_with_one_unit_per_text_and_stable_ids(content, tmp_path):
    path = export(tmp_path, "--language", "pl", "--partner", "ggd")
    text = path.read_text(encoding="utf-8")
    assert 'version="1.2"' in text and "urn:oasis:names:tc:xliff:document:1.2" in text
    store = xliff1.xlifffile.parsefile(str(path))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("nl", "pl")
    found = units(path)
    assert set(found) == {
        "guide/huisarts/title",
        "guide/huisarts/summary",
        body_block_id(content),
        "action/taalhuis/title",
        "action/taalhuis/description",
        "partner/ggd/description",
    }  # the partner's own texts only: no "sport" guide, no glossary
    assert found["guide/huisarts/summary"].target == "Tak działa lekarz."
    assert (
        found[body_block_id(content)].source
        == "<p>Bel eerst de praktijk.</p><p>Neem je pas mee.</p>"
    )
    assert (
        export(tmp_path, "--language", "pl", "--partner", "ggd", name="again.xlf").read_bytes()
        == path.read_bytes()
    )


def test_only_missing_leaves_out_what_is_translated(content, tmp_path):
    found = units(export(tmp_path, "--language", "pl", "--only", "missing"))
    assert "guide/huisarts/summary" not in found
    assert {"guide/huisarts/title", "glossary/bsn/term", "guide/sport/title"} <= set(found)


def test_an_agency_s_file_comes_back_in_with_markup_intact(content, tmp_path):
    path = export(tmp_path, "--language", "ro", "--partner", "ggd")
    store = xliff1.xlifffile.parsefile(str(path))
    translated = {
        "guide/huisarts/title": "Medicul de familie",
        "guide/huisarts/summary": "Așa funcționează medicul de familie.",
        body_block_id(content): "<p>Sună mai întâi la cabinet.</p><p>Ia-ți <b>cardul</b>.</p>",
    }
    for unit in store.units:
        if unit_id(unit) in translated:
            unit.target = translated[unit_id(unit)]
    store.savefile(str(path))

    out = StringIO()
    call_command("translations", "import", str(path), stdout=out)
    assert "3 translations into ro applied to 1 objects" in out.getvalue()
    page = GuidePage.objects.get(slug="huisarts")
    assert (page.title_ro, page.summary_ro) == (
        "Medicul de familie",
        translated["guide/huisarts/summary"],
    )
    assert page.body_ro[0].value.source == translated[body_block_id(content)]
    assert page.body_ro[0].id == content.body_nl[0].id
    assert not page.has_unpublished_changes  # published, with a revision in the history


def test_xliff_2_round_trip(content, tmp_path):
    path = export(tmp_path, "--language", "bg", "--xliff-version", "2.0")
    store = xliff2.Xliff2File.parsefile(str(path))
    assert store.gettargetlanguage() == "bg"
    for unit in store.units:
        if unit_id(unit) == "action/taalhuis/title":
            unit.target = "Езиков дом"
    store.savefile(str(path))
    call_command("translations", "import", str(path), stdout=StringIO())
    assert PolicyAction.objects.get(slug="taalhuis").title_bg == "Езиков дом"


@pytest.mark.parametrize(
    ("segment", "target", "problem"),
    [
        ("guide/nergens/title", "X", "guide/nergens/title: unknown segment"),
        ("guide/huisarts/colour", "X", "guide/huisarts/colour: unknown segment"),
        ("BODY", "<p>Otwarte <b>pogrubienie</p>", "BODY: broken markup"),
        (
            "BODY",
            '<p>Zobacz <a href="javascript:alert(1)">tu</a></p>',
            "BODY: markup the sanitiser",
        ),
        ("BODY", "<p>Tekst</p><script>x()</script>", "BODY: markup the sanitiser"),
        ("guide/huisarts/title", "<b>Lekarz</b>", "guide/huisarts/title: markup in a plain-text"),
    ],
)
def test_a_bad_unit_refuses_the_whole_file_naming_its_segment(
    content, tmp_path, segment, target, problem
):
    segment = body_block_id(content) if segment == "BODY" else segment
    problem = problem.replace("BODY", body_block_id(content))
    path = export(tmp_path, "--language", "pl", "--partner", "ggd")
    store = xliff1.xlifffile.parsefile(str(path))
    exported = {unit_id(unit) for unit in store.units}
    for unit in store.units:
        if unit_id(unit) == "guide/huisarts/summary":
            unit.target = "Nowe podsumowanie"  # a good unit: it must not be applied either
        elif unit_id(unit) == "action/taalhuis/title" and segment not in exported:
            unit.setid(segment)  # an id the database does not know
            unit.target = target
        elif unit_id(unit) == segment:
            unit.target = target
    store.savefile(str(path))
    with pytest.raises(CommandError) as refused:
        call_command("translations", "import", str(path), stdout=StringIO())
    assert problem in str(refused.value)
    page = GuidePage.objects.get(slug="huisarts")
    assert page.summary_pl == "Tak działa lekarz." and not page.title_pl


def test_a_source_changed_since_the_export_is_refused_not_applied(content, tmp_path):
    path = export(tmp_path, "--language", "pl", "--partner", "ggd")
    store = xliff1.xlifffile.parsefile(str(path))
    for unit in store.units:
        if unit_id(unit) == "guide/huisarts/title":
            unit.target = "Lekarz rodzinny"
    store.savefile(str(path))
    page = GuidePage.objects.get(slug="huisarts")
    page.title_nl = "De huisarts en de apotheek"
    page.save_revision().publish()
    with pytest.raises(CommandError, match=r"guide/huisarts/title: the Dutch source changed"):
        call_command("translations", "import", str(path), stdout=StringIO())
    assert not GuidePage.objects.get(slug="huisarts").title_pl


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--language", "xx"], "--language"),
        (["--language", "nl"], "--language"),
        (["--language", "pl", "--partner", "niemand"], "--partner"),
        (["--language", "pl", "--only", "old"], "--only"),
    ],
)
def test_bad_export_options_name_the_option(content, tmp_path, args, field):
    with pytest.raises(CommandError, match=field):
        export(tmp_path, *args)
    assert not (tmp_path / "out.xlf").exists()


def test_a_file_that_is_not_xliff_is_refused(content, tmp_path):
    path = tmp_path / "x.xlf"
    path.write_text("<html><body>nee</body></html>")
    with pytest.raises(CommandError, match="file: not an XLIFF file"):
        call_command("translations", "import", str(path), stdout=StringIO())


def test_imported_texts_are_recorded_as_the_agency_s(content, tmp_path):
    path = export(tmp_path, "--language", "hu", "--partner", "ggd")
    store = xliff1.xlifffile.parsefile(str(path))
    for unit in store.units:
        if unit_id(unit) == "action/taalhuis/title":
            unit.target = "Nyelvi ház"
    store.savefile(str(path))
    call_command("translations", "import", str(path), stdout=StringIO())
    action = PolicyAction.objects.get(slug="taalhuis")
    entry = TranslationRecord.objects.get(object_id=action.pk, field="title", language="hu")
    assert (entry.origin, entry.reviewed) == (Origin.AGENCY, False)
    assert entry.source_version == source_version(action, "title")


def test_only_outdated_sends_the_texts_whose_dutch_changed(content, tmp_path):
    page = GuidePage.objects.get(slug="huisarts")
    assert "guide/huisarts/summary" not in units(
        export(tmp_path, "--language", "pl", "--only", "outdated", name="before.xlf")
    )
    page.summary_nl = "Zo werkt de huisarts, en zo de apotheek."
    page.save_revision().publish()
    found = units(export(tmp_path, "--language", "pl", "--only", "outdated"))
    assert set(found) == {"guide/huisarts/summary"}  # the title was never translated
    assert found["guide/huisarts/summary"].source == "Zo werkt de huisarts, en zo de apotheek."
    assert found["guide/huisarts/summary"].target == "Tak działa lekarz."
