"""Adding people to a partner, to a municipality's coordinators, or to the regional
coordinators, by invitation.

The admin's members page and ``manage.py add_editor`` both come through
``invite_member``; the role is given only when the person who received the
link accepts it (``accept_for_new_account``, ``accept_for_existing_account``).

Why not simply give the role to the account with that e-mail address: that
address may have been typed in by someone else (issue #21: a club's editor set
their own address to the one the coordinator was about to invite for the GGD,
and received the GGD's role). The link goes to the address; whoever opens it
either creates the account for that address, or logs in as the account that
already carries it and confirms. A disabled account is never enabled here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import Municipality, Partner, PartnerRole
from ..permissions.roles import User
from ..permissions.setup import (
    grant_partner_role,
    make_coordinator,
    make_municipality_coordinator,
    revoke_municipality_coordinator,
    revoke_partner_roles,
)
from .models import Invitation
from .tokens import absolute_url, new_token, token_hash

COORDINATOR = "coordinator"  # regional: every municipality
MUNICIPALITY_COORDINATOR = "municipality_coordinator"
ROLES = frozenset({*PartnerRole.values, COORDINATOR, MUNICIPALITY_COORDINATOR})


@dataclass(frozen=True)
class SentInvitation:
    """A new invitation and its link: the only moment the token exists in clear."""

    invitation: Invitation
    url: str


def invitation_url(token: str) -> str:
    return absolute_url(reverse("cms_invitation", args=[token]))


@transaction.atomic
def invite_member(
    email: str,
    role: str,
    partner: Partner | None = None,
    *,
    municipality: Municipality | None = None,
    invited_by: User | None = None,
    language: str = settings.LANGUAGE_CODE,
) -> SentInvitation:
    """Offer ``email`` a role: ``editor`` or ``contributor`` of ``partner``,
    ``municipality_coordinator`` of ``municipality``, or (regional) ``coordinator``.

    Nothing changes for any account until the link is used; the invitation is
    logged on the partner's history.
    """
    validate_email(email)
    if role not in ROLES:
        raise ValidationError(f"Unknown role '{role}'.")
    if role in PartnerRole.values and (partner is None or municipality is not None):
        raise ValidationError("An editor or contributor belongs to a partner.")
    if role == MUNICIPALITY_COORDINATOR and (municipality is None or partner is not None):
        raise ValidationError("A municipality coordinator belongs to a municipality.")
    if role == COORDINATOR and (partner is not None or municipality is not None):
        raise ValidationError("A coordinator works for the whole platform, not for a partner.")
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        partner=partner,
        municipality=municipality,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    if partner is not None or municipality is not None:
        log(
            instance=partner or municipality,
            action="wegwijs.member_invited",
            user=invited_by,
            data={"email": email, "role": role},
        )
    return SentInvitation(invitation=invitation, url=invitation_url(token))


def usable_invitation(token: str) -> Invitation | None:
    """The invitation of this link, if it is neither used nor expired."""
    return (
        Invitation.objects.usable()
        .select_related("partner", "municipality")
        .filter(token_hash=token_hash(token))
        .first()
    )


def account_of(invitation: Invitation) -> User | None:
    """The account that already carries the invited address (active or not)."""
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


def _give_role(invitation: Invitation, user: User) -> None:
    if invitation.role == COORDINATOR:
        make_coordinator(user)
    elif invitation.role == MUNICIPALITY_COORDINATOR:
        make_municipality_coordinator(user, invitation.municipality)
        log(
            instance=invitation.municipality,
            action="wegwijs.member_added",
            user=invitation.invited_by,
            data={"member": user.get_username(), "role": invitation.role},
        )
    else:
        grant_partner_role(user, invitation.partner, invitation.role)
        log(
            instance=invitation.partner,
            action="wegwijs.member_added",
            user=invitation.invited_by,
            data={"member": user.get_username(), "role": invitation.role},
        )


def _claim(invitation: Invitation) -> bool:
    """Mark the invitation used; False if another request used it first (one use)."""
    return bool(
        Invitation.objects.usable().filter(pk=invitation.pk).update(accepted_at=timezone.now())
    )


@transaction.atomic
def accept_for_new_account(
    invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """Create the account for the invited address (username = the address) with its role.

    The caller has checked that no account carries the address and that the
    password passes the validators.
    """
    if not _claim(invitation):
        raise ValidationError("This invitation has been used already.")
    user = get_user_model().objects.create_user(
        username=invitation.email.lower(),
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    _give_role(invitation, user)
    return user


@transaction.atomic
def accept_for_existing_account(invitation: Invitation, user: User) -> None:
    """Extend the logged-in ``user``'s roles: only the active owner of the invited address."""
    if not user.is_active or user.email.lower() != invitation.email.lower():
        raise ValidationError("This invitation is for another account.")
    if not _claim(invitation):
        raise ValidationError("This invitation has been used already.")
    _give_role(invitation, user)


def remove_member(user: User, partner: Partner, *, removed_by: User | None = None) -> None:
    revoke_partner_roles(user, partner)
    log(
        instance=partner,
        action="wegwijs.member_removed",
        user=removed_by,
        data={"member": user.get_username()},
    )


def remove_municipality_coordinator(
    user: User, municipality: Municipality, *, removed_by: User | None = None
) -> None:
    revoke_municipality_coordinator(user, municipality)
    log(
        instance=municipality,
        action="wegwijs.member_removed",
        user=removed_by,
        data={"member": user.get_username()},
    )


def role_label(role: str) -> str:
    labels = {
        PartnerRole.EDITOR: _("editor"),
        PartnerRole.CONTRIBUTOR: _("contributor"),
        COORDINATOR: _("coordinator"),
        MUNICIPALITY_COORDINATOR: _("municipality coordinator"),
    }
    return labels.get(role, role)


def invitation_place(invitation: Invitation) -> str:
    """Where the role is held: the partner, the municipality, or the whole platform."""
    if invitation.partner is not None:
        return invitation.partner.name
    if invitation.municipality is not None:
        return invitation.municipality.name
    return settings.WAGTAIL_SITE_NAME


def send_invitation(sent: SentInvitation) -> None:
    """E-mail the link to the invited address, in the invitation's language."""
    invitation = sent.invitation
    where = invitation_place(invitation)
    with translation.override(invitation.language):
        values = {
            "role": role_label(invitation.role),
            "where": where,
            "site": settings.WAGTAIL_SITE_NAME,
            "days": settings.INVITATION_VALID_DAYS,
        }
        subject = _("You are invited as %(role)s for %(where)s on %(site)s") % values
        body = "\n\n".join(
            [
                subject + ".",
                _(
                    "Open this link to create your account, or to add the role to the "
                    "account you already have with this address. It works once, for "
                    "%(days)s days:"
                )
                % values,
                sent.url,
                _("Did you not expect this? Then ignore this e-mail: nothing changes."),
            ]
        )
    send_mail(subject, body + "\n", from_email=None, recipient_list=[invitation.email])
