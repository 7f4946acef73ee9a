"""Posters per municipality: the name, colour and logo of the one the item is shown for,
and a QR code that opens that municipality's own site.

Two municipalities (Neder-Betuwe, and Tiel in its red ``#a01c2c``) share the
GGD's consultation; Tiel has an activity, a survey and a plan of its own. Each
PDF is read back (``pdftotext``), its page drawn (``pdftoppm``) to decode the QR
code (``zbarimg``) and to read the header's colour, and its images listed
(``pdfimages``): the logo is the only picture on a poster.
"""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms.models import ActivityPage, Municipality, Survey
from tests import factories, survey_factories
from tests.cms.test_posters import has, pdf_text, qr_codes
from tests.poster_worker import own_media, printed  # noqa: F401 (a fixture)
from tests.region_factories import IN_OCHTEN, IN_TIEL, region

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_media")]

NB_HOST = "neder-betuwe.localhost"
TIEL_HOST = "tiel.localhost"
TIEL_RED = (0xA0, 0x1C, 0x2C)
NB_GREEN = (0x1F, 0x7A, 0x3A)


@pytest.fixture
def two(db):
    region(
        activities=[
            factories.activity(
                "ggd",
                slug="spreekuur",
                title={"nl": "Spreekuur GGD", "pl": "Konsultacje GGD"},
                municipalities=["neder-betuwe", "tiel"],
                starts_at="2030-01-08T19:00:00+01:00",
                ends_at="2030-01-08T20:30:00+01:00",
            ),
            factories.activity(
                "club-tiel",
                slug="rugby",
                title={"nl": "Rugby in Tiel"},
                location=IN_TIEL,
                starts_at="2030-01-09T19:00:00+01:00",
                ends_at=None,
            ),
            factories.activity(
                "club-ochten",
                slug="voetbal",
                location=IN_OCHTEN,
                starts_at="2030-01-09T19:00:00+01:00",
                ends_at=None,
            ),
        ],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts", "pl": "Lekarz rodzinny"},
                municipalities=["neder-betuwe", "tiel"],
            )
        ],
        policy_actions=[
            factories.policy_action(slug="tiel-actie", municipality="tiel"),
            factories.policy_action(slug="nb-actie", municipality="neder-betuwe"),
        ],
    )
    survey_factories.survey("tiel-enquete", municipality=Municipality.objects.get(slug="tiel"))


@pytest.fixture(autouse=True)
def folders(tmp_path):
    for name in ("tiel", "nb", "survey", "logo"):
        (tmp_path / name).mkdir()


def at(host: str) -> Client:
    return Client(HTTP_HOST=host)


def poster(host: str, path: str) -> bytes:
    answer = printed(at(host), path)
    assert answer.status_code == 200, answer.content[:300]
    assert answer["Content-Type"] == "application/pdf"
    return answer.content


def header_colour(pdf: bytes, tmp_path) -> tuple[int, int, int]:
    """The colour of the header band, right of where a logo would sit."""
    (tmp_path / "colour.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "colour.pdf", "colour"],
        cwd=tmp_path,
        check=True,
    )
    (image,) = tmp_path.glob("colour*.png")
    with PillowImage.open(image) as page:
        # A4 at 50 dpi is 413 x 585 px; the band runs from the 14 mm margin (28 px) for
        # about 40 px, the municipality's name at its left.
        return page.convert("RGB").getpixel((360, 40))


def images_in(pdf: bytes, tmp_path) -> int:
    """How many pictures the PDF holds (``pdfimages -list``: two header lines, one per image)."""
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True)
    return len(done.stdout.decode().splitlines()[2:])


def test_the_site_prints_the_hosts_municipality_and_its_address(two, tmp_path):
    tiel = poster(TIEL_HOST, "/posters/activity/spreekuur.pdf?languages=pl")
    text = pdf_text(tiel)
    assert has(text, "Tiel") and not has(text, "Neder-Betuwe")
    assert has(text, "Konsultacje GGD")
    assert qr_codes(tiel, tmp_path / "tiel") == ["http://tiel.localhost/activiteiten/spreekuur/"]
    assert header_colour(tiel, tmp_path / "tiel") == TIEL_RED

    ours = poster(NB_HOST, "/posters/activity/spreekuur.pdf?languages=pl")
    assert has(pdf_text(ours), "Neder-Betuwe") and not has(pdf_text(ours), "Tiel")
    assert qr_codes(ours, tmp_path / "nb") == [
        "http://neder-betuwe.localhost/activiteiten/spreekuur/"
    ]
    assert header_colour(ours, tmp_path / "nb") == NB_GREEN


def test_an_item_reached_through_another_host_speaks_for_where_it_is_shown(two, tmp_path):
    pdf = poster(NB_HOST, "/posters/activity/rugby.pdf?languages=nl")  # Tiel's only
    assert has(pdf_text(pdf), "Tiel") and not has(pdf_text(pdf), "Neder-Betuwe")
    assert qr_codes(pdf, tmp_path / "tiel") == ["http://tiel.localhost/activiteiten/rugby/"]
    survey = poster(NB_HOST, "/posters/survey/tiel-enquete.pdf?languages=pl")
    assert has(pdf_text(survey), "Tiel")
    assert qr_codes(survey, tmp_path / "survey") == ["http://tiel.localhost/s/tiel-enquete"]


def test_the_admin_names_the_municipality(two, tmp_path):
    pdf = poster(NB_HOST, "/posters/activity/spreekuur.pdf?languages=nl&municipality=tiel")
    assert has(pdf_text(pdf), "Tiel") and not has(pdf_text(pdf), "Neder-Betuwe")
    contact = poster(NB_HOST, "/posters/contact-point.pdf?languages=ro&municipality=tiel")
    assert has(pdf_text(contact), "Tiel")
    assert has(pdf_text(contact), "http://tiel.localhost/vraag/")


