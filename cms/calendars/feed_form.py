"""The partner's own calendar feed, linked by its editors on the calendar page.

The club secretary keeps the club's calendar in Google or Outlook; linking it
should not need the coordinator, who is the only one allowed to edit the
partner record itself (name, type, municipalities). This form changes the
feed's settings and nothing else of the partner; the partner's rules
(``Partner.clean``: a web address, a category) still decide what is valid.
"""

from __future__ import annotations

from django import forms

from ..models import Partner

FEED_FIELDS = [
    "calendar_url",
    "calendar_category",
    "calendar_language",
    "calendar_languages",
    "calendar_publish",
]


class CalendarFeedForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = FEED_FIELDS
