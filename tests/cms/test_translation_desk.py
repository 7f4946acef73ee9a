"""The translator's queue and side-by-side editor: their language's texts, and nothing else."""

import pytest
from django.urls import reverse

from cms.feedback.models import PageFeedback
from cms.models import ActivityPage, GuidePage, Partner
from cms.translation import provenance
from cms.translation.records import Origin, TranslationDraft, TranslationRecord
from cms.translation.translators import assign_translator
from tests import factories
from tests.api.conftest import days_ahead, iso, local


@pytest.fixture
def content(db):
    club = factories.partner(slug="club", description={"nl": "Een club.", "pl": "Klub."})
    factories.load(
        partners=[club],
        activities=[
            factories.activity(
                "club", slug="later", starts_at=iso(local(days_ahead(9), 19)), ends_at=None
            ),
            factories.activity(
                "club", slug="soon", starts_at=iso(local(days_ahead(2), 19)), ends_at=None
            ),
        ],
        guides=[
            factories.guide("club", slug="quiet"),
            factories.guide("club", slug="read", title={"nl": "Veel gelezen", "pl": "Czytane"}),
        ],
    )
    read = GuidePage.objects.get(slug="read")
    for _ in range(3):
        PageFeedback.objects.create(page=read, language="pl", clear=True, given_on="2026-11-30")


@pytest.fixture
def translator(content, django_user_model, client):
    user = django_user_model.objects.create_user("ola", "ola@example.org", "x" * 16)
    assign_translator(user, "pl")
    client.force_login(user)
    return user


def desk_url(obj, kind, language="pl"):
    return reverse("cms_translation_desk", args=[kind, obj.pk, language])


def test_queue_puts_upcoming_activities_first_then_most_read_guides(translator, client):
    response = client.get(reverse("cms_translation_queue"))
    assert response.status_code == 200
    order = [(item.kind, getattr(item.obj, "slug", "")) for item in response.context["items"]]
    assert order[:4] == [
        ("activity", "soon"),
        ("activity", "later"),
        ("guide", "read"),
        ("guide", "quiet"),
    ]
    # The club's Polish description exists and is current: not in the queue.
    assert ("partner", "club") not in order


def test_a_translator_reaches_only_their_own_language(translator, client):
    # Wagtail answers a refusal in the admin with a redirect to the dashboard.
    refused = client.get(reverse("cms_translation_queue") + "?language=ro")
    assert (refused.status_code, refused.url) == (302, "/admin/")
    page = GuidePage.objects.get(slug="quiet")
    for language in ("ro", "nl"):
        refused = client.post(
            desk_url(page, "guide", language), {"text-summary": "x", "action": "submit"}
        )
        assert (refused.status_code, refused.url) == (302, "/admin/")
    page.refresh_from_db()
    assert (page.summary_ro, page.summary_nl) in (
        ("", "Zo werkt de huisarts."),
        (None, "Zo werkt de huisarts."),
    )


