"""Template tags for sign-ups on the activity's page.

Tags rather than view context, because Wagtail serves the activity page (and
its preview) without a view of ours.
"""

from __future__ import annotations

from django import template

from cms.models import ActivityPage
from cms.taking_part.places import open_team_spots

from ..views.signups import signup_box as build_signup_box

register = template.Library()


@register.simple_tag
def signup_box(page: ActivityPage) -> dict:
    """The sign-up form of ``page``: its dates and places left, and a fresh form token."""
    return build_signup_box(page)


@register.simple_tag
def team_spots(page: ActivityPage) -> int | None:
    """A mixed team's open spots, less those who joined through Wegwijs."""
    return open_team_spots(page)
