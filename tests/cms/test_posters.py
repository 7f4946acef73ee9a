"""Posters (A4) and flyers (A6): read back from the PDF, and the QR code decoded.

The PDF's text comes back through poppler's ``pdftotext`` (each language's own
letters: Cyrillic, ő ű ą ę ș ț ė ū ļ ž ...), and the QR code is read by
``zbarimg`` from a page image that ``pdftoppm`` draws: it must hold the short
link.
"""

from __future__ import annotations

import subprocess

import pytest

from cms.public_urls import absolute_public_url
from tests import factories
from tests.poster_worker import own_media, printed  # noqa: F401 (a fixture)
from tests.survey_factories import survey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_media")]

# A title per language that only reads right when its own letters survive.
TITLES = {
    "nl": "Taalcafé in Ochten",
    "en": "Language café",
    "pl": "Kawiarenka językowa: ą ę ł ż",
    "ro": "Cafenea lingvistică: ș ț ă î",
    "bg": "Езиково кафе в Охтен",
    "hu": "Nyelvi kávézó: ő ű",
    "lt": "Kalbų kavinė: ė ū į",
    "lv": "Valodu kafejnīca: ļ ž ņ",
    "sk": "Jazyková kaviareň: ľ ô",
    "cs": "Jazyková kavárna: ř ů",
    "pt": "Café de línguas: ção",
    "es": "Café de idiomas: ñ",
    "uk": "Мовне кафе: ї є ґ",
}
# "When" in the site's own catalogs: the labels are translated too.
WHEN = {"pl": "Kiedy", "bg": "Кога", "uk": "Коли"}


@pytest.fixture
def activity(db):
    factories.load(
        partners=[factories.partner(slug="bieb", name="Bibliotheek", phone="0488 123456")],
        activities=[
            factories.activity(
                "bieb",
                slug="taalcafe",
                title=TITLES,
                starts_at="2030-01-08T19:00:00+01:00",
                ends_at="2030-01-08T20:30:00+01:00",
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                cost={"free": False, "amount": "2.50"},
            )
        ],
        guides=[
            factories.guide(
                "bieb", slug="huisarts", title={"nl": "De huisarts", "uk": "Сімейний лікар"}
            )
        ],
    )
    return "taalcafe"


def pdf_text(pdf: bytes) -> str:
    """The text without whitespace: a column wraps its lines where it likes."""
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return "".join(done.stdout.decode().split())


def has(text: str, wanted: str) -> bool:
    return "".join(wanted.split()) in text


def qr_codes(pdf: bytes, tmp_path) -> list[str]:
    (tmp_path / "poster.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "poster.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    (image,) = tmp_path.glob("page*.png")
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    )
    return done.stdout.split()


def page_size(pdf: bytes) -> tuple[int, int]:
    """Width and height in millimetres."""
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    lines = done.stdout.decode().splitlines()
    words = next(line for line in lines if line.startswith("Page size")).split()
    return round(float(words[2]) * 25.4 / 72), round(float(words[4]) * 25.4 / 72)


def test_three_languages_side_by_side_with_their_own_letters(client, activity, tmp_path):
    answer = printed(client, f"/posters/activity/{activity}.pdf?languages=pl,bg,uk&size=a4")

    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = pdf_text(answer.content)
    for code in ("pl", "bg", "uk"):
        assert has(text, TITLES[code])
        assert has(text, WHEN[code])
    assert not has(text, "Taalcafé in Ochten")  # only the languages asked for
    assert has(text, "2,50") and has(text, "0488 123456")
    assert page_size(answer.content) == (210, 297)
    assert qr_codes(answer.content, tmp_path) == [absolute_public_url(f"/activiteiten/{activity}/")]


@pytest.mark.parametrize(
    "group",
    [["nl", "en", "pl"], ["ro", "bg", "hu"], ["lt", "lv", "sk"], ["cs", "pt", "es"], ["uk"]],
)
def test_every_language_renders_its_own_characters(client, activity, group):
    answer = printed(client, f"/posters/activity/{activity}.pdf?languages={','.join(group)}")
    text = pdf_text(answer.content)
    for code in group:
        assert has(text, TITLES[code]), code


def test_a_flyer_is_a6_and_its_code_still_scans(client, activity, tmp_path):
    answer = printed(client, f"/posters/activity/{activity}.pdf?languages=hu&size=a6")
    assert page_size(answer.content) == (105, 148)
    assert has(pdf_text(answer.content), TITLES["hu"])
    assert qr_codes(answer.content, tmp_path) == [absolute_public_url(f"/activiteiten/{activity}/")]


