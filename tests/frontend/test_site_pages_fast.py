"""The site's pages stay the same while doing less: queries pinned, fast HTML byte-identical.

bench/ measures the site's pages against plain Wagtail pages (#19 point 4);
these tests hold what made them cheaper: a fixed number of queries per page
whatever the list's size, and the filter form's drop-downs and labels written
out in Python exactly as Django's templates write them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django import forms
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils.safestring import mark_safe
from django.utils.translation import override

from cms.models import Category
from frontend_templates.activities import ActivityFilterForm
from frontend_templates.select_rendering import FastSelectRenderer
from public.activity_query_values import WINDOW_PLANNER

pytestmark = pytest.mark.django_db

DJANGO = DjangoTemplates()
FAST = FastSelectRenderer()


def rendered(form: forms.Form, renderer) -> list[str]:
    """Every field's widget, label and label tag, as the list page's template asks for them."""
    form.renderer = renderer
    return [
        part
        for field in form
        for part in (str(field), str(field.label_tag()), str(field.label_tag(attrs={"x": True})))
    ]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "category=sport&when=week",
        "place=near&near=51.93,5.62&radius=10&offered_language=pl&free=on&mixed_team=on",
        "category=<script>&date=9999-12-31&place=near",
        "when=month&date=2026-12-12&radius=25",
    ],
)
def test_filter_form_html_is_djangos_byte_for_byte(query):
    categories = [
        Category(slug="sport", name_nl="Sport", name_pl="Sport"),
        Category(slug="a&b", name_nl='"Taal" & <meer>', name_pl=""),
    ]
    for language in ("pl", "ar", "nl"):
        with override(language):
            fast = rendered(ActivityFilterForm(QueryDict(query), language, categories), FAST)
            django = rendered(ActivityFilterForm(QueryDict(query), language, categories), DJANGO)
        assert fast == django
    assert any(
        '<option value="a&amp;b">&quot;Taal&quot; &amp; &lt;meer&gt;</option>' in p for p in fast
    )


def test_select_with_groups_safe_labels_and_boolean_attributes_is_djangos():
    class Form(forms.Form):
        choice = forms.ChoiceField(
            choices=[
                ("", "—"),
                ("Group <1>", [("a", "A & B"), ("b", mark_safe("<b>bold</b>"))]),
                ("c", 3),
            ],
            widget=forms.Select(attrs={"required": True, "disabled": False, "data-x": "1 < 2"}),
        )

    for data in ({}, {"choice": "b"}, {"choice": "c"}):
        assert rendered(Form(data), FAST) == rendered(Form(data), DJANGO)
    assert "<optgroup" in rendered(Form({}), FAST)[0]


def test_inputs_with_quotes_empty_values_and_boolean_attributes_are_djangos():
    class Form(forms.Form):
        text = forms.CharField(
            widget=forms.TextInput(attrs={"placeholder": 'say "hi" & <go>', "x": True, "y": False})
        )
        hidden = forms.CharField(widget=forms.HiddenInput)
        day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        ticked = forms.BooleanField(required=False)

    for data in ({}, {"text": '"a" & <b>', "hidden": "", "day": "2026-12-06", "ticked": "on"}):
        assert rendered(Form(data), FAST) == rendered(Form(data), DJANGO)
    fast = rendered(Form({"text": '"a" & <b>', "ticked": "on"}), FAST)
    assert any('value="&quot;a&quot; &amp; &lt;b&gt;"' in part for part in fast)
    assert '<input type="checkbox" name="ticked" id="id_ticked" checked>' in fast


# Queries of each page, computed afresh (the response cache off). Before the cards read
# rows instead of page objects: home 7, list 11, partner 6 (the co-organisers' prefetch).
# Before pages were found by their address (cms.page_address) rather than by Wagtail's
# walk down the tree (two wide queries per level): list 10, detail 12, guide 11, plan 10;
# and before view restrictions were looked up only where there can be one
# (cms.view_restrictions: one query here, none in a public read, where it is
# remembered): one more each.
PAGES = {
    "/pl/": 5,
    "/pl/activiteiten/?category=sport": 8,
    "/pl/activiteiten/gemengd-voetbal/": 8,
    "/pl/wegwijzers/de-huisarts/": 7,
    "/pl/beleidsplan/": 8,
    "/pl/partners/vv-ochten/": 5,
}


@override_settings(RESPONSE_CACHE=False)
@pytest.mark.parametrize(("path", "queries"), PAGES.items())
def test_site_page_queries_are_pinned(site, content, path, queries):
    site.get(path)  # warm-up: Wagtail's and our per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = site.get(path, accept_language="pl")
    assert response.status_code == 200
    assert len(captured) == queries, "\n".join(q["sql"][:200] for q in captured)


@override_settings(RESPONSE_CACHE=False)
@pytest.mark.parametrize(
    ("path", "walked"),
    [
        ("/pl/", True),  # the week ahead
        ("/pl/activiteiten/?category=sport", True),  # from now on
        ("/pl/activiteiten/?when=month&free=on", True),
        ("/pl/partners/vv-ochten/", False),  # one partner's: hashed, as the server plans it
    ],
)
def test_a_date_windows_cards_are_read_by_walking_the_occurrences(
    site, content, path, walked, monkeypatch
):
    """public.activity_query_values.WINDOW_PLANNER holds for the page's cards only:
    PostgreSQL may not hash a window's occurrences, except for one partner's few.

    The settings are seen where they are handed to the statement: a statement
    kept prepared gets them in a pipeline of its own, which Django does not log
    (tests/public/test_prepared_query.py shows they hold for it only)."""
    from public import prepared_query

    planned = []
    fetch = prepared_query._fetch

    def seen(cursor, sql, params, planner):
        if "window_occurrence" in sql:
            planned.append(planner)
        return fetch(cursor, sql, params, planner)

    site.get(path)  # compiles the shape
    monkeypatch.setattr(prepared_query, "_fetch", seen)
    assert site.get(path).status_code == 200
    assert len(planned) == 1
    assert (planned[0] == WINDOW_PLANNER) is walked
    assert walked or planned[0] is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_hashjoin')")
        assert cursor.fetchone() == ("on",)


@override_settings(RESPONSE_CACHE=False)
def test_list_queries_do_not_grow_with_the_activities_shown(site, content):
    counts = {}
    for query in ("category=sport", "free=on"):
        site.get(f"/pl/activiteiten/?{query}")
        with CaptureQueriesContext(connection) as captured:
            html = site.html(f"/pl/activiteiten/?{query}")
        counts[query] = (len(captured), html.count('<li class="card">'))
    assert counts["category=sport"][1] == 1
    assert counts["free=on"][1] == 2
    assert counts["category=sport"][0] == counts["free=on"][0] + 1  # the category's slug check


def _window(days_from: int, days_to: int) -> dict[str, str]:
    from django.utils import timezone

    today = timezone.now().replace(microsecond=0)
    return {
        "starts_after": (today + timedelta(days=days_from)).isoformat(),
        "starts_before": (today + timedelta(days=days_to)).isoformat(),
    }


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"category": "sport"},
        _window(0, 7),
        _window(0, 400),
        {**_window(3, 60), "free": "true"},
        {**_window(0, 30), "near": "51.9666,5.5583", "radius_km": "10"},
    ],
)
def test_the_site_lists_count_is_the_number_of_activities_it_lists(site, content, query):
    """The page count and "N activities" come from counted, not from the rows."""
    from django.utils import timezone

    from public.activities import counted, parse_activity_filter, upcoming

    now = timezone.now()
    wanted = parse_activity_filter(query)
    listed = list(upcoming(wanted, now, "pl"))
    assert counted(wanted, now).count() == len(listed) > 0


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"category": "sport"},
        {"partner": "vv-ochten"},
        _window(0, 7),
        {**_window(3, 60), "free": "true"},
        {**_window(0, 30), "near": "51.9666,5.5583", "radius_km": "10"},
    ],
)
def test_the_sites_cards_from_compiled_sql_are_the_built_querys_rows(site, content, query):
    """public/upcoming_rows.py: every slice of the site's list, read through SQL compiled
    once per shape, is the slice of the built query, row for row; its count is the built
    query's; and no shape falls back to building its query on every request."""
    from django.utils import timezone

    from public import prepared_query
    from public.activities import counted, parse_activity_filter, upcoming
    from public.upcoming_rows import count_up_to, upcoming_rows

    prepared_query.forget_shapes()
    now = timezone.now()
    wanted = parse_activity_filter(query)
    built = list(upcoming(wanted, now, "pl"))
    assert built
    for offset in range(len(built) + 1):
        assert upcoming_rows(wanted, now, "pl", offset, 1) == built[offset : offset + 1]
        assert upcoming_rows(wanted, now, "pl", offset, 1) == built[offset : offset + 1]
    assert upcoming_rows(wanted, now, "pl", 0, 20) == built[:20]
    for up_to in (0, 1, len(built) - 1, len(built), 500):
        expected = min(len(built), up_to + 1)
        in_sql = counted(wanted, now)[: up_to + 1].count()
        assert count_up_to(wanted, now, up_to) == in_sql == expected
    assert all(
        isinstance(shape, prepared_query.PreparedRows) for shape in prepared_query._shapes.values()
    )


