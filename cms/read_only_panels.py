"""Read-only fields in the admin as people read them: no raw ``None``, ``True`` or ISO times.

Wagtail shows a read-only field's Python value as text, so an unanswered
question's detail read "None" and a flag "True". ``ShownFieldPanel`` shows
nothing given as a dash, yes/no in the user's language and dates and times
in the user's language's format.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

NOTHING = "—"


def shown(value) -> object:
    """``value`` as the admin should show it to the reader."""
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return value


class ShownFieldPanel(FieldPanel):
    """A read-only field panel that never shows a raw Python value."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "" or isinstance(value, (bool, date)):
            return shown(value)
        return super().format_value_for_display(value)
