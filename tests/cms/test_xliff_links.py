"""Links in rich text survive an agency's round trip: export, translate, import.

The export writes a body block as Wagtail stores it: links to the web as
``<a href>``, links to a page of the site as ``<a linktype="page" id>``. An
agency's CAT tool gives them back as they were, or as the site renders them
(``rel="noopener"``). Both come in, stored as Wagtail keeps them; a link that is
unsafe or points nowhere is still refused, naming its segment. Files are
written and read with translate-toolkit, as a CAT tool would.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from translate.storage import xliff as xliff1
from translate.storage import xliff2
from wagtail.rich_text import RichText

from cms.models import GuidePage
from cms.safe_html import rich_text_html
from cms.translation.exchange.xliff import unit_id
from tests import factories

WEB = "https://www.thuisarts.nl/huisarts?taal=nl&amp;x=1"


@pytest.fixture
def guide(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide("ggd", slug="huisarts", title={"nl": "De huisarts"}),
            factories.guide("ggd", slug="zorgtoeslag", title={"nl": "Zorgtoeslag"}),
        ],
    )
    other = GuidePage.objects.get(slug="zorgtoeslag")
    page = GuidePage.objects.get(slug="huisarts")
    page.body_nl = [
        (
            "text",
            RichText(
                f'<p>Lees <a href="{WEB}">Thuisarts</a> en '
                f'<a linktype="page" id="{other.pk}">zorgtoeslag</a>.</p>'
            ),
        )
    ]
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)


def block_segment(page: GuidePage) -> str:
    return f"guide/huisarts/body/{page.body_nl[0].id}"


def translate(tmp_path: Path, page: GuidePage, target: str, version: str = "1.2") -> Path:
    """Export Polish, put ``target`` into the body block's unit with translate-toolkit."""
    path = tmp_path / "pl.xlf"
    call_command(
        "translations",
        "export",
        "--language",
        "pl",
        "--xliff-version",
        version,
        str(path),
        stdout=StringIO(),
    )
    reader = xliff2.Xliff2File if version == "2.0" else xliff1.xlifffile
    store = reader.parsefile(str(path))
    found = False
    for unit in store.units:
        if unit_id(unit) == block_segment(page):
            unit.target = target.replace("SOURCE_PAGE", str(page_link_id(page)))
            found = True
    assert found
    store.savefile(str(path))
    return path


def page_link_id(page: GuidePage) -> int:
    return GuidePage.objects.get(slug="zorgtoeslag").pk


def polish(page_link: int) -> str:
    return (
        f'<p>Przeczytaj <a href="{WEB}">Thuisarts</a> i '
        f'<a linktype="page" id="{page_link}">zasiłek</a>.</p>'
    )


def test_the_export_writes_links_as_wagtail_stores_them(guide, tmp_path):
    path = translate(tmp_path, guide, "")
    source = {unit_id(u): u.source for u in xliff1.xlifffile.parsefile(str(path)).units}
    assert (
        f'<a linktype="page" id="{page_link_id(guide)}">zorgtoeslag</a>'
        in (source[block_segment(guide)])
    )


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_links_as_exported_come_back_unchanged(guide, tmp_path, version):
    target = polish(page_link_id(guide))
    call_command("translations", "import", str(translate(tmp_path, guide, target, version)))
    page = GuidePage.objects.get(pk=guide.pk)
    assert page.body_pl[0].value.source == target
    shown = rich_text_html(page.body_pl[0].value.source)
    assert GuidePage.objects.get(slug="zorgtoeslag").url in shown  # the page link works
    assert "https://www.thuisarts.nl/huisarts?taal=nl&amp;x=1" in shown


def test_links_as_the_site_renders_them_are_stored_as_wagtail_keeps_them(guide, tmp_path):
    rendered = (
        f'<p>Przeczytaj <a href="{WEB}" rel="noopener">Thuisarts</a> i '
        f'<a linktype="page" id="{page_link_id(guide)}" rel="noopener noreferrer" '
        'target="_blank">zasiłek</a>.</p>'
    )
    call_command("translations", "import", str(translate(tmp_path, guide, rendered)))
    page = GuidePage.objects.get(pk=guide.pk)
    assert page.body_pl[0].value.source == polish(page_link_id(guide))


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ('<p>Zobacz <a href="javascript:alert(1)">tu</a></p>', "markup the sanitiser"),
        ('<p>Zobacz <a href="https://x.pl" onclick="x()">tu</a></p>', "markup the sanitiser"),
        ("<p>Tekst</p><script>x()</script>", "markup the sanitiser"),
        ('<p>Zobacz <a href="https://x.pl">tu</p>', "broken markup"),
        (
            '<p>Zobacz <a linktype="page" id="987654">tu</a></p>',
            "a link to page 987654, which does not exist",
        ),
        (
            '<p>Zobacz <a linktype="document" id="1">tu</a></p>',
            "a link with linktype='document' is not a link to a page",
        ),
    ],
)
def test_unsafe_or_broken_links_are_still_refused_by_segment(guide, tmp_path, target, problem):
    with pytest.raises(CommandError) as refused:
        call_command("translations", "import", str(translate(tmp_path, guide, target)))
    assert f"{block_segment(guide)}: {problem}" in str(refused.value)
    assert not GuidePage.objects.get(pk=guide.pk).body_pl
