"""Coverage per partner and language: human, reviewed machine, unreviewed machine, fallback."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models import GuidePage, HomePage, Municipality, Partner
from cms.translation import provenance
from cms.translation.coverage import coverage, per_language
from cms.translation.translators import assign_translator
from tests import factories
from tests.api.conftest import days_ahead, iso, local
from tests.region_factories import region


@pytest.fixture
def content(db):
    factories.load(
        partners=[factories.partner(slug="club", name="=Club")],
        activities=[
            factories.activity(
                "club",
                slug="soon",
                title={"nl": "Voetbal", "pl": "Piłka", "ro": "Fotbal"},
                summary={"nl": "Samen.", "pl": "Razem.", "ro": "Împreună."},
                starts_at=iso(local(days_ahead(2), 19)),
                ends_at=None,
                translation_sources={"ro": "machine"},
            ),
            factories.activity(
                "club",
                slug="past",
                title={"nl": "Voorbij", "pl": "Minęło"},
                starts_at="2020-01-05T19:00:00+01:00",
                ends_at="2020-01-05T20:00:00+01:00",
            ),
        ],
        guides=[
            factories.guide(
                "club",
                slug="gids",
                title={"nl": "Gids", "pl": "Przewodnik"},
                summary={"nl": "Uitleg.", "pl": "Wyjaśnienie."},
                translation_sources={"pl": "machine"},
            )
        ],
    )
    reviewer = get_user_model().objects.create_user("ola")
    provenance.review(GuidePage.objects.get(slug="gids"), "title", "pl", reviewer)


def counts(language):
    """The club's row: the site's own texts (categories, ...) have a row of their own."""
    return next(row for row in coverage([language]) if row.partner == "=Club")


def test_the_totals_per_language_add_the_site_s_own_texts_to_the_partners(content):
    rows = coverage(["pl"], by_municipality=False)
    (total,) = per_language(rows)
    assert {row.partner for row in rows} == {"", "=Club"}
    assert total.total == sum(row.total for row in rows)


def test_texts_migrants_see_now_are_counted_by_class(content):
    # soon: title, summary, body (Dutch only); gids: title, summary, body. "past" is not seen.
    polish = counts("pl").counts
    assert polish == {
        "human": 2,  # the activity's Polish title and summary
        "machine_reviewed": 1,  # the guide's title
        "machine_unreviewed": 1,  # the guide's summary
        "fallback": 2,  # both bodies
    }
    romanian = counts("ro").counts
    assert romanian == {"human": 0, "machine_reviewed": 0, "machine_unreviewed": 2, "fallback": 4}
    assert counts("pl").share("human") == pytest.approx(2 / 6)


def test_coordinator_downloads_the_coverage_as_safe_csv(content, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("c", "c@example.org", "x" * 16))
    response = client.get(reverse("cms_translation_coverage") + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "municipality",
        "partner",
        "language",
        "human",
        "machine_reviewed",
        "machine_unreviewed",
        "fallback",
        "total",
    ]
    assert ["Neder-Betuwe", "'=Club", "pl", "2", "1", "1", "2", "6"] in rows
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Vertaaldekking" in home  # "Translation coverage" in the admin's Dutch


def test_a_translator_sees_their_queue_size_not_the_coverage(content, client):
    user = get_user_model().objects.create_user("t", "t@example.org", "x" * 16)
    assign_translator(user, "ro")
    client.force_login(user)
    refused = client.get(reverse("cms_translation_coverage"))
    assert (refused.status_code, refused.url) == (302, "/admin/")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # Romanian: the activity (its body), the guide (everything), the club's description.
    assert 'data-queue-size="3"' in home
    assert "Roemeens: 3" in home  # the admin speaks Dutch here


def test_in_a_region_each_municipality_counts_what_it_shows(db):
    """A guide published to both counts in each; a local activity where it is published; each
    municipality's own home page intro in its own row of the site's texts."""
    region(
        activities=[
            factories.activity(
                "club-tiel",
                slug="tiel-only",
                municipalities=["tiel"],
                starts_at=iso(local(days_ahead(2), 19)),
                ends_at=None,
            )
        ],
        guides=[factories.guide("ggd", slug="both", municipalities=["neder-betuwe", "tiel"])],
    )
    home = HomePage.objects.get(pk=Municipality.objects.get(slug="tiel").site.root_page_id)
    home.intro_nl = "Welkom in Tiel."
    home.save_revision().publish()
    ggd, club = (Partner.objects.get(slug=slug).name for slug in ("ggd", "club-tiel"))
    rows = {(row.municipality, row.partner): row.total for row in coverage(["pl"])}
    assert rows[("Neder-Betuwe", ggd)] == rows[("Tiel", ggd)] > 0
    assert ("Tiel", club) in rows
    assert ("Neder-Betuwe", club) not in rows
    # Tiel's home page intro: one text more among Tiel's site texts than Neder-Betuwe's.
    assert rows[("Tiel", "")] == rows[("Neder-Betuwe", "")] + 1
    # The totals count the shared guide once.
    (total,) = per_language(coverage(["pl"], by_municipality=False))
    assert total.total < sum(row.total for row in coverage(["pl"]))