def test_guides_surveys_and_the_contact_point_have_posters(client, activity, tmp_path):
    guide = printed(client, "/posters/guide/huisarts.pdf?languages=uk,nl")
    assert has(pdf_text(guide.content), "Сімейний лікар") and has(
        pdf_text(guide.content), "De huisarts"
    )
    assert qr_codes(guide.content, tmp_path) == [absolute_public_url("/wegwijzers/huisarts/")]
    survey(slug="werk")
    poll = printed(client, "/posters/survey/werk.pdf?languages=pl")
    assert has(pdf_text(poll.content), "Praca i mieszkanie")
    assert qr_codes(poll.content, tmp_path) == [absolute_public_url("/s/werk")]
    contact = printed(client, "/posters/contact-point.pdf?languages=pl,ro")
    assert contact.status_code == 200
    assert has(pdf_text(contact.content), absolute_public_url("/vraag/"))
    assert qr_codes(contact.content, tmp_path) == [absolute_public_url("/vraag/")]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("languages=pl,bg,uk,ro", "languages"),
        ("languages=xx", "languages"),
        ("languages=", "languages"),
        ("languages=pl&size=a3", "size"),
    ],
)
def test_bad_parameters_are_refused_naming_the_field(client, activity, query, field):
    answer = client.get(f"/posters/activity/{activity}.pdf?{query}")
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == field


def test_unpublished_or_unknown_objects_have_no_poster(client, activity):
    from cms.models import ActivityPage

    ActivityPage.objects.get(slug=activity).unpublish()
    assert client.get(f"/posters/activity/{activity}.pdf").status_code == 404
    assert client.get("/posters/guide/nobody.pdf").status_code == 404
    survey(slug="dicht", is_open=False)
    assert client.get("/posters/survey/dicht.pdf").status_code == 404


def test_the_site_links_the_poster_in_the_visitors_language(client, activity):
    page = client.get(f"/pl/activiteiten/{activity}/").content.decode()
    assert f'href="/posters/activity/{activity}.pdf?languages=pl&amp;size=a4"' in page
    assert "Wydrukuj plakat" in page and "Wydrukuj ulotkę" in page
    guide = client.get("/uk/wegwijzers/huisarts/").content.decode()
    assert 'href="/posters/guide/huisarts.pdf?languages=uk&amp;size=a6"' in guide
    survey(slug="werk")
    poll = client.get("/ro/enquete/werk/").content.decode()
    assert 'href="/posters/survey/werk.pdf?languages=ro&amp;size=a4"' in poll
    ask = client.get("/bg/vraag/").content.decode()
    assert 'href="/posters/contact-point.pdf?languages=bg&amp;size=a6"' in ask


def test_the_admin_offers_poster_and_flyer_on_a_live_page(client, activity, django_user_model):
    from cms.models import ActivityPage

    client.force_login(django_user_model.objects.create_superuser("coord", "c@example.org", "x"))
    page = ActivityPage.objects.get(slug=activity)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/posters/activity/{activity}.pdf?languages=nl&amp;size=a4" in edit
    assert f"/posters/activity/{activity}.pdf?languages=nl&amp;size=a6" in edit


def test_the_admin_prints_in_the_languages_the_editor_chooses(client, activity, tmp_path):
    """No link to edit by hand: the editor ticks Polish and Romanian, a flyer, and gets
    the PDF with both side by side; four languages are refused in plain words."""
    from cms.models import ActivityPage
    from tests.cms.conftest import make_member

    client.force_login(make_member("editor", "bieb"))
    page = ActivityPage.objects.get(slug=activity)
    choice = f"/admin/posters/activity/{activity}/"
    assert choice in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    form = client.get(choice).content.decode()
    assert 'type="checkbox" name="languages" value="bg"' in form

    too_many = client.get(choice, {"languages": ["pl", "ro", "bg", "uk"], "size": "a4"})
    assert too_many.status_code == 200
    assert "Kies één tot drie talen." in too_many.content.decode()

    chosen = client.get(choice, {"languages": ["ro", "pl"], "size": "a6"})
    assert chosen.status_code == 302
    assert chosen["Location"] == f"/posters/activity/{activity}.pdf?languages=pl,ro&size=a6"
    text = pdf_text(printed(client, chosen["Location"]).content)
    assert has(text, TITLES["pl"]) and has(text, TITLES["ro"])
    assert page_size(printed(client, chosen["Location"]).content) == page_size(
        printed(client, f"/posters/activity/{activity}.pdf?languages=hu&size=a6").content
    )


def test_the_dates_are_written_as_each_language_writes_them(client, activity):
    # The first three Tuesdays from 8 January 2030, at 19:00.
    answer = printed(client, f"/posters/activity/{activity}.pdf?languages=pl,hu&size=a4")
    text = pdf_text(answer.content)
    assert has(text, "wtorek, 8 stycznia, 19:00; wtorek, 15 stycznia, 19:00"), text
    assert has(text, "január 8., kedd, 19:00"), text
    assert not has(text, "Styczeń") and not has(text, "Wtorek")
