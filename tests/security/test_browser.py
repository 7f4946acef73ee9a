"""In a real Chromium: hostile content runs nothing, and no page of ours breaks its own CSP.

The hostile content (``content.py``) is served by the live server; every page
that shows it is opened, and neither a dialog (every payload calls
``alert('XSS')``) nor a CSP violation may happen. The API docs (Swagger UI)
and the Wagtail admin must work under their policies too.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.frontend.browser import PHONE, csp_violations, watch_csp
from tests.frontend.test_browser_journeys import (  # noqa: F401 - fixtures
    _drop_indexes,
    _serve,
    chromium,
    migrated_state_afterwards,
)

from .content import SITE_PAGES, load_hostile_content

PASSWORD = "a-long-enough-password-123"


@pytest.fixture
def hostile_live_site(live_server, django_db_serialized_rollback, settings):
    _serve(settings, load_hostile_content)
    yield live_server.url
    _drop_indexes(settings)


@pytest.fixture
def page(chromium):  # noqa: F811 - the fixture imported above
    context = watch_csp(chromium.new_context(locale="pl-PL", **PHONE))
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    page.goto("about:blank")  # no request of the page may outlive the test
    context.close()


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    # Give focus, hover and toggle handlers (autofocus onfocus=, ontoggle=) their chance.
    page.mouse.move(100, 200)
    page.keyboard.press("Tab")
    assert page.dialogs == [], f"{url}: a payload ran: {page.dialogs}"
    assert csp_violations(page) == [], f"{url}: {csp_violations(page)}"


def test_hostile_content_runs_nothing_and_the_site_keeps_its_csp(hostile_live_site, page):
    for lang in ("nl", "pl"):
        for template in SITE_PAGES:
            visit(page, hostile_live_site + template.format(lang=lang))
    visit(page, f"{hostile_live_site}/nl/zoeken/?q=%3Cscript%3Ealert('XSS')%3C/script%3E")
    # The language switcher and the FAQ are <details>: opening them runs nothing either.
    page.locator(".switcher summary").click()
    assert page.dialogs == []
    # The watch is live: an inline script added now is blocked, and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'alert(1)'; document.body.append(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.dialogs == []
    assert "script-src-elem blocked inline" in csp_violations(page)[0]


def test_api_docs_render_under_their_policy(live_server, django_db_serialized_rollback, page):
    visit(page, f"{live_server.url}/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 13
    assert csp_violations(page) == []


def test_admin_works_under_its_policy(live_server, django_db_serialized_rollback, page):
    get_user_model().objects.create_superuser("csp-admin", "c@example.org", PASSWORD)
    visit(page, f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("csp-admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    visit(page, f"{live_server.url}/admin/pages/")
    visit(page, f"{live_server.url}/admin/images/")