LANGUAGE_LOOPS = (
    "{% load wegwijs %}{% languages as language_choices %}"
    '{% for choice in language_choices %}<link rel="alternate" hreflang="{{ choice.code }}" '
    'href="{% absolute choice.url %}">\n{% endfor %}'
    "|{% for choice in language_choices %}\n"
    '<li><a href="{{ choice.url }}" hreflang="{{ choice.code }}" lang="{{ choice.code }}"'
    '{% if choice.active %} aria-current="true"{% endif %}>{{ choice.native_name }}</a></li>'
    "{% endfor %}"
)
LANGUAGE_TAGS = (
    "{% load wegwijs %}{% languages as language_choices %}"
    "{% language_alternates language_choices %}|{% language_items language_choices %}"
)


@pytest.mark.parametrize(
    "path", ["/pl/", "/nl/activiteiten/?category=a%26b&q=%22x%22<y>", "/bg/wegwijzers/de-huisarts/"]
)
def test_language_links_are_the_template_loops_byte_for_byte(rf, path):
    from django.template import Context, Template

    request = rf.get(path, HTTP_HOST="localhost")
    for language in ("pl", "nl", "bg"):
        with override(language):
            loops = Template(LANGUAGE_LOOPS).render(Context({"request": request}))
            tags = Template(LANGUAGE_TAGS).render(Context({"request": request}))
        assert tags == loops
    assert loops.count('<link rel="alternate"') == loops.count("<li>") == 13
    assert 'aria-current="true"' in loops


