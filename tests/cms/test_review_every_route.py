"""Where a municipality requires a second reader, every way a translation comes in waits for one.

The desk's submit is covered in ``test_translation_review``; here the other
routes: a translator's XLIFF upload in the admin, ``translations import
--translator`` (an agency's file stays trusted), and machine drafts, for a live
page, a page never published, and an object that is not a page. Files are
written with translate-toolkit; machine drafts come from the real ``deepl``
client against the local server (no call to DeepL itself).
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from translate.storage import xliff as xliff1
from wagtail.rich_text import RichText

from cms.models import GuidePage, Municipality, PolicyAction
from cms.translation.exchange.segments import select
from cms.translation.exchange.xliff import unit_id, write
from cms.translation.machine.drafts import draft_object
from cms.translation.machine.provider import MachineTranslationFailed
from cms.translation.machine.tasks import draft_language
from cms.translation.municipal import MunicipalTranslationSettings
from cms.translation.provenance import Origin
from cms.translation.records import TranslationRecord, TranslationSubmission
from cms.translation.translators import assign_translator
from tests import factories
from tests.cms.deepl_server import AUTH_KEY, LocalDeepL

LINKED = '<p>Bel <a href="https://www.thuisarts.nl/">Thuisarts</a> eerst.</p>'
LINKED_PL = '<p>Zadzwoń <a href="https://www.thuisarts.nl/" rel="noopener">Thuisarts</a>.</p>'


@pytest.fixture
def content(db) -> GuidePage:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd",
                slug="huisarts",
                title={"nl": "De huisarts"},
                summary={"nl": "Zo werkt de huisarts.", "pl": "Stary opis."},
            ),
            factories.guide("ggd", slug="nieuw", title={"nl": "Nieuw"}),
        ],
        policy_actions=[factories.policy_action(slug="taalhuis", responsible=["ggd"])],
    )
    GuidePage.objects.get(slug="nieuw").unpublish()
    page = GuidePage.objects.get(slug="huisarts")
    page.body_nl = [("text", RichText(LINKED))]
    page.save_revision().publish()
    MunicipalTranslationSettings.objects.create(
        municipality=Municipality.objects.get(),
        review_required=True,
        publish_machine_drafts_in=["pl"],  # review wins over "publish unreviewed drafts"
    )
    return GuidePage.objects.get(slug="huisarts")


def person(django_user_model, name: str) -> Client:
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "x" * 16)
    assign_translator(user, "pl")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def ola(content, django_user_model) -> Client:
    return person(django_user_model, "ola")


@pytest.fixture
def piotr(content, django_user_model) -> Client:
    return person(django_user_model, "piotr")


def polish_file(page: GuidePage) -> bytes:
    """Ola's file: the guide's summary and its body block (with its link) in Polish."""
    store = xliff1.xlifffile.parsestring(write(select("pl", "ggd"), "nl", "pl"))
    wanted = {
        "guide/huisarts/summary": "Nowy opis.",
        f"guide/huisarts/body/{page.body_nl[0].id}": LINKED_PL,
        "action/taalhuis/title": "Dom języka",
    }
    for unit in store.units:
        if unit_id(unit) in wanted:
            unit.target = wanted[unit_id(unit)]
    return bytes(store)


def live_and_draft(slug: str) -> list[GuidePage]:
    page = GuidePage.objects.get(slug=slug)
    return [page, page.get_latest_revision_as_object()]


def approve(client: Client, submission: TranslationSubmission):
    url = reverse("cms_translation_review", args=[submission.pk])
    return client.post(url, {"action": "approve"})


def test_a_translator_s_upload_waits_for_review_and_goes_live_when_approved(content, ola, piotr):
    response = ola.post(
        reverse("cms_translation_exchange"),
        {"upload": "1", "file": _named(polish_file(content))},
        follow=True,
    )
    assert "wachten op controle door een andere vertaler" in response.content.decode()  # nl admin
    for page in live_and_draft("huisarts"):
        assert page.summary_pl == "Stary opis." and not page.body_pl
    assert PolicyAction.objects.get(slug="taalhuis").title_pl in ("", None)
    held = TranslationSubmission.objects.order_by("pk")
    assert [s.submitted_by for s in held] == [ola.user, ola.user]  # the guide, the action

    review = piotr.get(reverse("cms_translation_review", args=[held[0].pk]))
    assert "Thuisarts" in review.content.decode()  # the proposal, shown per segment
    for submission in held:
        assert approve(piotr, submission).status_code == 302
    page = GuidePage.objects.get(slug="huisarts")
    assert page.summary_pl == "Nowy opis."
    assert page.body_pl[0].value.source == (
        '<p>Zadzwoń <a href="https://www.thuisarts.nl/">Thuisarts</a>.</p>'
    )
    assert PolicyAction.objects.get(slug="taalhuis").title_pl == "Dom języka"
    entry = TranslationRecord.objects.get(object_id=page.pk, field="summary", language="pl")
    assert (entry.origin, entry.saved_by, entry.reviewed_by) == (
        Origin.HUMAN,
        ola.user,
        piotr.user,
    )


def test_the_author_cannot_approve_their_own_upload(content, ola):
    ola.post(
        reverse("cms_translation_exchange"), {"upload": "1", "file": _named(polish_file(content))}
    )
    submission = TranslationSubmission.objects.first()
    refused = approve(ola, submission)
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "no permission"
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Stary opis."
    assert TranslationSubmission.objects.filter(pk=submission.pk).exists()


def test_an_approval_after_the_text_moved_is_refused_naming_the_segment(content, ola, piotr):
    ola.post(
        reverse("cms_translation_exchange"), {"upload": "1", "file": _named(polish_file(content))}
    )
    page = GuidePage.objects.get(slug="huisarts")
    page.summary_pl = "Jeszcze nowszy opis."  # someone else's newer text, meanwhile
    page.save_revision().publish()
    submission = TranslationSubmission.objects.get(object_id=page.pk)
    response = approve(piotr, submission)
    assert response.status_code == 409
    assert "guide/huisarts/summary" in response.content.decode()
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Jeszcze nowszy opis."
    assert TranslationSubmission.objects.filter(pk=submission.pk).exists()


def test_the_command_holds_a_translator_s_file_and_applies_an_agency_s(content, ola, tmp_path):
    path = tmp_path / "pl.xlf"
    path.write_bytes(polish_file(content))
    out = StringIO()
    call_command("translations", "import", "--translator", "ola", str(path), stdout=out)
    assert "wait for another translator's review" in out.getvalue()
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Stary opis."
    assert TranslationSubmission.objects.filter(submitted_by=ola.user).count() == 2

    call_command("translations", "import", str(path), stdout=StringIO())  # the agency's
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Nowy opis."
    entry = TranslationRecord.objects.get(field="summary", language="pl")
    assert entry.origin == Origin.AGENCY


def test_the_command_refuses_someone_who_is_not_a_translator(content, tmp_path, django_user_model):
    django_user_model.objects.create_user("jan", "jan@example.org", "x" * 16)
    path = tmp_path / "pl.xlf"
    path.write_bytes(polish_file(content))
    with pytest.raises(CommandError, match="--translator: 'jan' is not a translator"):
        call_command("translations", "import", "--translator", "jan", str(path))
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Stary opis."


@pytest.fixture
def deepl(settings):
    with LocalDeepL() as server:
        settings.DEEPL_AUTH_KEY = AUTH_KEY
        settings.DEEPL_SERVER_URL = server.url
        settings.DEEPL_NETWORK_RETRIES = 0
        settings.MACHINE_TRANSLATION_MONTHLY_CHARACTERS = 10_000
        yield server


@pytest.mark.parametrize(("kind", "slug"), [("guide", "huisarts"), ("guide", "nieuw")])
def test_machine_drafts_of_a_page_wait_for_review_live_or_new(deepl, content, ola, kind, slug):
    report = draft_object(kind, slug, "pl", ola.user)
    assert report.held == [f"{kind}/{slug}"]
    for page in live_and_draft(slug):
        assert page.title_pl in ("", None)  # not live, and not parked in a draft either
    submission = TranslationSubmission.objects.get()
    assert submission.origin == Origin.MACHINE
    # The machine is the first writer: the person who asked may be the reader.
    assert approve(ola, submission).status_code == 302
    page = GuidePage.objects.get(slug=slug)
    text = page.title_pl if page.live else page.get_latest_revision_as_object().title_pl
    assert text.startswith("[PL] ")


def test_machine_drafts_of_an_action_wait_for_review(deepl, content, ola):
    draft_object("action", "taalhuis", "pl", ola.user)
    assert PolicyAction.objects.get(slug="taalhuis").title_pl in ("", None)
    assert approve(ola, TranslationSubmission.objects.get()).status_code == 302
    action = PolicyAction.objects.get(slug="taalhuis")
    entry = TranslationRecord.objects.get(object_id=action.pk, field="title", language="pl")
    assert (entry.origin, entry.reviewed, entry.reviewed_by) == (Origin.MACHINE, True, ola.user)


def _named(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("pl.xlf", data, content_type="application/xliff+xml")


def test_asking_for_a_machine_draft_in_the_admin_says_it_waits_for_review(deepl, content, ola):
    sent = ola.post(
        reverse("cms_machine_drafts"), {"language": "pl", "segment": "action/taalhuis"}, follow=True
    )
    assert "ze wachten op controle door een vertaler" in sent.content.decode()  # Dutch admin
    assert PolicyAction.objects.get(slug="taalhuis").title_pl in ("", None)
    assert TranslationSubmission.objects.get().origin == Origin.MACHINE


def test_a_held_upload_sent_back_is_declined_and_nothing_changes(content, ola, piotr):
    ola.post(
        reverse("cms_translation_exchange"),
        {"upload": "1", "file": _named(polish_file(content))},
    )
    submission = TranslationSubmission.objects.get(object_id=content.pk)
    url = reverse("cms_translation_review", args=[submission.pk])
    answer = piotr.post(url, {"action": "send_back"}, follow=True)
    assert "Afgewezen: er is niets gepubliceerd." in answer.content.decode()  # Dutch admin
    assert not TranslationSubmission.objects.filter(pk=submission.pk).exists()
    assert GuidePage.objects.get(slug="huisarts").summary_pl == "Stary opis."


def test_a_machine_draft_never_replaces_one_s_own_translation_waiting_for_review(
    deepl, content, ola
):
    ola.post(
        reverse("cms_translation_exchange"),
        {"upload": "1", "file": _named(polish_file(content))},
    )
    waiting = TranslationSubmission.objects.get(object_id=content.pk)
    with pytest.raises(MachineTranslationFailed, match="your own translation of it waits"):
        draft_object("guide", "huisarts", "pl", ola.user)
    waiting.refresh_from_db()
    assert waiting.origin == Origin.HUMAN and "Nowy opis." in waiting.texts.values()


def test_drafting_a_whole_language_holds_every_object(deepl, content, ola):
    result = draft_language.call("pl", ola.user.pk)
    assert "guide/huisarts" in result["held"] and "action/taalhuis" in result["held"]
    assert result["held"] == result["objects"] and not result["stopped"]
    assert GuidePage.objects.get(slug="huisarts").title_pl in ("", None)
    assert PolicyAction.objects.get(slug="taalhuis").title_pl in ("", None)
