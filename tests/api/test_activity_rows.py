"""The list's items built from rows (api/serializers/activity_rows.py) are, byte for byte, what
``ActivityListSerializer`` gave over model instances, for every kind of activity and filter."""

import base64
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from datetime import timezone as timezone_offset
from io import BytesIO
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from wagtail.images.models import Image

from api.serializers import activity_rows
from api.serializers.activities import _MOMENT
from api.views.activities import ActivityListView
from cms.models import ActivityPage
from public import prepared_query
from public.activities import listed_activities, parse_activity_filter
from public.prepared_query import PreparedRows
from tests import factories
from tests.api.conftest import days_ahead, iso, local


@pytest.fixture
def varied(club, library):
    """Recurring, one-off, ended, without a place, in a few languages, a mixed team, paid,
    with an image, co-organised, a machine translation: each item field takes more than one
    shape."""
    day = days_ahead(3)
    factories.load(
        # Named before the library: co-organisers come by name, not as they were given.
        partners=[factories.partner(slug="buurthuis", name="Aa Buurthuis")],
        activities=[
            factories.activity(
                "vv-ochten",
                slug="gemengd-voetbal",
                category="sport",
                co_organisers=["bibliotheek", "buurthuis"],
                title={"nl": "Gemengd voetbal", "pl": "Mieszana drużyna", "en": "Mixed football"},
                summary={"nl": "Voetballen met buren.", "pl": "Gramy z sąsiadami."},
                starts_at=iso(local(day, 19)),
                ends_at=iso(local(day, 20, 30)),
                recurrence="FREQ=WEEKLY",
                languages_offered=["nl", "pl"],
                audience="adults",
                cost={"free": False, "amount": "2.50"},
                registration={"required": True, "type": "wegwijs", "capacity": 22},
                mixed_team={
                    "sport": "football",
                    "level": "recreational",
                    "open_spots": 6,
                    "training_times": {"nl": "dinsdag 19:00"},
                },
                translation_sources={"pl": "machine"},
            ),
            factories.activity(
                "bibliotheek",
                slug="eenmalig-zonder-plek",
                title={"nl": "Spreekuur", "en": "Drop-in hour"},
                summary={"nl": "Vragen?"},
                starts_at=iso(local(days_ahead(10), 14)),
                ends_at=None,
                location=None,
                registration={
                    "required": True,
                    "type": "link",
                    "url": "https://bieb.example/aanmelden",
                },
            ),
            factories.activity(
                "vv-ochten",
                slug="voorbij",
                title={"nl": "Voorbij"},
                starts_at=iso(local(days_ahead(-5), 9)),
                ends_at=iso(local(days_ahead(-5), 10)),
            ),
            factories.activity(
                "bibliotheek",
                slug="dagelijks",
                co_organisers=["vv-ochten"],
                title={"nl": "Dagelijks", "pl": "Codziennie", "bg": "Всеки ден"},
                summary={"nl": "Elke dag.", "bg": "Всеки ден."},
                starts_at=iso(local(days_ahead(-2), 8)),
                ends_at=iso(local(days_ahead(-2), 9)),
                recurrence="FREQ=DAILY;COUNT=30",
                languages_offered=["nl", "bg", "uk"],
                audience="women",
                location={"name": "Bibliotheek", "address": None, "lat": 51.95, "lon": 5.6},
            ),
        ],
    )
    buffer = BytesIO()
    PillowImage.new("RGB", (40, 30), (30, 120, 60)).save(buffer, "JPEG")
    page = ActivityPage.objects.get(slug="dagelijks")
    page.image = Image.objects.create(title="Foto", file=ImageFile(buffer, name="foto.jpg"))
    page.save_revision().publish()


def serializer_answer(self, request, *args, **kwargs):
    """The list as it was answered before: model instances through ActivityListSerializer."""
    wanted = replace(parse_activity_filter(request.query_params), municipality=self.municipality)
    self.get_queryset = lambda: listed_activities(wanted, self.language, timezone.now())
    return ListAPIView.list(self, request, *args, **kwargs)


QUERIES = [
    "lang=nl",
    "lang=pl",
    "lang=bg",
    "lang=uk",
    "lang=en&category=sport",
    "lang=pl&near=51.91,5.57&radius_km=8",
    f"lang=pl&starts_after={days_ahead(0)}&starts_before={days_ahead(20)}",
    f"lang=ro&near=51.91,5.57&radius_km=20&starts_after={days_ahead(1)}",
    # Each filter whose value is a parameter of the prepared SQL, or shapes it.
    "lang=nl&partner=bibliotheek",
    "lang=en&audience=women",
    "lang=pl&free=false",
    "lang=pl&mixed_team=true",
    "lang=pl&mixed_team=false&offered_language=bg",
    f"lang=nl&category=sport&starts_after={days_ahead(4)}T10:00",
]


