"""A listing column for a yes/no/unknown field that says so in the reader's language.

Wagtail's ``BooleanColumn`` shows an icon with the Python value as its
screen-reader text, so a Dutch coordinator's screen reader reads "True",
"False" or "None" (issue #20). This column keeps the icons and gives them
words from our catalogs instead.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn

WORDS = {True: _("yes"), False: _("no"), None: _("not known")}


class YesNoColumn(BooleanColumn):
    cell_template_name = "cms/tables/yes_no_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["words"] = str(WORDS[context["value"]])
        return context
