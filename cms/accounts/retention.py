"""Deleting invitations and e-mail address changes once they can no longer be used.

Both hold an e-mail address of someone who may never have agreed to anything
(an invitation nobody accepted, an address typed by mistake). Once used or
expired they serve no purpose, so they are deleted; who was given which role,
and when, stays in the partner's history (``wegwijs.member_added``).

``manage.py purge_account_links`` runs this; cron runs that daily.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q

from .models import EmailChange, Invitation


@transaction.atomic
def purge_account_links(now: datetime) -> tuple[int, int]:
    """Delete used or expired invitations and expired e-mail changes; returns both counts."""
    invitations, _ = Invitation.objects.filter(
        Q(accepted_at__isnull=False) | Q(expires_at__lte=now)
    ).delete()
    changes, _ = EmailChange.objects.filter(expires_at__lte=now).delete()
    return invitations, changes
