"""The site's own texts on the desk: the home page's intro, the lists' intros, the categories,
the policy plan and its building blocks, in the queue, the editor, XLIFF and coverage."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from translate.storage import xliff as xliff1

from cms.models import (
    ActivityIndexPage,
    BuildingBlock,
    Category,
    HomePage,
    Municipality,
    PolicyPlanPage,
)
from cms.translation.coverage import coverage
from cms.translation.desk import target_fingerprint
from cms.translation.exchange.segments import select
from cms.translation.exchange.xliff import unit_id, write
from cms.translation.municipal import MunicipalTranslationSettings
from cms.translation.records import Origin, TranslationRecord, TranslationSubmission
from cms.translation.translators import assign_translator
from tests import factories
from tests.api.conftest import days_ahead, iso, local
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL

HOME_INTRO = "Welkom. Hier vind je wat er deze week te doen is."


def municipality_slug() -> str:
    return Municipality.objects.get().slug


def _publish(page, **texts) -> None:
    for column, text in texts.items():
        setattr(page, column, text)
    page.save_revision().publish()


@pytest.fixture
def site_texts(db):
    """One municipality: an upcoming activity, the home and list intros in Dutch only, one
    category and one building block with Dutch texts only."""
    factories.load(
        partners=[factories.partner(slug="club")],
        activities=[
            factories.activity(
                "club", slug="soon", starts_at=iso(local(days_ahead(2), 19)), ends_at=None
            )
        ],
    )
    _publish(HomePage.objects.get(), intro_nl=HOME_INTRO)
    _publish(ActivityIndexPage.objects.get(), intro_nl="Alles wat er te doen is.")
    _publish(PolicyPlanPage.objects.get(), intro_nl="Wat de gemeente doet.")
    Category.objects.update_or_create(
        slug="koken", defaults={"name_nl": "Koken", "name_en": "", "name_pl": "", "sort_order": 99}
    )
    block = BuildingBlock.objects.get(slug="support")
    block.description_nl = "Hulp bij wonen en werk."
    block.description_pl = ""
    block.save()


@pytest.fixture
def translator(site_texts, django_user_model, client):
    user = django_user_model.objects.create_user("ola", "ola@example.org", "x" * 16)
    assign_translator(user, "pl")
    client.force_login(user)
    return user


def queue(client) -> list[tuple[str, str]]:
    items = client.get(reverse("cms_translation_queue") + "?language=pl").context["items"]
    return [(item.kind, item.segment) for item in items]


def submit(client, obj, kind: str, **texts):
    bases = {f"base-{name}": target_fingerprint(obj, name, "pl") for name in texts}
    return client.post(
        reverse("cms_translation_desk", args=[kind, obj.pk, "pl"]),
        {**bases, **{f"text-{name}": text for name, text in texts.items()}, "action": "submit"},
    )


def test_the_home_intro_leads_the_queue_before_the_activities(translator, client):
    order = queue(client)
    here = municipality_slug()
    assert order[0] == ("home", f"home/{here}")
    assert order.index(("activities", f"activities/{here}")) < order.index(
        ("activity", "activity/soon")
    )
    assert ("category", "category/koken") in order
    # The plan and its building blocks come with the plan's actions, after the activities.
    assert order.index(("plan", f"plan/{here}")) > order.index(("activity", "activity/soon"))
    assert ("block", "block/support") in order
    # The guide list has no Dutch intro: nothing to translate.
    assert ("guides", f"guides/{here}") not in order


def test_the_queue_names_each_kind_in_the_translator_s_admin_language(translator, client):
    page = client.get(reverse("cms_translation_queue") + "?language=pl").content.decode()
    home = HomePage.objects.get()
    row = page.split(f'data-queue-item="home:{home.pk}"')[1].split("</tr>")[0]
    assert "<td>Startpagina</td>" in row  # "Home page" in the admin's Dutch
    block = BuildingBlock.objects.get(slug="support")
    row = page.split(f'data-queue-item="block:{block.pk}"')[1].split("</tr>")[0]
    assert "<td>Bouwsteen</td>" in row


def test_the_desk_shows_only_the_intro_of_a_list_and_translates_it(translator, client):
    home = HomePage.objects.get()
    page = client.get(reverse("cms_translation_desk", args=["home", home.pk, "pl"]))
    assert page.status_code == 200
    assert [text.name for text, _draft in page.context["texts"]] == ["intro"]
    assert HOME_INTRO in page.content.decode()

    response = submit(client, home, "home", intro="Witaj. Tu znajdziesz, co się dzieje.")
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.intro_pl == "Witaj. Tu znajdziesz, co się dzieje."
    entry = TranslationRecord.objects.get(
        content_type=ContentType.objects.get_for_model(HomePage),
        object_id=home.pk,
        field="intro",
        language="pl",
    )
    assert (entry.origin, entry.saved_by) == (Origin.HUMAN, translator)
    assert ("home", f"home/{municipality_slug()}") not in queue(client)


def test_the_page_title_of_a_list_is_no_text_of_the_desk(translator, client):
    lists = ActivityIndexPage.objects.get()
    refused = submit(client, lists, "activities", title="Zajęcia")
    assert refused.status_code == 400
    assert b"title" in refused.content
    lists.refresh_from_db()
    assert lists.title_pl in ("", None)


def test_a_category_and_a_building_block_are_translated_at_the_desk(translator, client):
    category = Category.objects.get(slug="koken")
    assert submit(client, category, "category", name="Gotowanie").status_code == 302
    block = BuildingBlock.objects.get(slug="support")
    response = submit(client, block, "block", description="Pomoc w mieszkaniu i pracy.")
    assert response.status_code == 302
    category.refresh_from_db()
    block.refresh_from_db()
    assert (category.name_pl, block.description_pl) == ("Gotowanie", "Pomoc w mieszkaniu i pracy.")
    assert ("category", "category/koken") not in queue(client)


def test_a_changed_dutch_intro_brings_the_translation_back_as_outdated(translator, client):
    home = HomePage.objects.get()
    submit(client, home, "home", intro="Witaj.")
    home.refresh_from_db()
    # Saved again with the same Dutch text: the translation stays current.
    _publish(home, intro_nl=HOME_INTRO)
    assert ("home", f"home/{municipality_slug()}") not in queue(client)

    _publish(HomePage.objects.get(), intro_nl="Welkom! Kijk wat er deze week is.")
    item = next(
        item
        for item in client.get(reverse("cms_translation_queue")).context["items"]
        if item.kind == "home"
    )
    assert (item.missing, item.outdated) == ((), ("intro",))
    desk = client.get(reverse("cms_translation_desk", args=["home", home.pk, "pl"]))
    (text, _draft) = desk.context["texts"][0]
    assert any(line.startswith("+") and "Kijk" in line for line in text.changes)


def test_where_the_municipality_asks_for_review_the_intro_waits_for_a_second_reader(
    translator, client
):
    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.get(), review_required=True
    )
    home = HomePage.objects.get()
    response = submit(client, home, "home", intro="Witaj.")
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.intro_pl in ("", None)
    assert TranslationSubmission.objects.get().texts == {"intro": "Witaj."}


def test_xliff_carries_the_site_texts_and_brings_them_back(translator, client):
    here = municipality_slug()
    segments = select("pl", only=["missing"])
    ids = {segment.id for segment in segments}
    assert {
        f"home/{here}/intro",
        f"activities/{here}/intro",
        f"plan/{here}/intro",
        "category/koken/name",
        "block/support/description",
    } <= ids
    assert f"activities/{here}/title" not in ids

    data = write(
        [
            replace(segment, target="Witaj.")
            for segment in segments
            if segment.id == f"home/{here}/intro"
        ]
        + [replace(s, target="Gotowanie") for s in segments if s.id == "category/koken/name"],
        "nl",
        "pl",
    )
    # A real XLIFF 1.2 file, as translate-toolkit reads it.
    store = xliff1.xlifffile.parsestring(data)
    assert {unit_id(unit) for unit in store.units} == {f"home/{here}/intro", "category/koken/name"}
    response = client.post(
        reverse("cms_translation_exchange"),
        {"upload": "1", "file": SimpleUploadedFile("pl.xlf", data)},
    )
    assert response.status_code == 302
    home = HomePage.objects.get()
    assert home.intro_pl == "Witaj."
    # The home page is published with a revision: its history shows the import.
    assert home.live_revision.content["intro_pl"] == "Witaj."
    assert Category.objects.get(slug="koken").name_pl == "Gotowanie"


def test_an_xliff_intro_whose_dutch_changed_since_the_export_is_refused_whole(translator, client):
    here = municipality_slug()
    segments = [
        replace(segment, target="Witaj.")
        for segment in select("pl")
        if segment.id in (f"home/{here}/intro", "category/koken/name")
    ]
    data = write(segments, "nl", "pl")
    _publish(HomePage.objects.get(), intro_nl="Welkom! Iets nieuws.")
    response = client.post(
        reverse("cms_translation_exchange"),
        {"upload": "1", "file": SimpleUploadedFile("pl.xlf", data)},
    )
    assert any(f"home/{here}/intro" in problem for problem in response.context["problems"])
    assert HomePage.objects.get().intro_pl in ("", None)
    assert Category.objects.get(slug="koken").name_pl == ""


def test_a_machine_draft_of_the_home_intro(translator, client, settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_DRAFTS_PUBLISHED_LANGUAGES = ["pl"]
        response = client.post(
            reverse("cms_machine_drafts"),
            {"language": "pl", "segment": f"home/{municipality_slug()}"},
        )
    assert response.status_code == 302
    home = HomePage.objects.get()
    assert home.intro_pl.startswith("[PL] ")
    entry = TranslationRecord.objects.get(object_id=home.pk, field="intro", language="pl")
    assert (entry.origin, entry.reviewed) == (Origin.MACHINE, False)


def test_coverage_counts_the_site_texts_under_a_readable_name(site_texts):
    rows = [row for row in coverage(["pl"]) if row.partner == ""]
    assert len(rows) == 1
    # home, activity list and plan intros, the block's name and description, every category.
    assert rows[0].counts["fallback"] >= 5
    with translation.override("en"):
        assert rows[0].partner_name == "The site's own texts"
    for code in ("nl", "pl", "uk"):
        with translation.override(code):
            assert rows[0].partner_name not in ("", "The site's own texts")


def test_the_coverage_report_and_csv_name_the_site_texts(site_texts, client, login_as):
    login_as("coordinator")  # their admin speaks Dutch
    page = client.get(reverse("cms_translation_coverage")).content.decode()
    here = Municipality.objects.get().name
    assert (
        f'data-coverage-partner=""><td>{here}</td><td>Teksten van de site zelf</td><td>PL</td>'
    ) in page
    csv = client.get(reverse("cms_translation_coverage") + "?export=csv").content.decode()
    assert f"{here},Teksten van de site zelf,pl," in csv