@pytest.mark.parametrize("query", QUERIES)
def test_list_items_from_rows_are_the_serializers_bytes(api, varied, query):
    for page_size in (100, 2):  # one page, and a page with a next link
        path = f"/api/v1/activities?{query}&page_size={page_size}"
        rows = api.client.get(path, headers={"cache-control": "no-cache"})
        with mock.patch.object(ActivityListView, "list", serializer_answer):
            serialized = api.client.get(path, headers={"cache-control": "no-cache"})

        assert rows.status_code == serialized.status_code == 200, rows.content[:300]
        assert rows.content == serialized.content
        assert rows["ETag"] == serialized["ETag"]
        assert rows.json()["results"]


WALKED = [
    "lang=pl",
    "lang=nl&partner=vv-ochten",
    f"lang=en&starts_after={days_ahead(0)}",
    "lang=pl&near=51.91,5.57&radius_km=20",
]


@pytest.mark.parametrize("query", WALKED)
def test_every_page_forward_and_back_is_the_serializers_bytes(api, varied, query):
    """Pages after a cursor, and back, come from SQL compiled once per shape
    (api/activity_page_rows.py): each is the reference's answer, byte for byte."""
    prepared_query.forget_shapes()
    path, pages, back = f"/api/v1/activities?{query}&page_size=1", 0, False
    while path and pages < 20:
        rows = api.client.get(path, headers={"cache-control": "no-cache"})
        with mock.patch.object(ActivityListView, "list", serializer_answer):
            serialized = api.client.get(path, headers={"cache-control": "no-cache"})
        assert rows.status_code == 200 and rows.content == serialized.content
        answer, pages = rows.json(), pages + 1
        back = back or not answer["next"]  # forward to the last page, then back to the first
        link = answer["previous"] if back else answer["next"]
        path = link and link.removeprefix("http://testserver")
    assert pages >= 5
    shapes = list(prepared_query._shapes.values())
    # First page, forward and back: each shape prepared, none built per request.
    assert len(shapes) == 3 and all(isinstance(s, PreparedRows) for s in shapes)


def test_a_cursor_without_an_offset_is_built_as_django_reads_it(api, varied):
    """A naive moment is made aware by Django in the time zone; the prepared SQL would
    pass it as it is, so such a request builds its own query."""
    token = base64.urlsafe_b64encode(f'{{"k":"{days_ahead(1)}T00:00:00","i":1,"b":false}}'.encode())
    path = f"/api/v1/activities?lang=nl&page_size=1&cursor={token.decode().rstrip('=')}"
    rows = api.client.get(path, headers={"cache-control": "no-cache"})
    with mock.patch.object(ActivityListView, "list", serializer_answer):
        serialized = api.client.get(path, headers={"cache-control": "no-cache"})
    assert rows.status_code == 200 and rows.content == serialized.content


def test_the_set_is_varied_enough_to_mean_something(api, varied):
    items = {item["slug"]: item for item in api.json("activities", lang="pl")["results"]}
    assert items["gemengd-voetbal"]["machine_translated"] is True
    assert items["gemengd-voetbal"]["mixed_team"]["open_spots"] == 22
    assert items["eenmalig-zonder-plek"]["location"]["lat"] is None
    assert items["eenmalig-zonder-plek"]["fallback_language"] == "en"
    assert items["voorbij"]["next_occurrence"] is None
    assert items["dagelijks"]["image"].startswith("http")
    assert items["dagelijks"]["co_organisers"] == [{"slug": "vv-ochten", "name": "VV Ochten"}]
    assert [named["slug"] for named in items["gemengd-voetbal"]["co_organisers"]] == [
        "buurthuis",
        "bibliotheek",
    ]


MOMENTS = [
    datetime(2026, 7, 1, 17, 30, tzinfo=UTC),
    datetime(2026, 12, 1, 8, 0, 0, 123456, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # the hour the clocks go forward
    datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
    datetime(2026, 5, 1, 12, 0, tzinfo=timezone_offset(timedelta(hours=-4))),
    datetime(2026, 5, 1, 12, 0),  # naive: DRF makes it aware
    datetime.max.replace(tzinfo=UTC),  # DRF's overflow error
    None,
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_an_items_moments_are_drfs(moment, settings):
    """``_Answer.moment`` reads the zone once per answer; each text is DRF's own."""
    for zone in ("Europe/Amsterdam", "UTC"):
        settings.TIME_ZONE = zone
        with timezone.override(zone):
            answer = activity_rows._Answer({"language": "nl"})
            try:
                expected = _MOMENT.to_representation(moment)
            except ValidationError as error:
                with pytest.raises(ValidationError, match=str(error.detail[0])):
                    answer.moment(moment)
                continue
            assert answer.moment(moment) == expected
