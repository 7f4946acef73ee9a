"""The demo municipality loads through import_content and shows what the platform is for."""

from collections import Counter

import pytest
from django.core.management import call_command

from cms.models import ActivityPage, BuildingBlock, Category, GuidePage, Partner, PolicyAction

REAL_LANGUAGES = ("nl", "en", "pl", "ro", "bg")


@pytest.fixture
def demo(db):
    # Loaded per test inside its transaction, so nothing leaks into other tests.
    call_command("load_demo")


@pytest.mark.django_db
def test_partners_of_every_kind_the_platform_needs(demo):
    types = Counter(Partner.objects.values_list("type", flat=True))
    assert Partner.objects.count() >= 8
    for kind in ("ggd", "library", "school", "migrant_organisation", "municipality"):
        assert types[kind] >= 1, kind
    assert types["sports_club"] >= 2


@pytest.mark.django_db
def test_activities_cover_every_category_with_recurring_and_mixed_teams(demo):
    live = ActivityPage.objects.live()
    assert live.count() >= 30
    covered = set(live.values_list("category__slug", flat=True))
    assert covered == set(Category.objects.values_list("slug", flat=True))
    assert live.exclude(recurrence="").count() >= 10
    assert live.exclude(team_sport="").count() >= 3


@pytest.mark.django_db
def test_guides_and_policy_plan_in_all_five_blocks(demo):
    assert GuidePage.objects.live().count() >= 6
    blocks_with_actions = set(PolicyAction.objects.values_list("building_block__slug", flat=True))
    assert blocks_with_actions == set(BuildingBlock.objects.values_list("slug", flat=True))
    assert len(blocks_with_actions) == 5


@pytest.mark.django_db
def test_real_translations_in_five_languages_and_fallbacks_elsewhere(demo):
    for page in [*ActivityPage.objects.all(), *GuidePage.objects.all()]:
        for code in REAL_LANGUAGES:
            assert getattr(page, f"title_{code}"), (page.slug, code)
            assert getattr(page, f"summary_{code}"), (page.slug, code)
        # Not a copy of the Dutch text dressed up as a translation.
        assert page.title_pl != page.title_nl
    missing_latvian = ActivityPage.objects.filter(title_lv="").count()
    assert 0 < missing_latvian < ActivityPage.objects.count()


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing(demo):
    before = (ActivityPage.objects.count(), Partner.objects.count(), PolicyAction.objects.count())
    call_command("load_demo")
    assert (
        ActivityPage.objects.count(),
        Partner.objects.count(),
        PolicyAction.objects.count(),
    ) == before


def test_a_language_cafe_and_a_nearly_full_team_take_sign_ups_and_buddies_wait(demo):
    from cms.models import BuddyOffer, BuddyRequest, Signup
    from cms.taking_part.places import open_team_spots

    cafe = ActivityPage.objects.get(slug="taalcafe-ochten")
    team = ActivityPage.objects.get(slug="gemengd-voetbalteam-vv-ochten")
    assert cafe.registration == team.registration == "wegwijs"
    assert Signup.objects.filter(signup_list__activity=cafe, status="confirmed").count() == 3
    assert open_team_spots(team) == 1
    assert BuddyOffer.objects.filter(project__partner__slug="taalmaatjes-betuwe").count() == 3
    assert BuddyRequest.objects.filter(status="waiting").count() == 4
    call_command("load_demo")
    assert Signup.objects.count() == 8 and BuddyRequest.objects.count() == 4
