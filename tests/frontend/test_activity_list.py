"""The activity list's filters go through the API's activity query builder."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from cms.models import Category
from frontend_templates import activities
from public.activities import date_window

AMS = ZoneInfo("Europe/Amsterdam")


def listed(site, **params) -> list[str]:
    return listed_in(site.html("/pl/activiteiten/", **params))


def listed_in(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/pl/activiteiten/([\w-]+)/"', html)


def day(days_ahead: int) -> str:
    return (datetime.now(AMS).date() + timedelta(days=days_ahead)).isoformat()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "sport"}, {"gemengd-voetbal"}),
        ({"category": "language"}, {"taalcafe-kesteren"}),
        ({"free": "on"}, {"taalcafe-kesteren", "ggd-spreekuur"}),
        ({"mixed_team": "on"}, {"gemengd-voetbal"}),
        ({"offered_language": "ro"}, {"gemengd-voetbal", "taalcafe-kesteren"}),
        ({"offered_language": "bg"}, {"ggd-spreekuur"}),
        ({"place": "ochten"}, {"gemengd-voetbal"}),
        ({"place": "kesteren"}, {"taalcafe-kesteren", "ggd-spreekuur"}),
        (
            {"place": "near", "near": "51.935,5.569", "radius": "2"},
            {"taalcafe-kesteren", "ggd-spreekuur"},
        ),
        (
            {"place": "near", "near": "51.935,5.569", "radius": "5"},
            {"taalcafe-kesteren", "ggd-spreekuur", "gemengd-voetbal"},
        ),
        ({"date": day(40)}, {"taalcafe-kesteren"}),
        ({"date": day(2)}, {"gemengd-voetbal"}),
        ({"when": "month", "category": "language"}, set()),
        ({"category": "sport", "free": "on"}, set()),
    ],
)
def test_filters(site, content, params, expected):
    assert set(listed(site, **params)) == expected


def test_without_filters_soonest_first(site, content):
    slugs = listed(site)
    assert slugs.index("gemengd-voetbal") < slugs.index("taalcafe-kesteren")


def test_near_me_without_a_position_asks_for_one_and_still_lists(site, content):
    html = site.html("/pl/activiteiten/", place="near")
    assert 'class="error" role="alert"' in html
    assert "gemengd-voetbal" in html


@pytest.mark.parametrize(
    ("params", "status"),
    [
        # Values no form of ours sends: the same page, answered 400 (the request's fault).
        ({"category": "no-such-category"}, 400),
        ({"near": "999,999", "place": "near"}, 400),
        ({"date": "yesterday"}, 400),
        ({"when": "someday"}, 400),
        ({"radius": "-3", "place": "near", "near": "51.9,5.5"}, 400),
        ({"date": "9999-12-31"}, 400),
        ({"date": "0001-01-01"}, 400),
        ({"date": "1000-01-01", "when": "week"}, 400),
        # A page past the last shows the last one.
        ({"page": "9999"}, 200),
    ],
)
def test_bad_parameters_never_break_the_page(site, content, params, status):
    response = site.get("/pl/activiteiten/", **params)
    assert response.status_code == status
    assert '<form class="filters"' in response.content.decode()


def test_a_day_outside_our_years_is_named_as_invalid_and_the_list_still_shows(site, content):
    html = site.html("/pl/activiteiten/", status=400, date="9999-12-31")
    date_field = html[html.index('name="date"') : html.index('name="place"')]
    assert 'class="error" role="alert"' in date_field
    assert "gemengd-voetbal" in html


def test_a_day_already_past_is_left_out_with_a_message_and_the_list_runs_from_now(site, content):
    html = site.html("/pl/activiteiten/", date=day(-3))
    assert "Niektórych filtrów nie dało się użyć i zostały pominięte." in html
    assert {"gemengd-voetbal", "taalcafe-kesteren"} <= set(listed_in(html))


def test_form_answers_checked_once_are_checked_again_after_a_new_category(site, content):
    """The form offers it, in the visitor's language, and the list filters on it in the
    very next GET (the form's fields are made once per content version and language)."""
    assert site.get("/pl/activiteiten/", category="muziek").status_code == 400
    assert 'value="muziek"' not in site.html("/nl/activiteiten/")
    Category.objects.create(slug="muziek", name_nl="Muziek", name_pl="Muzyka")
    html = site.html("/pl/activiteiten/", category="muziek")
    assert listed_in(html) == []
    assert "Niektórych filtrów" not in html
    assert '<option value="muziek" selected>Muzyka</option>' in html
    assert '<option value="muziek">Muziek</option>' in site.html("/nl/activiteiten/")


def test_subscribe_link_carries_the_filters_and_the_language(site, content):
    html = site.html("/pl/activiteiten/", category="sport", place="ochten", when="week")
    feed = (
        re.search(r'href="(/api/v1/activities\.ics\?[^"]+)"', html).group(1).replace("&amp;", "&")
    )
    assert "category=sport" in feed and "lang=pl" in feed and "near=" in feed
    assert "starts_after" not in feed  # a subscription keeps every date
    assert re.search(r'href="webcal://127\.0\.0\.1:8000/api/v1/activities\.ics\?', html)
    calendar = site.get(feed)
    assert calendar.status_code == 200
    text = calendar.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert "Piłka nożna razem" in text


def test_the_form_works_without_javascript(site, content):
    """A plain GET form; the script only adds the "use my location" button."""
    html = site.html("/pl/activiteiten/")
    form = html[html.index('<form class="filters"') : html.index("</form>")]
    assert 'method="get"' in form
    assert 'type="submit"' in form
    assert "data-near-me hidden" in form


def test_weekend_window_runs_from_saturday_to_monday():
    friday = datetime(2026, 11, 27, 12, 0, tzinfo=AMS)
    after, before = date_window("weekend", None, friday)
    assert (after.date().isoformat(), before.date().isoformat()) == ("2026-11-28", "2026-11-30")
    sunday = datetime(2026, 11, 29, 12, 0, tzinfo=AMS)
    after, before = date_window("weekend", None, sunday)
    assert after == sunday and before.date().isoformat() == "2026-11-30"


def test_week_window_ends_on_sunday_night():
    wednesday = datetime(2026, 11, 25, 9, 0, tzinfo=AMS)
    after, before = date_window("week", None, wednesday)
    assert after == wednesday and before == datetime(2026, 11, 30, tzinfo=AMS)


def _count_and_pager(html: str) -> tuple[str, str]:
    count = re.search(r'<h2 class="count"[^>]*>(.*?)</h2>', html).group(1)
    pager = re.search(r'<nav class="pager".*?</nav>', html, re.S)
    return count, re.sub(r"\s+", " ", pager.group(0)) if pager else ""


def test_a_long_list_says_more_than_and_every_activity_is_still_a_page_away(
    site, content, monkeypatch
):
    """Counting stops past ``COUNTED_UP_TO`` (an exact count reads every match); the list
    says "more than", pages on without a last page, and the last pages count exactly."""
    everything = listed(site)
    assert len(everything) >= 3
    monkeypatch.setattr(activities, "PAGE_SIZE", 1)
    monkeypatch.setattr(activities, "COUNTED_UP_TO", 1)

    count, pager = _count_and_pager(site.html("/pl/activiteiten/"))
    assert count == "Znalezione wydarzenia: ponad 1"
    assert "Strona 1<" in pager and 'rel="next"' in pager and " z " not in pager

    seen = []
    for number in range(1, len(everything) + 1):
        html = site.html("/pl/activiteiten/", page=str(number))
        seen += listed_in(html)
        count, pager = _count_and_pager(html)
    # The last page: its number is counted to the end, so it knows it is the last.
    assert count == f"Znalezione wydarzenia: {len(everything)}"
    assert f"Strona {len(everything)} z {len(everything)}" in pager and 'rel="next"' not in pager
    assert seen == everything
