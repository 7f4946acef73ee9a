"""One activity as an iCalendar file, for "add to my calendar".

Built by the same calendar code as the API's feed (``public.calendar``), so an
activity added on its own and one from a subscription are the same event
(same UID): a calendar that has both shows it once.
"""

from __future__ import annotations

from functools import partial

from django.http import Http404, HttpRequest, HttpResponse

from cms.site_address import absolute_url
from public.activities import calendar_activity
from public.calendar import activities_calendar

from ..languages import active_language


def activity_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    activity = calendar_activity(slug)
    if activity is None:
        raise Http404
    response = HttpResponse(
        activities_calendar([activity], active_language(), partial(absolute_url, request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response
