"""The activity list's filter form, and the listings of the home and activity pages.

The form speaks the visitor's language ("this weekend", "in Ochten", "near
me"); ``filter_parameters`` turns its answers into the query parameters the
API takes, checked by the same ``public.activities.ActivityFilterParams``, and
``public.activities`` (the one activity query builder) does the rest. The same
parameters make the calendar feed's link.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.bounded_input import within_years
from cms.content_version.memo import remembered
from cms.models import Category
from cms.municipalities.registry import MunicipalityInfo
from cms.places import village, villages
from cms.recurrence import AMSTERDAM
from cms.translation.fallback import translated_value
from cms.translation.languages import supported_languages
from public.activities import (
    ActivityFilter,
    ActivityFilterParams,
    cards,
    date_window,
)
from public.taxonomy import categories as site_categories
from public.upcoming_rows import count_up_to, upcoming_rows

from .select_rendering import FastSelectRenderer

PAGE_SIZE = 20
# A list counts its matches up to here and then says "more than" (``count_up_to``):
# nobody pages through 500 activities, and an exact count reads every match.
COUNTED_UP_TO = 500
SELECT_RENDERER = FastSelectRenderer()
WEEK_AHEAD_SIZE = 8
NEAR_ME = "near"
# "Near me" chosen, and the browser could not say where: a question to the visitor.
POSITION_UNKNOWN = "position_unknown"
RADII_KM = (2, 5, 10, 25)
DEFAULT_RADIUS_KM = 5
# Date filters describe a moment in time; a calendar subscription keeps every date.
DATE_PARAMETERS = ("starts_after", "starts_before")

WHEN_CHOICES = (
    ("", _("Any day from now")),
    ("today", _("Today")),
    ("tomorrow", _("Tomorrow")),
    ("week", _("This week")),
    ("weekend", _("This weekend")),
    ("month", _("Next 30 days")),
)


class ActivityFilterForm(forms.Form):
    """The visitor's filters; every field is optional and a GET parameter."""

    # Its five drop-downs written out in Python: the same HTML, a tenth of the page's time less.
    default_renderer = SELECT_RENDERER

    category = forms.ChoiceField(label=_("What"), required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    date = forms.DateField(
        label=_("Or on this day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    place = forms.ChoiceField(label=_("Where"), required=False)
    near = forms.RegexField(
        regex=r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$", required=False, widget=forms.HiddenInput
    )
    radius = forms.TypedChoiceField(
        label=_("Distance"),
        coerce=int,
        choices=[(km, f"{km} km") for km in RADII_KM],
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
    )
    offered_language = forms.ChoiceField(label=_("Language spoken"), required=False)
    free = forms.BooleanField(label=_("Free only"), required=False)
    mixed_team = forms.BooleanField(label=_("Mixed teams only"), required=False)

    def __init__(
        self,
        data: QueryDict,
        language: str,
        categories: list[Category],
        municipality: MunicipalityInfo | None = None,
    ):
        if "radius" not in data:
            # A bound form ignores initial values: without this the distance
            # list would show (and "near me" would send) its first choice.
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS_KM)
        # Django deep-copies a form's fields for every form made, and the lists of
        # categories, villages and languages are then filled in: about a twentieth
        # of the list page's time, for fields that differ only by language,
        # municipality and content. They are made once per content version for
        # each (``_fields``) and shared: nothing changes a field after that.
        self.base_fields = {}
        super().__init__(data, label_suffix="")
        key = ("site activity form", language, municipality.slug if municipality else None)
        self.fields = dict(
            remembered(
                key, lambda: _fields(type(self).base_fields, language, categories, municipality)
            )
        )

    def clean_date(self) -> date | None:
        """A day in the years Wegwijs knows: ``9999-12-31`` has no next day to end the window."""
        day = self.cleaned_data.get("date")
        if day is not None and not within_years(day):
            raise forms.ValidationError(self.fields["date"].error_messages["invalid"], "invalid")
        return day

    def clean(self):
        data = super().clean()
        if data.get("place") == NEAR_ME and not data.get("near"):
            message = _("We do not know where you are. Allow your location, or choose a village.")
            self.add_error("place", forms.ValidationError(message, code=POSITION_UNKNOWN))
        return data


def _fields(
    declared: dict[str, forms.Field],
    language: str,
    categories: list[Category],
    municipality: MunicipalityInfo | None,
) -> dict[str, forms.Field]:
    """The form's fields with their lists for this language, municipality and content."""
    fields = copy.deepcopy(declared)
    fields["category"].choices = [("", _("All categories"))] + [
        (category.slug, translated_value(category, "name", language).text)
        for category in categories
    ]
    fields["place"].choices = (
        [("", _("Everywhere"))]
        + [(village.slug, village.name) for village in villages(municipality)]
        + [(NEAR_ME, _("Near me"))]
    )
    fields["offered_language"].choices = [("", _("Any language"))] + [
        (lang.code, lang.native_name) for lang in supported_languages()
    ]
    return fields


def malformed_filters(form: ActivityFilterForm) -> bool:
    """Does the (validated) form hold a filter value no form of ours sends (an unknown day,
    category...)?

    "Near me" without a position is not one: a browser that could not tell where
    the visitor is sends just that, and the page asks for a village instead.
    """
    if not form.data or not form.errors:
        return False
    codes = {error.code for errors in form.errors.as_data().values() for error in errors}
    return codes != {POSITION_UNKNOWN}


def filter_parameters(
    cleaned: dict[str, Any], now: datetime, municipality: MunicipalityInfo | None = None
) -> dict[str, str]:
    """The form's answers as ``ActivityFilterParams`` query parameters (strings)."""
    params: dict[str, str] = {}
    for name in ("category", "offered_language"):
        if cleaned.get(name):
            params[name] = cleaned[name]
    for name in ("free", "mixed_team"):
        if cleaned.get(name):
            params[name] = "true"
    place = cleaned.get("place")
    chosen_village = village(place, municipality) if place else None
    if chosen_village is not None:
        params["near"] = chosen_village.near
        params["radius_km"] = f"{chosen_village.radius_km:g}"
    elif place == NEAR_ME and cleaned.get("near"):
        params["near"] = cleaned["near"]
        params["radius_km"] = str(cleaned.get("radius") or DEFAULT_RADIUS_KM)
    after, before = date_window(cleaned.get("when") or "", cleaned.get("date"), now)
    if after:
        params["starts_after"] = after.isoformat()
    if before:
        params["starts_before"] = before.isoformat()
    return params


def validated_filters(params: dict[str, str]) -> tuple[ActivityFilter, list[str]]:
    """``ActivityFilterParams`` checks the parameters; one it refuses is dropped, not fatal.

    The form's answers (category, place, language...) are checked once per content
    version and remembered (``_checked``): making the serializer deep-copies its eleven
    fields, a tenth of the list's time in Python. The date window is not part of
    that key: it starts at the request's clock, so no two requests would share it.
    The site wrote it itself from the clock and the form's checked day
    (``date_window``); of ``ActivityFilterParams``' rules only the order of the two
    moments can fail it, and that is checked here by the same rule.
    """
    dates = {name: params[name] for name in DATE_PARAMETERS if name in params}
    answers = tuple(sorted((key, value) for key, value in params.items() if key not in dates))
    wanted, refused = remembered(("site activity filter", answers), lambda: _checked(answers))
    after, before = (_moment(dates.get(name)) for name in DATE_PARAMETERS)
    if after is not None and before is not None and before <= after:
        # ActivityFilterParams.validate's refusal, keyed by the later moment.
        before, refused = None, (*refused, "starts_before")
    return replace(wanted, starts_after=after, starts_before=before), sorted(refused)


def _checked(answers: tuple[tuple[str, str], ...]) -> tuple[ActivityFilter, tuple[str, ...]]:
    params = dict(answers)
    serializer = ActivityFilterParams(data=params)
    if serializer.is_valid():
        refused: tuple[str, ...] = ()
    else:
        refused = tuple(sorted(serializer.errors))
        serializer = ActivityFilterParams(
            data={key: value for key, value in params.items() if key not in refused}
        )
        serializer.is_valid(raise_exception=True)
    values = {key: value for key, value in serializer.validated_data.items() if value is not None}
    return ActivityFilter.from_validated(values), refused


def _moment(written: str | None) -> datetime | None:
    """A moment ``filter_parameters`` wrote, as ``MomentField`` reads it (in Amsterdam time)."""
    return None if written is None else datetime.fromisoformat(written).astimezone(AMSTERDAM)


def calendar_feed_url(params: dict[str, str], language: str) -> str:
    """The API's iCalendar feed with the same filters, for subscribing (dates left out)."""
    query = {key: value for key, value in params.items() if key not in DATE_PARAMETERS}
    query["lang"] = language
    return f"{reverse('api-v1:activities-ics')}?{urlencode(query)}"


@dataclass
class ActivityListing:
    form: ActivityFilterForm
    page: Page
    filtered: bool
    feed_url: str
    refused: list[str] = field(default_factory=list)
    near: bool = False
    # A filter value no form of ours sends: the page answers 400 (``wagtail_hooks``).
    malformed: bool = False
    # More matches than were counted: the page says "more than" this, without a last page.
    more_than: int | None = None


def activity_listing(
    query: QueryDict,
    language: str,
    now: datetime | None = None,
    municipality: MunicipalityInfo | None = None,
):
    """The activity list page of ``municipality``'s site: its form (with its villages), one
    page of its activities and the shared ones, the matching feed."""
    now = now or timezone.now()
    form = ActivityFilterForm(query, language, site_categories(), municipality)
    cleaned = form.cleaned_data if form.is_valid() else {}
    params = filter_parameters(cleaned, now, municipality)
    wanted, refused = validated_filters(params)
    wanted = replace(wanted, municipality=municipality)
    # The paginator does the page arithmetic over the count; the rows come from
    # ``upcoming_rows``, the page's slice of the list's query.
    paginator = Paginator((), PAGE_SIZE)
    # The same number as counting the list's rows, without their first-date walk,
    # counted far enough for the page asked and the one after it.
    up_to = max(COUNTED_UP_TO, _page_asked(query) * PAGE_SIZE)
    paginator.count = count_up_to(wanted, now, up_to)
    page = paginator.get_page(query.get("page"))
    offset = (page.number - 1) * PAGE_SIZE
    page.object_list = cards(upcoming_rows(wanted, now, language, offset, PAGE_SIZE))
    chosen = {key for key, value in cleaned.items() if value and key not in ("radius", "near")}
    return ActivityListing(
        form=form,
        page=page,
        filtered=bool(chosen),
        feed_url=calendar_feed_url(
            {key: value for key, value in params.items() if key not in refused}, language
        ),
        refused=refused,
        near=wanted.near is not None,
        malformed=malformed_filters(form),
        more_than=COUNTED_UP_TO if paginator.count > up_to else None,
    )


def _page_asked(query: QueryDict) -> int:
    """The page number asked for; anything else is the first page (as ``get_page`` reads it)."""
    try:
        return max(1, int(query.get("page") or 1))
    except ValueError:
        return 1


@dataclass
class WeekAhead:
    activities: list
    this_week: bool


def week_ahead(
    language: str, now: datetime | None = None, municipality: MunicipalityInfo | None = None
) -> WeekAhead:
    """What's on in the next seven days; when nothing is, the next few activities."""
    now = now or timezone.now()
    week = ActivityFilter(
        starts_after=now, starts_before=now + timedelta(days=7), municipality=municipality
    )
    this_week = cards(upcoming_rows(week, now, language, 0, WEEK_AHEAD_SIZE))
    if this_week:
        return WeekAhead(this_week, True)
    later = ActivityFilter(starts_after=now, municipality=municipality)
    return WeekAhead(cards(upcoming_rows(later, now, language, 0, WEEK_AHEAD_SIZE)), False)
