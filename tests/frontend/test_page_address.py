"""Pages found by their address (cms.page_address) are the pages Wagtail's walk finds.

The site looks a page up by its ``url_path`` in one query instead of walking down
the tree; these tests hold the two to the same answer for every address of every
page, on one municipality's site and in a region (where a shared page answers
under another municipality's section and leaves a site it is taken off), and
after the changes that move an address: a rename, a move, unpublishing.
"""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.models import Page, Site

from cms.models import ActivityPage, GuidePage
from cms.municipalities.models import Municipality
from cms.page_address import route_by_address

from .test_regional_reach import NB_HOST, TIEL_HOST, two  # noqa: F401  (the region fixture)

pytestmark = pytest.mark.django_db


def walked(host: str, path: str) -> Page | None:
    """The page Wagtail's own walk from the site's root finds, or None for a 404."""
    request = RequestFactory().get(f"/pl/{path}", HTTP_HOST=host)
    site = Site.find_for_request(request)
    components = [c for c in path.split("/") if c]
    try:
        return site.root_page.specific.route(request, components).page
    except Http404:
        return None


def by_address(host: str, path: str) -> Page | None:
    found = route_by_address(RequestFactory().get(f"/pl/{path}", HTTP_HOST=host), path)
    return None if found is None else found.page


def addresses(site: Site) -> list[str]:
    """Every page's address below the site's root, and a few that are no page."""
    root = site.root_page
    below = Page.objects.descendant_of(root).exclude(pk=root.pk)
    return [page.url_path.removeprefix(root.url_path) for page in below] + [
        "nothing-here/",
        "activiteiten/nothing-here/",
        "wegwijzers/nothing/here/",
    ]


def assert_same_pages(host: str) -> int:
    request = RequestFactory().get("/", HTTP_HOST=host)
    agreed = 0
    for path in addresses(Site.find_for_request(request)):
        found = by_address(host, path)
        if found is not None:
            # Found by address: exactly the walk's page, in its own type.
            assert found == walked(host, path), path
            assert type(found) is type(walked(host, path)), path
            agreed += 1
    return agreed


def test_every_page_of_a_site_is_the_one_the_walk_finds(content):
    host = Site.objects.get(is_default_site=True).hostname
    assert assert_same_pages(host) >= 8  # sections, activities, guides, the plan
    assert by_address(host, "activiteiten/gemengd-voetbal/").slug == "gemengd-voetbal"
    assert by_address(host, "activiteiten/gemengd-voetbal/extra/") is None


def test_in_a_region_each_site_answers_as_the_walk_does(two):  # noqa: F811
    assert assert_same_pages(NB_HOST) >= 6
    assert assert_same_pages(TIEL_HOST) >= 3
    # A shared page under Neder-Betuwe's section is not Tiel's address: the walk
    # (the section's own route) serves it there.
    assert by_address(TIEL_HOST, "wegwijzers/huisarts/") is None
    assert walked(TIEL_HOST, "wegwijzers/huisarts/").slug == "huisarts"
    assert Client(HTTP_HOST=TIEL_HOST).get("/pl/wegwijzers/huisarts/").status_code == 200


def test_a_page_taken_off_its_home_municipality_is_not_found_there_by_address(two):  # noqa: F811
    tiel = Municipality.objects.get(slug="tiel")
    page = GuidePage.objects.get(slug="huisarts")
    assert by_address(NB_HOST, "wegwijzers/huisarts/") == page
    page.municipalities.set([tiel])
    page.save()
    assert by_address(NB_HOST, "wegwijzers/huisarts/") is None
    assert walked(NB_HOST, "wegwijzers/huisarts/") is None


def test_a_renamed_moved_or_unpublished_page_answers_where_the_walk_says(content):
    host = Site.objects.get(is_default_site=True).hostname
    client = Client(HTTP_HOST=host)
    page = ActivityPage.objects.get(slug="gemengd-voetbal")
    page.slug = "gemengd-voetbal-2027"
    page.save_revision().publish()
    assert by_address(host, "activiteiten/gemengd-voetbal/") is None
    assert client.get("/pl/activiteiten/gemengd-voetbal/").status_code == 404
    assert by_address(host, "activiteiten/gemengd-voetbal-2027/") == page
    assert client.get("/pl/activiteiten/gemengd-voetbal-2027/").status_code == 200

    page.refresh_from_db()
    page.unpublish()
    assert by_address(host, "activiteiten/gemengd-voetbal-2027/") is None
    assert walked(host, "activiteiten/gemengd-voetbal-2027/") is None
    assert client.get("/pl/activiteiten/gemengd-voetbal-2027/").status_code == 404

    guide = GuidePage.objects.get(slug="de-huisarts")
    plan = Page.objects.get(url_path__endswith="/beleidsplan/")
    guide.move(plan, pos="last-child")
    assert by_address(host, "wegwijzers/de-huisarts/") is None
    assert by_address(host, "beleidsplan/de-huisarts/") == guide
    assert by_address(host, "beleidsplan/de-huisarts/") == walked(host, "beleidsplan/de-huisarts/")
