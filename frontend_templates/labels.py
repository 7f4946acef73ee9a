"""Visitor-facing names of the content model's fixed choices, in the visitor's language.

The models keep English labels for the admin; these are the site's gettext
strings for the same values (tests check that every value has one).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

AUDIENCES = {
    "everyone": _("Everyone"),
    "adults": _("Adults"),
    "families": _("Families"),
    "children": _("Children"),
    "women": _("Women"),
    "youth": _("Young people"),
}

TEAM_LEVELS = {
    "beginner": _("Beginners"),
    "recreational": _("Recreational"),
    "competitive": _("Competitive"),
}

ACTION_STATUSES = {
    "planned": _("Planned"),
    "in_progress": _("In progress"),
    "done": _("Done"),
    "on_hold": _("On hold"),
}

GUIDE_TOPICS = {
    "healthcare": _("Healthcare"),
    "registration": _("Registration"),
    "language": _("Learning Dutch"),
    "schools": _("Schools"),
    "work": _("Work"),
    "housing": _("Housing"),
    "emergency": _("Emergency"),
}

PARTNER_TYPES = {
    "association": _("Association"),
    "school": _("School"),
    "ggd": _("Public health service (GGD)"),
    "library": _("Library"),
    "municipality": _("Municipality"),
    "welfare": _("Welfare organisation"),
    "sports_club": _("Sports club"),
    "employer": _("Employer"),
    "residents": _("Residents' group"),
    "migrant_organisation": _("Migrant organisation"),
}

SEARCH_TYPES = {
    "activity": _("Activities"),
    "guide": _("Guides"),
    "partner": _("Organisations"),
    "policy_action": pgettext_lazy("search result type", "Policy plan"),
}

# Mixed teams name their sport in free text; the common ones get a translation.
SPORTS = {
    "football": _("Football"),
    "volleyball": _("Volleyball"),
    "table_tennis": _("Table tennis"),
    "basketball": _("Basketball"),
    "korfball": _("Korfball"),
    "hockey": _("Hockey"),
    "running": _("Running"),
    "cycling": _("Cycling"),
    "badminton": _("Badminton"),
    "tennis": _("Tennis"),
}


def label(choices: dict, value: str) -> str:
    """The visitor-facing name of ``value``; unknown values shown as they are, readably."""
    if value in choices:
        return str(choices[value])
    return (value or "").replace("_", " ").capitalize()
