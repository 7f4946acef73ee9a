"""Surveys and their results are the coordinator's alone.

Answers come from people who may fear their employment agency; even counts
per village are sensitive. Partner editors and contributors therefore get no
survey rights at all, whatever Django permissions a group was given by hand:
the policy (``coordinator_only``) asks ``is_coordinator`` and nothing else.
"""

from __future__ import annotations

from ..permissions.roles import User, is_coordinator


def may_see_surveys(user: User) -> bool:
    """May the user edit surveys, see their results and download their QR codes?"""
    return is_coordinator(user)
