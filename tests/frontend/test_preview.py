"""Wagtail's preview of a draft renders with the site's templates."""

import pytest
from django.contrib.auth import get_user_model

from cms.models import ActivityPage, GuidePage, PolicyPlanPage
from tests.cms.admin_forms import page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("preview-admin", "p@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_draft_of_an_activity_previews_with_the_site_template(editor_client, content):
    page = ActivityPage.objects.get(slug="gemengd-voetbal")
    page.title_nl = "Gemengd voetbal (concept)"
    revision = page.save_revision()

    response = editor_client.get(f"/admin/pages/{page.pk}/view_draft/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gemengd voetbal (concept)" in html
    assert 'class="switcher"' in html and "/static/wegwijs/site.css" in html
    assert 'id="dates-heading"' in html  # the activity template, with its data

    # The revision view (moderation, history) uses the same templates.
    response = editor_client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    assert "Gemengd voetbal (concept)" in response.content.decode()

    # The live page does not show the draft.
    live = editor_client.get("/nl/activiteiten/gemengd-voetbal/").content.decode()
    assert "(concept)" not in live


def test_preview_while_editing_uses_the_site_template(editor_client, content):
    """The admin's live preview: the edit form is posted, then the preview is fetched."""
    page = GuidePage.objects.get(slug="de-huisarts")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = editor_client.post(url, page_form_data(page, title_nl="De huisarts (nieuw)"))
    assert posted.json()["is_valid"] is True

    html = editor_client.get(url, {"mode": ""}).content.decode()
    assert 'class="switcher"' in html and "De huisarts (nieuw)" in html
    assert "Tekst." in html  # the body typed into the form


def test_index_pages_preview_with_their_lists(editor_client, content):
    plan = PolicyPlanPage.objects.get()
    html = editor_client.get(f"/admin/pages/{plan.pk}/view_draft/").content.decode()
    assert 'id="taalcafes-uitbreiden"' in html
