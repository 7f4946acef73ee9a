"""A club volunteer on a phone: the activity form is short, and a weekly training takes ≤ 12 clicks.

Chromium at 390×844 (a common phone), the admin in Dutch, logged in as the
editor of a football club. Clicks are counted by the test's own helpers: a
click, a tick or a choice from a list is one click each; typing into a field
is not a click.
"""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from cms.models import ActivityPage, Category, Partner, Venue
from tests import factories
from tests.cms.conftest import make_member
from tests.frontend.browser import CHROMIUM, CHROMIUM_ARGS, require_tools

VENUE = "Sportpark De Eng, Sportlaan 1, Ochten"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
MAX_CLICKS = 12
# "About two phone screens": the fields a volunteer sees before opening anything.
MAX_VISIBLE_CONTROLS = 14
MAX_SCREENS = 2.3


def _weekly_tuesdays() -> tuple[date, date, list[date]]:
    """Six Tuesdays from the first one at least a week ahead, the third one skipped.

    Relative to today: the API lists only dates still to come, so fixed dates
    would start failing the day after the first of them.
    """
    week_ahead = date.today() + timedelta(days=7)
    first = week_ahead + timedelta(days=(1 - week_ahead.weekday()) % 7)
    tuesdays = [first + timedelta(weeks=n) for n in range(6)]
    return tuesdays[2], tuesdays[-1], [day for day in tuesdays if day != tuesdays[2]]


@pytest.fixture
def club(live_server, django_db_serialized_rollback, settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = f"wegwijs-test-{uuid.uuid4().hex[:12]}"
    settings.LANGUAGE_CODE = "nl"
    factories.load(partners=[factories.partner(slug="vv-ochten", name="VV Ochten")])
    club = Partner.objects.get(slug="vv-ochten")
    Venue.objects.create(
        name="Sportpark De Eng", address="Sportlaan 1, Ochten", village="ochten", partner=club
    )
    editor = make_member("editor", "vv-ochten", email="trainer@vvochten.example")
    yield live_server.url, editor


@pytest.fixture
def phone(club):
    require_tools()
    from playwright.sync_api import sync_playwright

    url, editor = club
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE, locale="nl-NL")
        context.add_cookies([{"name": "sessionid", "value": session, "url": url}])
        page = context.new_page()
        yield url, page
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Clicks:
    """Every click, tick and choice the volunteer makes, counted."""

    def __init__(self) -> None:
        self.count = 0

    def click(self, locator) -> None:
        # A tap, as on a phone: the browser aims the whole tap at what was touched.
        # A mouse click is aimed again on release, and the field left behind
        # (its change, its date picker) moves the page in between.
        self.count += 1
        locator.tap()

    def check(self, locator) -> None:
        # Tapped too, for the same reason: a mouse click on the repeat choice while
        # the date picker above it closes landed beside it and chose nothing (CI).
        self.count += 1
        if not locator.is_checked():
            locator.tap()
        expect(locator).to_be_checked()

    def choose(self, locator, **option) -> None:
        self.count += 1
        locator.select_option(**option)

    def type_into(self, locator, text: str) -> None:
        # The tap into a field counts too: on a phone nothing is typed without it.
        # It also closes the date picker a field before left open.
        self.count += 1
        locator.fill(text)


# The fields a volunteer fills in: inputs, lists and text areas of the form.
# Not counted: the admin's own chrome (header toggles, a section's open/close,
# the comment button beside each field, the action menu).
VISIBLE_FIELDS = """
() => [...document.querySelectorAll(
    "form[data-edit-form] input, form[data-edit-form] select, form[data-edit-form] textarea, " +
    "form[data-edit-form] [contenteditable=true]"
  )].filter((el) => el.type !== "hidden" && el.checkVisibility({checkVisibilityCSS: true}))
  .map((el) => el.name || el.id || el.getAttribute("aria-label") || el.textContent.trim())
"""


def _add_form(url: str, page) -> None:
    page.goto(f"{url}/admin/")
    page.get_by_role("link", name="Activiteit toevoegen").click()
    page.wait_for_selector("[name='title_nl']")
    page.wait_for_load_state("networkidle")


def test_the_add_form_fits_on_about_two_phone_screens(phone):
    url, page = phone
    _add_form(url, page)
    visible = page.evaluate(VISIBLE_FIELDS)
    assert len(visible) <= MAX_VISIBLE_CONTROLS, " | ".join(visible)
    # One language per screen: no other language's inputs in sight.
    assert not [name for name in visible if name.endswith(("_en", "_pl", "_uk"))], visible
    # The optional sections are closed; what every activity needs is there.
    assert "training_times_nl" not in visible and "registration_url" not in visible
    for needed in ("title_nl", "summary_nl", "starts_at", "venue", "category"):
        assert needed in visible, needed
    # The form itself (its first tab), below the admin's header and above its action bar.
    height = page.evaluate(
        "document.querySelector('[role=tabpanel]:not([hidden])').getBoundingClientRect().height"
    )
    assert height <= MAX_SCREENS * PHONE["viewport"]["height"], height


# The days of the dates in the "Next dates" panel once no answer is on its way.
DATES_SHOWN = """() => [...document.querySelectorAll("[data-next-dates]:not([aria-busy]) time")]
    .map((t) => t.getAttribute("datetime").slice(0, 10)).join()"""


