"""Links that prove control of an e-mail address: invitations and e-mail address changes.

Both hold an e-mail address (personal data) and are deleted once used or
expired (``manage.py purge_account_links``, daily from cron; see
``cms.accounts.retention``). Neither stores its token, only the token's hash
(``cms.accounts.tokens``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class InvitationQuerySet(models.QuerySet):
    def usable(self, now=None) -> InvitationQuerySet:
        """Not used yet and not expired."""
        return self.filter(accepted_at__isnull=True, expires_at__gt=now or timezone.now())


class Invitation(models.Model):
    """A role offered to whoever controls ``email``: accepted once, through the mailed link.

    The role is given only on acceptance, to the account of the person who
    opened the link (a new account, or the existing account of that address
    after its owner logged in and confirmed), never to whichever account
    happens to carry the address.
    """

    email = models.EmailField()
    # "editor" or "contributor" of ``partner``, "municipality_coordinator" of
    # ``municipality``, or "coordinator" (regional: neither).
    role = models.CharField(max_length=30)
    partner = models.ForeignKey(
        "cms.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        "cms.Municipality", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The language of the e-mail and of the page the link opens.
    language = models.CharField(max_length=8, default="nl")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.role} for {self.email}"


class EmailChange(models.Model):
    """A new e-mail address waiting to be confirmed from that address (one per user).

    Until it is confirmed the account keeps its old address: an address
    nobody proved they own must never decide who receives an invitation.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_email_change"
    )
    new_email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user} → {self.new_email}"
