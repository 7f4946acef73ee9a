"""Surveys and their results belong to their municipality's coordinators.

Answers come from people who may fear their employment agency; even counts
per village are sensitive. Partner editors and contributors therefore get no
survey rights at all, whatever Django permissions a group was given by hand;
a municipality's coordinators see their municipality's surveys and results
only, regional coordinators every one (``cms.permissions.municipal_rows``).
"""

from __future__ import annotations

from ..permissions.municipal_rows import manages_municipal_rows, may_manage_row
from ..permissions.roles import User


def may_see_surveys(user: User) -> bool:
    """Does the user manage surveys at all (the menu, the listing)?"""
    return manages_municipal_rows(user)


def may_see_survey(user: User, survey) -> bool:
    """May the user edit this survey, see its results and download its QR codes?"""
    return may_manage_row(user, survey)
