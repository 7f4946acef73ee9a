"""A partner's calendar in the admin, the import format, the command and the worker.

The admin button queues the import on the database task backend; the worker
(``db_worker``) runs it. Who may see and press it: coordinators and the
partner's own editors, nobody else.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from cms.calendars.models import CalendarImport
from cms.importing import ImportFailed
from cms.models import ActivityPage, Partner
from tests import factories
from tests.cms.conftest import OTHER, OWN


@pytest.fixture
def own_calendar(coalition, server):
    url = server.serve_file("/ggd.ics", "google.ics")
    partner = Partner.objects.get(slug=OWN)
    factories.load(
        partners=[
            factories.partner(
                slug=OWN,
                name=partner.name,
                type="ggd",
                calendar={"url": url, "category": "health", "languages_offered": ["nl", "pl"]},
            )
        ]
    )
    partner.refresh_from_db()
    return partner


def test_the_import_format_links_a_calendar(own_calendar):
    assert own_calendar.calendar_category.slug == "health"
    assert own_calendar.calendar_languages == ["nl", "pl"]
    assert own_calendar.calendar_publish is False  # drafts for review, unless said otherwise


@pytest.mark.parametrize(
    ("calendar", "field"),
    [
        ({"url": "javascript:alert(1)", "category": "sport"}, "calendar.url"),
        ({"url": "file:///etc/passwd", "category": "sport"}, "calendar.url"),
        ({"url": "webcal://club.example/a.ics", "category": "darts"}, "calendar.category"),
        (
            {"url": "https://club.example/a.ics", "category": "sport", "publish": "ja"},
            "calendar.publish",
        ),
        (
            {"url": "https://club.example/a.ics", "category": "sport", "languages_offered": ["xx"]},
            "languages_offered",
        ),
        ({"category": "sport"}, "calendar.url"),
    ],
)
def test_a_bad_calendar_is_refused_naming_the_field(db, calendar, field):
    with pytest.raises(ImportFailed) as failure:
        factories.load(partners=[factories.partner(slug="club", calendar=calendar)])
    assert [problem.field for problem in failure.value.problems] == [field]
    assert not Partner.objects.filter(slug="club").exists()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("coordinator", True),
        ("editor_own", True),
        ("contributor_own", False),
        ("editor_other", False),
    ],
)
def test_who_may_see_and_start_the_import(client, login_as, own_calendar, role, allowed):
    login_as(role)
    url = reverse("cms_partner_calendar", args=[own_calendar.pk])
    answer = client.get(url)
    # Wagtail answers a refusal with a redirect to the dashboard and a message.
    assert answer.status_code == 200 if allowed else answer.url == reverse("wagtailadmin_home")
    answer = client.post(url)
    assert answer.url == (url if allowed else reverse("wagtailadmin_home"))
    assert DBTaskResult.objects.exists() is allowed
    assert CalendarImport.objects.filter(partner=own_calendar).exists() is allowed


@override_settings(DEBUG=True)
def test_the_button_queues_and_the_worker_imports(client, login_as, own_calendar):
    login_as("editor_own")
    url = reverse("cms_partner_calendar", args=[own_calendar.pk])
    client.post(url)
    assert own_calendar.calendar_import.status == CalendarImport.Status.QUEUED
    assert not ActivityPage.objects.filter(organiser=own_calendar, live=False).exists()

    # One task, then stop: (the worker's idle loop would close the test's connection).
    call_command(
        "db_worker",
        "--batch",
        "--max-tasks",
        "1",
        "--backend",
        "background",
        "--no-startup-delay",
        stdout=StringIO(),
    )

    state = CalendarImport.objects.get(partner=own_calendar)
    assert state.status == CalendarImport.Status.DONE, state.error
    assert state.counts["created"] == 3
    # Drafts for review: nothing public yet.
    assert ActivityPage.objects.filter(organiser=own_calendar, live=False).count() == 3
    page = client.get(url).content.decode()
    assert 'data-calendar-status="done"' in page and "<td>3</td>" in page


def test_the_partner_listing_offers_the_import(client, login_as, own_calendar):
    login_as("coordinator")
    listing = client.get(reverse("wagtailsnippets_cms_partner:list")).content.decode()
    assert reverse("cms_partner_calendar", args=[own_calendar.pk]) in listing
    other = Partner.objects.get(slug=OTHER)  # no feed linked: nothing to import
    assert reverse("cms_partner_calendar", args=[other.pk]) not in listing


@override_settings(DEBUG=True)
def test_the_command_imports_every_linked_calendar(own_calendar):
    out = StringIO()
    call_command("import_calendars", stdout=out)
    assert f"{OWN}: 3 created" in out.getvalue()
    call_command("import_calendars", "--partner", OWN, stdout=out)
    assert f"{OWN}: 0 created, 0 updated, 0 cancelled, 3 unchanged" in out.getvalue()


def test_the_command_names_an_unknown_partner(own_calendar):
    with pytest.raises(CommandError, match="--partner: no partner 'nobody'"):
        call_command("import_calendars", "--partner", "nobody", stdout=StringIO())


@override_settings(DEBUG=False)
def test_the_command_fails_loudly_when_a_feed_is_refused(own_calendar):
    out = StringIO()
    with pytest.raises(CommandError, match="1 calendar feed"):
        call_command("import_calendars", stdout=out)
    assert "private or local network" in out.getvalue()


@override_settings(DEBUG=True)
def test_a_dutch_editor_reads_the_import_in_dutch(client, login_as, own_calendar, server):
    """The import ran at night in no one's language; the page speaks the reader's."""
    login_as("editor_own")
    url = reverse("cms_partner_calendar", args=[own_calendar.pk])
    call_command("import_calendars", stdout=StringIO())

    done = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    start = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert '<dd data-calendar-status="done">Klaar</dd>' in done
    assert "3 aangemaakt, 0 bijgewerkt, 0 geannuleerd, 0 ongewijzigd, 0 overgeslagen" in start

    own_calendar.calendar_url = server.base + "/weg.ics"  # the club moved its calendar
    own_calendar.save()
    with pytest.raises(CommandError):
        call_command("import_calendars", stdout=StringIO())
    failed = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    start = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert '<dd data-calendar-status="failed">Mislukt: er is niets veranderd</dd>' in failed
    assert "Er is niets veranderd: de agendaserver antwoordde met HTTP 404." in failed
    assert "Mislukt: de agendaserver antwoordde met HTTP 404" in start
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Nothing was changed: the calendar server answered HTTP 404." in english


@override_settings(DEBUG=True)
def test_a_dutch_editor_reads_the_events_that_need_a_look_in_dutch(
    client, login_as, own_calendar, server
):
    own_calendar.calendar_url = server.serve_file("/outlook.ics", "outlook.ics")
    own_calendar.save()
    call_command("import_calendars", stdout=StringIO())
    login_as("editor_own")
    url = reverse("cms_partner_calendar", args=[own_calendar.pk])

    dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # Stored once, at night; read in each reader's language.
    assert "<li>afspraak &#x27;Kapotte afspraak&#x27; (UID outlook-broken-0003): " in dutch
    assert "het begin (DTSTART) is geen datum of tijd" in dutch
    assert "<li>event &#x27;Kapotte afspraak&#x27; (UID outlook-broken-0003): " in english
    assert "its start (DTSTART) is not a date or time" in english


def _feed_form(**overrides) -> dict:
    from cms.models import Category

    return {
        "save_feed": "1",
        "calendar_url": "webcal://calendar.example.org/club.ics",
        "calendar_category": Category.objects.get(slug="sport").pk,
        "calendar_language": "nl",
        "calendar_languages": ["nl", "pl"],
        "calendar_publish": "",
        **overrides,
    }


def _feed_of(partner_slug: str) -> tuple:
    return tuple(
        Partner.objects.filter(slug=partner_slug).values_list(
            "calendar_url", "calendar_category__slug", "calendar_languages", "calendar_publish"
        )[0]
    )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("coordinator", True),
        ("editor_own", True),
        ("contributor_own", False),
        ("editor_other", False),
    ],
)
def test_the_partner_s_editors_link_their_own_feed(client, login_as, coalition, role, allowed):
    """The club secretary pastes the club's calendar address without the coordinator;
    a contributor or another partner's editor cannot, and nothing changes for them."""
    login_as(role)
    partner = Partner.objects.get(slug=OWN)
    before = _feed_of(OWN)
    url = reverse("cms_partner_calendar", args=[partner.pk])

    answer = client.post(url, _feed_form())

    if allowed:
        assert answer.status_code == 302 and answer.url == url
        assert _feed_of(OWN) == (
            "webcal://calendar.example.org/club.ics",
            "sport",
            ["nl", "pl"],
            False,
        )
    else:
        assert answer.url == reverse("wagtailadmin_home")
        assert _feed_of(OWN) == before
    assert not DBTaskResult.objects.exists()  # saving the feed imports nothing by itself


def test_a_bad_feed_address_is_refused_naming_the_field_in_dutch(client, login_as, coalition):
    login_as("editor_own")
    partner = Partner.objects.get(slug=OWN)
    before = _feed_of(OWN)

    answer = client.post(
        reverse("cms_partner_calendar", args=[partner.pk]),
        _feed_form(calendar_url="ftp://calendar.example.org/club.ics"),
    )

    assert answer.status_code == 400
    page = answer.content.decode()
    assert 'id="id_calendar_url"' in page and "Geef een https://- of webcal://-adres." in page
    assert _feed_of(OWN) == before


def test_the_start_page_invites_an_editor_to_link_the_calendar(client, login_as, coalition):
    login_as("editor_own")
    partner = Partner.objects.get(slug=OWN)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Koppel je agenda" in home
    assert reverse("cms_partner_calendar", args=[partner.pk]) in home
