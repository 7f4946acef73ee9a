"""View restrictions are skipped only where none can apply (cms/view_restrictions.py)."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from cms.models import GuidePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides():
    factories.load(
        partners=[factories.partner(slug="ggd", name="GGD")],
        guides=[factories.guide("ggd", slug="open"), factories.guide("ggd", slug="leden")],
    )
    return GuidePage.objects.get(slug="open"), GuidePage.objects.get(slug="leden")


def password_on(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="leden"
    )


def test_a_page_outside_every_restricted_part_has_none(guides, django_assert_num_queries):
    public, members = guides
    restriction = password_on(members)
    with django_assert_num_queries(1):  # the restricted and aliased paths only
        assert list(public.get_view_restrictions()) == []
    assert list(members.get_view_restrictions()) == [restriction]


def test_a_restriction_on_an_ancestor_holds_below_it(guides):
    public, members = guides
    restriction = password_on(public.get_parent())
    assert list(public.get_view_restrictions()) == [restriction]
    assert list(members.get_view_restrictions()) == [restriction]


def test_an_alias_has_the_restrictions_of_the_page_it_shows(guides):
    public, members = guides
    restriction = password_on(members)
    alias = members.create_alias(parent=public.get_parent().get_parent(), update_slug="alias")
    assert list(alias.specific.get_view_restrictions()) == [restriction]
