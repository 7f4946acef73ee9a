"""The glossary in the admin: beside the page editor, and each language's reference sheet."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cms.demo.glossary import load_demo_glossary
from cms.models import GuidePage
from tests import factories


@pytest.fixture
def guide(db) -> GuidePage:
    load_demo_glossary()
    factories.load(
        partners=[factories.partner(slug="ggd")],
        guides=[
            factories.guide(
                "ggd",
                slug="zorg",
                title={"nl": "Zorg", "pl": "Zdrowie", "ro": "Sănătate"},
                summary={"nl": "Zo werkt de zorg.", "pl": "Tak to działa.", "ro": "Așa merge."},
                body={
                    "nl": "Neem een zorgverzekering en ga naar de huisarts.",
                    "pl": "Wykup ubezpieczenie zdrowotne i idź do lekarza.",
                    "ro": "Fă-ți o asigurare de sănătate și mergi la medicul de familie.",
                },
            )
        ],
    )
    return GuidePage.objects.get(slug="zorg")


@pytest.fixture
def coordinator(django_user_model, client):
    user = django_user_model.objects.create_superuser("coordinator", "c@example.org", "x" * 16)
    client.force_login(user)
    return user


def test_the_editor_shows_the_text_s_terms_and_warns_where_a_word_differs(
    guide, coordinator, client
):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    panel = html[html.index("data-glossary-warnings") :]
    warnings = re.findall(r'data-glossary-warning="([^"]+)"', html)
    # Polish says "lekarza" where the glossary approves "lekarz rodzinny"; Romanian is right;
    # the languages without a translation are not warned about.
    assert warnings == ["pl:huisarts"]
    assert "het goedgekeurde woord “lekarz rodzinny” niet" in panel  # the Dutch admin
    assert "<dt><strong>huisarts</strong></dt>" in panel
    assert "<dt><strong>zorgverzekering</strong></dt>" in panel
    assert "<dt><strong>BSN</strong></dt>" not in panel  # the text does not use it


def test_every_admin_user_reads_a_language_s_style_sheet_and_glossary(client, login_as):
    load_demo_glossary()
    login_as("contributor_other")
    html = client.get(reverse("cms_glossary_sheet", args=["hu"])).content.decode()
    assert 'data-style-sheet="hu"' in html and "Lakcímbejelentés" in html
    assert re.search(r'data-term="inschrijven"><td>inschrijven</td><td>lakcímbejelentés</td>', html)
    # Not found (LocaleMiddleware first tries the address with a language prefix).
    assert client.get(reverse("cms_glossary_sheet", args=["xx"]), follow=True).status_code == 404


def test_nobody_outside_the_admin_reads_the_sheet(client, db):
    response = client.get(reverse("cms_glossary_sheet", args=["pl"]))
    assert response.status_code == 302 and "login" in response["Location"]
