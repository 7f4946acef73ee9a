"""The XLIFF exchange in the admin: coordinators download and upload; nobody else gets in."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from translate.storage import xliff as xliff1

from cms.models import PolicyAction
from cms.translation.exchange.xliff import unit_id
from tests import factories


@pytest.fixture
def action(db) -> PolicyAction:
    factories.load(
        partners=[factories.partner(slug="ggd")],
        policy_actions=[factories.policy_action(slug="taalhuis", responsible=["ggd"])],
    )
    return PolicyAction.objects.get(slug="taalhuis")


def download(client, **fields):
    data = {"language": "lt", "xliff_version": "1.2", "download": "1", **fields}
    return client.post(reverse("cms_translation_exchange"), data)


def test_a_coordinator_downloads_a_file_and_uploads_the_translation(action, client, login_as):
    login_as("coordinator")
    response = download(client, partner="ggd")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="wegwijs-lt-ggd.xlf"'
    store = xliff1.xlifffile.parsestring(response.content)
    for unit in store.units:
        if unit_id(unit) == "action/taalhuis/title":
            unit.target = "Kalbos namai"
    upload = SimpleUploadedFile("lt.xlf", bytes(store), content_type="application/xliff+xml")
    sent = client.post(reverse("cms_translation_exchange"), {"upload": "1", "file": upload})
    assert sent.status_code == 302
    assert PolicyAction.objects.get(slug="taalhuis").title_lt == "Kalbos namai"


def test_a_refused_upload_lists_every_problem_and_changes_nothing(action, client, login_as):
    login_as("coordinator")
    store = xliff1.xlifffile.parsestring(download(client).content)
    for unit in store.units:
        if unit_id(unit) == "action/taalhuis/title":
            unit.target = "<b>Kalbos namai</b>"
    upload = SimpleUploadedFile("lt.xlf", bytes(store))
    page = client.post(reverse("cms_translation_exchange"), {"upload": "1", "file": upload})
    assert page.status_code == 200
    assert "action/taalhuis/title: markup in a plain-text field" in page.content.decode()
    assert PolicyAction.objects.get(slug="taalhuis").title_lt in ("", None)


@pytest.mark.parametrize("role", ["anonymous", "editor_own", "contributor_other"])
def test_nobody_else_downloads_or_uploads(action, client, login_as, role):
    login_as(role)
    response = download(client)
    assert response.status_code in (302, 403)
    assert b"<xliff" not in response.content
