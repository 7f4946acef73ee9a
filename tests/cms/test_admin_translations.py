"""Editors see and edit every translation of a field in the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ActivityPage, Partner
from cms.translation.languages import language_codes
from tests import factories


@pytest.fixture
def content(db):
    partner = factories.partner(slug="ggd")
    factories.load(partners=[partner], activities=[factories.activity("ggd", slug="spreekuur")])


@pytest.fixture
def coordinator(django_user_model, client):
    user = django_user_model.objects.create_superuser("coordinator", "c@example.org", "x" * 16)
    client.force_login(user)
    return user


def test_activity_edit_form_has_one_input_per_language(content, coordinator, client):
    page = ActivityPage.objects.get(slug="spreekuur")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title_pl", "title_ro", "summary_bg", "summary_uk", "training_times_hu"):
        assert f'name="{field}"' in html, field


def test_partner_edit_form_has_one_description_per_language(content, coordinator, client):
    partner = Partner.objects.get(slug="ggd")
    response = client.get(reverse("wagtailsnippets_cms_partner:edit", args=[partner.pk]))
    assert response.status_code == 200
    assert 'name="description_pl"' in response.content.decode()


def test_editor_saves_a_polish_translation_through_the_admin(content, coordinator, client):
    page = ActivityPage.objects.get(slug="spreekuur")
    bodies = {f"body_{code}": streamfield([]) for code in language_codes()}
    bodies["body_nl"] = streamfield([("text", rich_text("<p>Kom langs.</p>"))])
    data = nested_form_data(
        {
            "title_nl": page.title_nl,
            "title_pl": "Godziny konsultacji",
            "slug": page.slug,
            "summary_nl": page.summary_nl,
            "summary_pl": "Porozmawiaj z nami.",
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
        }
    )
    data["languages_offered"] = ["nl", "pl"]  # checkboxes: one value per ticked box
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = ActivityPage.objects.get(slug="spreekuur")
    assert page.title_pl == "Godziny konsultacji"
    assert page.summary_pl == "Porozmawiaj z nami."
    assert page.languages_offered == ["nl", "pl"]
    # Polish has title and summary but no body yet: not a complete translation.
    assert page.translation_statuses()["pl"] == "missing"
