"""Admin edits record the person who saved each translation; the form shows each text's status."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ActivityPage
from cms.translation.languages import language_codes
from cms.translation.records import Origin, TranslationRecord
from tests import factories


@pytest.fixture
def content(db):
    partner = factories.partner(slug="ggd")
    factories.load(
        partners=[partner],
        activities=[
            factories.activity(
                "ggd",
                slug="spreekuur",
                title={"nl": "Spreekuur", "pl": "Dyżur", "ro": "Program"},
                translation_sources={"pl": "machine"},
            )
        ],
    )


@pytest.fixture
def coordinator(django_user_model, client):
    user = django_user_model.objects.create_superuser("coordinator", "c@example.org", "x" * 16)
    client.force_login(user)
    return user


def edit_data(page, **texts):
    bodies = {f"body_{code}": streamfield([]) for code in language_codes()}
    bodies["body_nl"] = streamfield([("text", rich_text("<p>Kom langs.</p>"))])
    data = nested_form_data(
        {
            "title_nl": page.title_nl,
            "title_pl": page.title_pl,
            "title_ro": page.title_ro,
            "slug": page.slug,
            "summary_nl": page.summary_nl,
            **bodies,
            "category": page.category_id,
            "organiser": page.organiser_id,
            "starts_at": "2027-01-05 19:00",
            "ends_at": "2027-01-05 20:30",
            "audience": "everyone",
            "is_free": "on",
            "registration": "none",
            "comments": inline_formset([]),
            "action-publish": "publish",
            **texts,
        }
    )
    data["languages_offered"] = ["nl"]
    return data


def record(page, field, language):
    return TranslationRecord.objects.get(
        content_type__model="activitypage", object_id=page.pk, field=field, language=language
    )


def test_an_admin_save_records_the_editor_as_author(content, coordinator, client):
    page = ActivityPage.objects.get(slug="spreekuur")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, title_pl="Dyżury")
    )
    assert response.status_code == 302
    changed = record(page, "title", "pl")
    assert (changed.origin, changed.saved_by) == (Origin.HUMAN, coordinator)
    # The Romanian title was not touched: its record is the import's, unchanged.
    assert record(page, "title", "ro").saved_by is None


def test_the_edit_form_shows_each_translations_status_under_its_input(content, coordinator, client):
    page = ActivityPage.objects.get(slug="spreekuur")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-translation-provenance="title_pl:machine:unreviewed:current"' in html
    assert "Machinevertaling" in html  # the admin speaks Dutch here
    assert 'data-translation-provenance="title_ro:human:unreviewed:current"' in html

    page.title_nl = "Spreekuur GGD"
    page.save_revision().publish()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-translation-provenance="title_pl:machine:unreviewed:outdated"' in html
    assert "verouderd: de Nederlandse tekst is sindsdien gewijzigd" in html