def test_the_remembered_language_links_follow_the_language_setting(rf, settings):
    # The links are made once per address and language: a changed LANGUAGES (a
    # new language offered, one withdrawn) must still show at once.
    from django.template import Context, Template

    request = rf.get("/pl/", HTTP_HOST="localhost")
    with override("pl"):
        before = Template(LANGUAGE_TAGS).render(Context({"request": request}))
        settings.LANGUAGES = [entry for entry in settings.LANGUAGES if entry[0] != "uk"]
        after = Template(LANGUAGE_TAGS).render(Context({"request": request}))
    assert 'hreflang="uk"' in before
    assert 'hreflang="uk"' not in after
    assert after.count("<li>") == 12


def _card(**fields):
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from public.activities import ActivityCard

    shown = {
        "slug": "taal-cafe",
        "title_pl": None,
        "title_en": None,
        "title_nl": 'Taal & "koffie" <café>',
        "next_starts_at": datetime(2027, 1, 5, 18, 30, tzinfo=UTC),
        "recurrence": "",
        "location_name": "Dorpshuis 't Anker",
        "distance_km": None,
        "is_free": False,
        "team_sport": False,
        "languages_offered": [],
        "category": SimpleNamespace(name_pl="Język", name_en="Language", name_nl="Taal"),
    }
    shown.update(fields)
    return ActivityCard(**shown)


CARDS = [
    _card(),
    _card(title_pl="Kawiarenka <językowa>", recurrence="FREQ=WEEKLY", is_free=True),
    _card(next_starts_at=None, location_name="", category=None, team_sport=True),
    _card(distance_km=3.456, languages_offered=["pl", "bg", "nl"], title_en="Language café"),
    _card(distance_km=0.0, next_starts_at=None, recurrence="FREQ=DAILY"),
]


def test_activity_cards_are_the_card_templates_bytes():
    """frontend_templates/card_rendering.py writes what includes/activity_card.html wrote."""
    from django.template import Context, Template

    from frontend_templates.card_rendering import activity_cards

    include = Template(
        '{% for activity in cards %}{% include "frontend_templates/includes/activity_card.html" %}'
        "{% endfor %}"
    )
    for language in ("pl", "nl", "bg", "hu"):
        with override(language):
            written = activity_cards(CARDS)
            templated = include.render(Context({"cards": CARDS}))
        assert written == templated
    assert written.count('<li class="card">') == len(CARDS)
    assert "Taal &amp; &quot;koffie&quot; &lt;café&gt;" in written