@pytest.mark.parametrize(
    "path",
    [
        "/posters/activity/rugby.pdf?municipality=neder-betuwe",  # not shown there
        "/posters/survey/tiel-enquete.pdf?municipality=neder-betuwe",  # Tiel's own
        "/posters/activity/spreekuur.pdf?municipality=nergens",  # no such municipality
    ],
)
def test_a_municipality_that_does_not_show_the_item_is_refused(two, path):
    answer = at(NB_HOST).get(path)
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == "municipality"


def test_the_logo_is_on_the_poster_when_the_municipality_has_one(two, tmp_path):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (300, 120), (20, 40, 160)).save(buffer, "PNG")
    logo = Image.objects.create(title="Wapen van Tiel", file=ImageFile(buffer, name="tiel.png"))
    Municipality.objects.filter(slug="tiel").update(logo=logo)
    Municipality.objects.get(slug="tiel").save()  # drops the municipalities held in memory

    tiel = poster(TIEL_HOST, "/posters/activity/spreekuur.pdf?languages=nl")
    assert images_in(tiel, tmp_path / "tiel") == 1
    assert images_in(poster(NB_HOST, "/posters/activity/spreekuur.pdf?languages=nl"), tmp_path) == 0
    assert header_colour(tiel, tmp_path / "logo") == TIEL_RED  # the logo sits left of it


def test_the_admin_offers_a_poster_per_municipality_the_item_is_shown_in(
    two, client, django_user_model, tmp_path
):
    client.force_login(django_user_model.objects.create_superuser("coord", "c@example.org", "x"))
    shared = ActivityPage.objects.get(slug="spreekuur")
    edit = client.get(f"/admin/pages/{shared.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en")
    html = edit.content.decode()
    for slug, name in (("neder-betuwe", "Neder-Betuwe"), ("tiel", "Tiel")):
        for size in ("a4", "a6"):
            address = f"spreekuur.pdf?languages=nl&amp;size={size}&amp;municipality={slug}"
            assert address in html
        assert f"Poster for {name} (PDF, A4)" in html
    own = ActivityPage.objects.get(slug="rugby")
    html = client.get(f"/admin/pages/{own.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "rugby.pdf?languages=nl&amp;size=a4&amp;municipality=tiel" in html
    assert "municipality=neder-betuwe" not in html and "Poster (PDF, A4)" in html

    start = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    contact = re.findall(r'href="(/posters/contact-point\.pdf[^"]*)"', start)
    assert contact == [
        "/posters/contact-point.pdf?languages=nl,pl,ro&amp;size=a4&amp;municipality=neder-betuwe",
        "/posters/contact-point.pdf?languages=nl,pl,ro&amp;size=a4&amp;municipality=tiel",
    ]
    assert "Poster of the contact point of Tiel (PDF)" in start

    # The survey's own QR code (its results page) opens its municipality's site too.
    poll = Survey.objects.get(slug="tiel-enquete")
    (tmp_path / "qr.png").write_bytes(
        client.get(reverse("cms_survey_qr_png", args=[poll.pk])).content
    )
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True
    )
    assert done.stdout.split() == ["http://tiel.localhost/s/tiel-enquete"]


def test_the_plan_chart_takes_its_municipalitys_colour(two):
    def chart(host: str) -> str:
        html = at(host).get("/pl/beleidsplan/").content.decode()
        return re.search(r'<svg class="chart".*?</svg>', html, re.S).group(0)

    assert 'fill="#a01c2c"' in chart(TIEL_HOST) and 'fill="#1f7a3a"' not in chart(TIEL_HOST)
    assert 'fill="#1f7a3a"' in chart(NB_HOST) and 'fill="#a01c2c"' not in chart(NB_HOST)


def test_the_qr_code_of_a_shared_item_opens_on_the_other_municipalitys_site(two):
    """A shared page lives under its first municipality's sections; Tiel's site serves it too."""
    for path, title in (
        ("/activiteiten/spreekuur/", "Konsultacje GGD"),
        ("/wegwijzers/huisarts/", "Lekarz rodzinny"),
    ):
        answer = at(TIEL_HOST).get(path, follow=True, HTTP_ACCEPT_LANGUAGE="pl")
        assert answer.status_code == 200, path
        assert title in answer.content.decode()
    # Only what is published to Tiel: Neder-Betuwe's own club stays on its own site.
    assert at(TIEL_HOST).get("/pl/activiteiten/voetbal/").status_code == 404
    assert at(NB_HOST).get("/pl/activiteiten/voetbal/").status_code == 200


def test_the_admin_s_poster_page_asks_which_municipality_and_starts_with_its_languages(
    client, two, django_user_model
):
    """Tiel offers Polish first: its poster starts with Polish and Dutch ticked; the GGD's
    hour, shown in both, names the municipality the sheet speaks for."""
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", "x"))
    choice = reverse("cms_poster_choice", args=["activity", "spreekuur"])

    form = client.get(choice, {"municipality": "tiel"}).content.decode()
    ticked = re.findall(r'name="languages" value="(\w+)"[^>]*checked', form)
    assert ticked == ["nl", "pl"]  # Tiel's first two, in the platform's order
    assert re.search(r'<option value="tiel" selected>Tiel</option>', form)

    chosen = client.get(choice, {"languages": ["pl"], "size": "a4", "municipality": "tiel"})
    assert chosen["Location"].endswith("languages=pl&size=a4&municipality=tiel")
    assert "Tiel" in pdf_text(printed(client, chosen["Location"]).content)
