"""An XLIFF file is read without its entities: no local file and no entity bomb gets in.

A translation agency's file is XML from outside. An external entity
(``<!ENTITY x SYSTEM "file:///...">``) would copy a file of the server into a
page, and nested entities ("billion laughs") would take the memory (OWASP
ASVS 5.5.2). Both our first look at the file and translate-toolkit's reader
parse with entities left unresolved; this holds them to it.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from translate.storage import xliff as xliff1

from cms.models import GuidePage
from cms.translation.exchange.xliff import unit_id
from tests import factories

SECRET = "GEHEIM-UIT-HET-BESTANDSSYSTEEM"
MARK = "VERTALING-HIER"


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[factories.guide("ggd", slug="huisarts", title={"nl": "De huisarts"})],
    )
    return GuidePage.objects.get(slug="huisarts")


def agency_file(tmp_path: Path, doctype: str, target: str) -> Path:
    """Our own export into Romanian, its title translated as ``target`` under ``doctype``."""
    path = tmp_path / "agency.xlf"
    call_command("translations", "export", "--language", "ro", str(path), stdout=StringIO())
    store = xliff1.xlifffile.parsefile(str(path))
    for unit in store.units:
        if unit_id(unit) == "guide/huisarts/title":
            unit.target = MARK
    store.savefile(str(path))
    text = path.read_text()
    declaration, _, rest = text.partition("\n")
    path.write_text(f"{declaration}\n{doctype}\n{rest.replace(MARK, target)}")
    return path


def title_after_import(path: Path) -> str:
    """The Romanian title once the file is imported ("" when the file is refused)."""
    try:
        call_command("translations", "import", str(path), stdout=StringIO())
    except CommandError:
        return ""
    return GuidePage.objects.get(slug="huisarts").title_ro or ""


def test_the_file_without_entities_comes_in(guide, tmp_path):
    """The probe itself: the same file, plain, is imported, so the refusals below mean something."""
    assert title_after_import(agency_file(tmp_path, "", "Medicul de familie")) == (
        "Medicul de familie"
    )


def test_an_external_entity_does_not_bring_a_server_file_into_a_page(guide, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doctype = f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    assert SECRET not in title_after_import(agency_file(tmp_path, doctype, "Medicul &xxe;"))


def test_nested_entities_are_not_expanded(guide, tmp_path):
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    doctype = f"<!DOCTYPE xliff [{''.join(levels)}]>"
    assert len(title_after_import(agency_file(tmp_path, doctype, "&lol9;"))) < 1000
