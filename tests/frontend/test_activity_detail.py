"""An activity's page: dates, place, how to join, organiser, languages, calendar and sharing."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_everything_a_visitor_needs_to_go(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    assert "<h1>Piłka nożna razem</h1>" in html
    assert len(re.findall(r'<ul class="dates">.*?</ul>', html, re.S)) == 1
    assert len(re.findall(r"<li><time datetime=", html)) == 5  # next five dates of a weekly rule
    assert "Sportpark De Eng" in html and "Sportlaan 1, 4051 CJ Ochten" in html
    assert "https://www.openstreetmap.org/?mlat=51.91370&amp;mlon=5.57620" in html
    assert 'href="https://vvochten.example/aanmelden"' in html  # how to join
    assert "€ 7,50" in html  # the Polish decimal comma
    assert 'href="/pl/partners/vv-ochten/">VV Ochten</a>' in html
    assert 'href="tel:0488123456"' in html
    for code, name in (("pl", "Polski"), ("ro", "Română")):
        assert f'<li class="tag" lang="{code}">{name}</li>' in html
    assert 'id="team-heading"' in html  # the mixed team with its open spots
    assert "6" in html[html.index('id="team-heading"') :]


def test_add_to_calendar_is_this_activity_in_the_page_language(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    assert 'href="/pl/activiteiten/gemengd-voetbal.ics"' in html
    response = site.get("/pl/activiteiten/gemengd-voetbal.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Piłka nożna razem"
    assert "FREQ=WEEKLY" in events[0]["RRULE"].to_ical().decode()
    assert str(events[0]["URL"]) == "http://127.0.0.1:8000/pl/activiteiten/gemengd-voetbal/"


def test_calendar_of_an_unknown_activity_is_404(site, content):
    assert site.get("/pl/activiteiten/no-such-thing.ics").status_code == 404


def meta(html: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.parametrize(
    ("code", "title"),
    [("pl", "Piłka nożna razem"), ("ro", "Mixed football"), ("nl", "Gemengd voetbal")],
)
def test_open_graph_and_twitter_tags_in_the_page_language(site, content, code, title):
    html = site.html(f"/{code}/activiteiten/gemengd-voetbal/")
    assert meta(html, "og:title") == title
    assert meta(html, "twitter:title") == title
    assert meta(html, "og:url") == f"http://127.0.0.1:8000/{code}/activiteiten/gemengd-voetbal/"
    assert meta(html, "og:locale").startswith(code)
    assert meta(html, "twitter:card") == "summary_large_image"  # the municipality's card at least
    assert meta(html, "og:description")


def test_whatsapp_and_facebook_share_links(site, content):
    html = site.html("/pl/activiteiten/gemengd-voetbal/")
    whatsapp = re.search(r'href="(https://wa\.me/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    text = parse_qs(urlsplit(whatsapp).query)["text"][0]
    assert text == "Piłka nożna razem\nhttp://127.0.0.1:8000/pl/activiteiten/gemengd-voetbal/"
    facebook = "https://www.facebook.com/sharer/sharer.php?u="
    assert facebook + "http%3A%2F%2F127.0.0.1%3A8000%2Fpl%2F" in html


def test_an_unknown_activity_is_a_friendly_404_in_the_visitors_language(site, content):
    response = site.get("/pl/activiteiten/no-such-thing/")
    assert response.status_code == 404
    assert '<html lang="pl"' in response.content.decode()
