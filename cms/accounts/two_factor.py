"""Two-factor authentication with time-based one-time passwords (RFC 6238, django-otp).

Every admin user may turn it on; coordinators and partner editors must (setting
``TWO_FACTOR_REQUIRED``; editors read questions about health and housing): until
they have confirmed an authenticator app they are sent to set one up, and after each password login
they are asked for a code before the admin opens.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..permissions.roles import (
    User,
    coordinated_municipality_ids,
    editor_partner_ids,
    is_coordinator,
)

DEVICE_NAME = "Authenticator app"


def confirmed_device(user: User) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_required(user: User) -> bool:
    """Must this user use a second factor (whether or not they have set one up)?"""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return False
    return (
        is_coordinator(user)
        or bool(coordinated_municipality_ids(user))
        or bool(editor_partner_ids(user))
    )


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed device that a setup in progress shows as a QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def confirm_device(request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Confirm a new device with its first code; the session counts as verified."""
    if not device.verify_token(token.strip()):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify_session(request: HttpRequest, token: str) -> tuple[bool, str]:
    """Check a code for the logged-in user; returns (verified, message for a refusal)."""
    device = confirmed_device(request.user)
    if device is None:
        return False, _("No authenticator app is set up for this account.")
    allowed, _why = device.verify_is_allowed()
    if not allowed:
        return False, _("Too many wrong codes. Wait a little and try again.")
    if not device.verify_token(token.strip()):
        return False, _("That code is not right, or it has expired.")
    otp_login(request, device)
    return True, ""
