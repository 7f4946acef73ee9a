"""GET activities, GET activities/{slug}, GET activities.ics."""

from dataclasses import replace
from functools import partial

from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.negotiation import BaseContentNegotiation

from cms.site_address import absolute_url
from public import activities
from public.activities import NO_OCCURRENCE, SORT_KEY, ActivityFilterParams, parse_activity_filter
from public.calendar import activities_calendar
from public.guard import issue_form_token

from ..activity_page_rows import SORT_KEY_FIELD, page_rows
from ..pagination import KeysetCursorPagination
from ..schema import errors, responses
from ..serializers import activity_rows
from ..serializers.activities import ActivityDetailSerializer, ActivityListSerializer
from ..serializers.activity_rows import list_items
from .base import MunicipalApiMixin, PublicApiMixin


class ActivityPagination(KeysetCursorPagination):
    """Soonest first: by the first occurrence that matches the date filters."""

    sort_key = SORT_KEY
    # Activities without a next occurrence sort last, on this key: a cursor may hold it.
    sentinel_keys = (NO_OCCURRENCE,)


class ActivityListView(MunicipalApiMixin, ListAPIView):
    serializer_class = ActivityListSerializer
    pagination_class = ActivityPagination

    def get_queryset(self):
        wanted = replace(
            parse_activity_filter(self.request.query_params), municipality=self.municipality
        )
        selected = activities.listed_rows(wanted, timezone.now())
        # Rows, not pages: each item is built from the columns it shows (activity_rows).
        return activity_rows.list_rows(selected, self.language, wanted.near is not None, SORT_KEY)

    def list(self, request, *args, **kwargs):
        # get_queryset's rows, from SQL compiled once per shape of request (activity_page_rows).
        wanted = replace(
            parse_activity_filter(self.request.query_params), municipality=self.municipality
        )
        paginator = self.paginator
        position = paginator.start(request, SORT_KEY_FIELD)
        found = page_rows(wanted, self.language, timezone.now(), paginator, position)
        rows = paginator.finish(found, position)
        return self.get_paginated_response(list_items(rows, self.get_serializer_context()))

    @extend_schema(
        summary="Activities, soonest first",
        description="Recurring activities match the date filters on any of their occurrences. "
        "Activities without an occurrence in the window (or, without date filters, without a "
        "future one) come last.",
        parameters=[ActivityFilterParams],
        responses=responses(ActivityListSerializer(many=True)),
        tags=["activities"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ActivityDetailView(PublicApiMixin, RetrieveAPIView):
    serializer_class = ActivityDetailSerializer

    def get_object(self):
        activity = activities.activity(self.kwargs["slug"])
        if activity is None:
            raise Http404
        return activity

    def get_serializer_context(self):
        # The sign-up form's token comes from the anonymous-form guard, not the serializer.
        return {**super().get_serializer_context(), "form_token": issue_form_token}

    @extend_schema(
        summary="One activity, with its body and next occurrences",
        responses=responses(ActivityDetailSerializer, 404),
        tags=["activities"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class JsonErrorsOnly(BaseContentNegotiation):
    """The feed answers text/calendar whatever the Accept header; its errors are JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None


class ActivityCalendarView(MunicipalApiMixin, GenericAPIView):
    content_negotiation_class = JsonErrorsOnly

    @extend_schema(
        operation_id="activities_calendar",
        summary="Activities as an iCalendar feed (RFC 5545)",
        description="The same filters as the list, without pagination. One VEVENT per activity "
        "with a stable UID; recurring activities keep their RRULE, in Europe/Amsterdam time.",
        parameters=[ActivityFilterParams],
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar"),
            **errors(),
        },
        tags=["activities"],
    )
    def get(self, request, *args, **kwargs):
        wanted = replace(
            parse_activity_filter(request.query_params), municipality=self.municipality
        )
        selected = activities.calendar_activities(wanted, timezone.now())
        response = HttpResponse(
            activities_calendar(selected, self.language, partial(absolute_url, request)),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="wegwijs-activities.ics"'
        return response
