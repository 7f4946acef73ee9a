"""Adding people to a partner (or to the coordinators): the admin view and
``manage.py add_editor`` both come through ``invite_member``."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log

from ..models import Partner
from ..permissions.setup import grant_partner_role, make_coordinator, revoke_partner_roles

COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Invitation:
    user: object
    created: bool
    # Where the person sets a password; empty when the account already has one.
    set_password_url: str


def set_password_url(user) -> str:
    """A one-time link to choose a password (Wagtail's password-reset page)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _find_or_create_user(email: str, first_name: str = "", last_name: str = ""):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        return user, False
    user = User.objects.create_user(
        username=email.lower(), email=email, first_name=first_name, last_name=last_name
    )  # no password: the invitation link sets one
    return user, True


@transaction.atomic
def invite_member(
    email: str,
    role: str,
    partner: Partner | None = None,
    *,
    invited_by=None,
    first_name: str = "",
    last_name: str = "",
) -> Invitation:
    """Give ``email`` a role: ``editor`` or ``contributor`` of ``partner``, or ``coordinator``.

    Creates the account if there is none (username = e-mail address, no
    password yet) and logs the change on the partner's history.
    """
    validate_email(email)
    if role != COORDINATOR and partner is None:
        raise ValidationError("An editor or contributor belongs to a partner.")
    user, created = _find_or_create_user(email, first_name, last_name)
    if role == COORDINATOR:
        make_coordinator(user)
    else:
        grant_partner_role(user, partner, role)
        log(
            instance=partner,
            action="wegwijs.member_added",
            user=invited_by,
            data={"member": user.get_username(), "role": role},
        )
    url = "" if user.has_usable_password() else set_password_url(user)
    return Invitation(user=user, created=created, set_password_url=url)


def remove_member(user, partner: Partner, *, removed_by=None) -> None:
    revoke_partner_roles(user, partner)
    log(
        instance=partner,
        action="wegwijs.member_removed",
        user=removed_by,
        data={"member": user.get_username()},
    )


def send_invitation(invitation: Invitation, partner: Partner | None, role: str) -> None:
    """E-mail the new member where to set a password (or where to log in)."""
    where = partner.name if partner else settings.WAGTAIL_SITE_NAME
    if invitation.set_password_url:
        action = f"Choose your password here (the link works once):\n{invitation.set_password_url}"
    else:
        action = f"Log in with your existing account: {settings.WAGTAILADMIN_BASE_URL}/admin/"
    send_mail(
        subject=f"You are now {role} for {where} on {settings.WAGTAIL_SITE_NAME}",
        message=f"You have been made {role} for {where}.\n\n{action}\n",
        from_email=None,
        recipient_list=[invitation.user.email],
    )