def test_submit_publishes_only_the_polish_texts_as_the_translators(translator, client):
    page = GuidePage.objects.get(slug="quiet")
    form = client.get(desk_url(page, "guide")).context["texts"]
    bases = {f"base-{text.base_name}": text.base for text, _ in form}
    # The body is translated block by block, in its markup.
    (block,) = [text.name for text, _ in form if text.name.startswith("body/")]
    response = client.post(
        desk_url(page, "guide"),
        {
            **bases,
            "text-summary": "Jak działa lekarz.",
            f"text-{block}": "<p>Zadzwoń.</p><ul><li>Rano</li></ul>",
            "action": "submit",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary_pl == "Jak działa lekarz."
    assert "<li>Rano</li>" in page.body_pl[0].value.source
    assert page.summary_nl == "Zo werkt de huisarts."
    entry = TranslationRecord.objects.get(
        content_type__model="guidepage", object_id=page.pk, field="summary", language="pl"
    )
    assert (entry.origin, entry.saved_by) == (Origin.HUMAN, translator)


def test_a_draft_is_kept_for_the_translator_and_changes_nothing_live(translator, client):
    page = GuidePage.objects.get(slug="quiet")
    response = client.post(desk_url(page, "guide"), {"text-summary": "Szkic", "action": "draft"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary_pl in ("", None)
    assert TranslationDraft.objects.get(object_id=page.pk).texts == {"summary": "Szkic"}
    values = {
        text.name: value for text, value in client.get(desk_url(page, "guide")).context["texts"]
    }
    assert values["summary"] == "Szkic"


def test_the_second_of_two_translators_is_refused_and_nothing_is_overwritten(translator, client):
    page = GuidePage.objects.get(slug="quiet")
    form = client.get(desk_url(page, "guide")).context["texts"]
    bases = {f"base-{text.name}": text.base for text, _ in form}
    first = client.post(
        desk_url(page, "guide"), {**bases, "text-summary": "Pierwszy", "action": "submit"}
    )
    assert first.status_code == 302
    second = client.post(
        desk_url(page, "guide"), {**bases, "text-summary": "Drugi", "action": "submit"}
    )
    assert second.status_code == 409
    assert "summary" in second.content.decode()
    page.refresh_from_db()
    assert page.summary_pl == "Pierwszy"


def test_another_field_is_refused_by_name_and_changes_nothing(translator, client):
    page = GuidePage.objects.get(slug="quiet")
    response = client.post(desk_url(page, "guide"), {"text-topic": "work", "action": "submit"})
    assert response.status_code == 400
    assert b"topic" in response.content
    page.refresh_from_db()
    assert page.topic == "healthcare"


def test_a_partners_unpublished_draft_stays_unpublished_and_keeps_the_translation(
    translator, client
):
    page = ActivityPage.objects.get(slug="soon")
    draft = page.get_latest_revision_as_object()
    draft.summary_nl = "Nieuwe tekst, nog niet gepubliceerd."
    draft.save_revision()
    page.refresh_from_db()
    form = client.get(desk_url(page, "activity")).context["texts"]
    bases = {f"base-{text.name}": text.base for text, _ in form}
    client.post(
        desk_url(page, "activity"), {**bases, "text-title": "Kawiarnia", "action": "submit"}
    )
    page.refresh_from_db()
    assert page.title_pl == "Kawiarnia"
    assert page.summary_nl == "Samen Nederlands oefenen."  # the draft was not published
    assert page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    assert (latest.summary_nl, latest.title_pl) == (
        "Nieuwe tekst, nog niet gepubliceerd.",
        "Kawiarnia",
    )


def test_an_outdated_text_shows_what_changed_in_the_dutch(translator, client):
    partner = Partner.objects.get(slug="club")
    partner.description_nl = "Een voetbalclub."
    partner.save()
    texts = {
        text.name: text for text, _ in client.get(desk_url(partner, "partner")).context["texts"]
    }
    assert texts["description"].state == provenance.State.OUTDATED
    assert texts["description"].changes == ["-Een club.", "+Een voetbalclub."]


def test_checking_a_machine_translation_clears_its_label(translator, client):
    partner = Partner.objects.get(slug="club")
    provenance.record(partner, "description", "pl", Origin.MACHINE)
    assert provenance.machine_translated(partner, "pl")
    client.post(desk_url(partner, "partner"), {"reviewed": "description", "action": "review"})
    assert not provenance.machine_translated(partner, "pl")


def test_the_coordinator_names_a_translator_and_a_bad_language_is_named(content, client):
    from django.contrib.auth import get_user_model

    from cms.translation.translators import TRANSLATORS_GROUP, TranslatorAssignment

    User = get_user_model()
    client.force_login(User.objects.create_superuser("coo", "coo@example.org", "x" * 16))
    volunteer = User.objects.create_user("iva", "iva@example.org", "x" * 16)
    refused = client.post(reverse("translators:add"), {"user": volunteer.pk, "language": "nl"})
    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["language"]
    assert not TranslatorAssignment.objects.filter(user=volunteer).exists()
    done = client.post(reverse("translators:add"), {"user": volunteer.pk, "language": "bg"})
    assert done.status_code == 302
    assert volunteer.groups.filter(name=TRANSLATORS_GROUP).exists()
    client.force_login(volunteer)
    assert client.get(reverse("cms_translation_queue")).context["language"] == "bg"


def test_the_queue_lists_what_readers_found_hard_to_understand_in_its_language(translator, client):
    quiet, read = GuidePage.objects.get(slug="quiet"), GuidePage.objects.get(slug="read")
    for page, language in ((quiet, "pl"), (quiet, "pl"), (read, "ro")):
        PageFeedback.objects.create(
            page=page, language=language, clear=False, reason="translation", given_on="2026-12-01"
        )
    page = client.get(reverse("cms_translation_queue")).content.decode()
    assert f'data-unclear-page="{quiet.pk}"' in page  # two Polish readers
    assert f'data-unclear-page="{read.pk}"' not in page  # a Romanian reader: not Ola's language