def _wait_for_next_dates(page, expected: str) -> None:
    try:
        page.wait_for_function(f"() => ({DATES_SHOWN})() === '{expected}'")
    except PlaywrightTimeout:
        # What the volunteer saw instead, so a failure on CI says why.
        beside = page.locator("[data-next-dates]").first
        raise AssertionError(
            f"next dates {page.evaluate(DATES_SHOWN)!r} (wanted {expected!r}); "
            f"beside the form: {beside.inner_text() if beside.count() else 'nothing'!r}; "
            f"today {date.today()}"
        ) from None


def _repeat_weekly_on_tuesdays(page, clicks: Clicks, until: date, skipped: date) -> None:
    clicks.check(page.locator("input[name='repeat'][value='weekly']"))
    clicks.check(page.locator("input[name='repeat_weekdays'][value='1']"))
    clicks.type_into(page.locator("[name='repeat_until']"), until.isoformat())
    page.keyboard.press("Escape")
    clicks.type_into(page.locator("[name='repeat_skip']"), skipped.strftime("%d-%m-%Y"))


# Counts the answers the page has read (``Response.text``), so the test knows when
# the panel's script has had an answer in hand, whether it showed it or not.
COUNT_ANSWERS_READ = """
(() => {
  const text = Response.prototype.text;
  window.answersRead = 0;
  Response.prototype.text = function () {
    return text.call(this).then((body) => { window.answersRead += 1; return body; });
  };
})();
"""


def test_an_answer_to_an_older_change_never_replaces_the_next_dates_of_a_newer_one(phone):
    """On a slow line the preview's answers can cross. The answer to the first date
    alone, held back until the weekly dates are shown, must not bring it back."""
    url, page = phone
    skipped, last, weekly = _weekly_tuesdays()
    expected = ",".join(day.isoformat() for day in weekly)
    held = []

    def answer_the_first_question_last(route) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)

    page.add_init_script(COUNT_ANSWERS_READ)
    page.route(f"**{reverse('cms_recurrence_preview')}", answer_the_first_question_last)
    _add_form(url, page)
    with page.expect_request(lambda request: request.method == "POST"):
        page.locator("[name='starts_at']").fill(f"{weekly[0].isoformat()} 19:00")
        page.keyboard.press("Escape")
        page.locator("[name='title_nl']").focus()
    _repeat_weekly_on_tuesdays(page, Clicks(), last, skipped)
    page.locator("[name='title_nl']").focus()  # leaving the skipped date is its change
    _wait_for_next_dates(page, expected)

    read = page.evaluate("window.answersRead")
    held[0].continue_()  # the first question's answer: one date, no repetition
    page.wait_for_function(f"window.answersRead > {read}")
    assert page.evaluate(DATES_SHOWN) == expected


def test_a_weekly_training_with_an_end_and_a_skipped_date_in_twelve_clicks(phone, client):
    url, page = phone
    clicks = Clicks()
    skipped, last, weekly = _weekly_tuesdays()
    first = weekly[0].isoformat()
    expected = ",".join(day.isoformat() for day in weekly)

    page.goto(f"{url}/admin/")
    clicks.click(page.get_by_role("link", name="Activiteit toevoegen"))
    clicks.type_into(page.locator("[name='title_nl']"), "Gemengde training")
    clicks.type_into(
        page.locator("[name='summary_nl']"), "Elke dinsdag samen voetballen, iedereen welkom."
    )
    clicks.type_into(page.locator("[name='starts_at']"), f"{first} 19:00")
    clicks.type_into(page.locator("[name='ends_at']"), f"{first} 20:30")
    page.keyboard.press("Escape")
    _repeat_weekly_on_tuesdays(page, clicks, last, skipped)
    clicks.choose(
        page.locator("select[name='venue']"), label="Sportpark De Eng, Sportlaan 1, Ochten"
    )
    clicks.choose(
        page.locator("select[name='category']"),
        value=str(Category.objects.get(slug="sport").pk),
    )
    # The next dates beside the form follow the skipped date before the volunteer
    # publishes (and the form stops moving under the finger).
    _wait_for_next_dates(page, expected)
    publish = page.locator("footer button[name='action-publish']").first
    assert publish.is_visible(), "Publish is not the main button"
    # Pressed once, from the keyboard: the last date's calendar can stay open over
    # the button (a person taps it away first; that tap is not what is counted).
    clicks.count += 1
    publish.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Still on the add form: the form said why (shown in the failure).
    problems = page.locator(".error-message, .messages").all_inner_texts()
    assert "/add/" not in page.url, problems
    assert "Gepubliceerd" in page.locator(".messages").inner_text()

    assert clicks.count <= MAX_CLICKS, clicks.count
    activity = ActivityPage.objects.get(title_nl="Gemengde training")
    assert activity.live and activity.venue.name == "Sportpark De Eng"
    answer = client.get(f"/api/v1/activities/{activity.slug}").json()
    dates = [item["starts_at"][:10] for item in answer["next_occurrences"]]
    assert ",".join(dates) == expected
    assert answer["location"]["name"] == "Sportpark De Eng"
    assert date.fromisoformat(dates[-1]).weekday() == 1
