"""Changing one's own e-mail address: only once the new address has confirmed it.

The address decides where invitations and password resets go, so an address
nobody proved they own must not land on an account (issue #21). The account
page asks for the new address (``EmailChangePanel``), a link goes there, and
only opening that link while logged in as the same account changes the
address; the old address is told. Until then the old address stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from ..permissions.roles import User
from .models import EmailChange
from .tokens import absolute_url, new_token, token_hash


@dataclass(frozen=True)
class RequestedChange:
    change: EmailChange
    url: str


def address_taken(email: str, user: User) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exclude(pk=user.pk).exists()


@transaction.atomic
def request_email_change(user: User, new_email: str) -> RequestedChange:
    """Replace any pending change of ``user`` by one to ``new_email``; returns the link."""
    if address_taken(new_email, user):
        raise ValidationError(_("Another account uses this address."), code="taken")
    token = new_token()
    EmailChange.objects.filter(user=user).delete()
    change = EmailChange.objects.create(
        user=user,
        new_email=new_email,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(hours=settings.EMAIL_CHANGE_VALID_HOURS),
    )
    url = absolute_url(reverse("cms_email_change_confirm", args=[token]))
    return RequestedChange(change=change, url=url)


def pending_change(user: User, token: str) -> EmailChange | None:
    """The user's own, unexpired change for this link (another user's link finds nothing)."""
    return EmailChange.objects.filter(
        user=user, token_hash=token_hash(token), expires_at__gt=timezone.now()
    ).first()


@transaction.atomic
def confirm_email_change(change: EmailChange) -> str:
    """Give the account its new address; returns the old one. One use: the change is deleted."""
    user = change.user
    if address_taken(change.new_email, user):
        change.delete()
        raise ValidationError(_("Another account uses this address."), code="taken")
    old = user.email
    user.email = change.new_email
    user.save(update_fields=["email"])
    change.delete()
    # No addresses in the log: it is kept for good, the addresses are personal data.
    log(user, "wegwijs.email_changed", user=user)
    return old


def _language(user: User) -> str:
    return UserProfile.get_for_user(user).get_preferred_language()


def send_confirmation(requested: RequestedChange) -> None:
    """The link to the new address, in the user's admin language."""
    change = requested.change
    with translation.override(_language(change.user)):
        values = {"site": settings.WAGTAIL_SITE_NAME, "hours": settings.EMAIL_CHANGE_VALID_HOURS}
        subject = _("Confirm your new e-mail address for %(site)s") % values
        body = "\n\n".join(
            [
                _(
                    "Open this link while logged in to %(site)s to use this address for your "
                    "account. It works once, for %(hours)s hours:"
                )
                % values,
                requested.url,
                _("Did you not expect this? Then ignore this e-mail: nothing changes."),
            ]
        )
    send_mail(subject, body + "\n", from_email=None, recipient_list=[change.new_email])


def notify_old_address(user: User, old: str) -> None:
    """Tell the previous address, so that a change nobody asked for does not go unnoticed."""
    if not old:
        return
    with translation.override(_language(user)):
        values = {"site": settings.WAGTAIL_SITE_NAME, "email": user.email}
        subject = _("Your e-mail address for %(site)s was changed") % values
        body = (
            _(
                "Your account on %(site)s now uses %(email)s. If you did not do this, tell the "
                "platform coordinator at once."
            )
            % values
        )
    send_mail(subject, body + "\n", from_email=None, recipient_list=[old])


class EmailChangeForm(forms.Form):
    """The account page's e-mail field: a request for a change, not the change itself."""

    new_email = forms.EmailField(
        required=False,
        label=gettext_lazy("New e-mail address"),
        help_text=gettext_lazy(
            "We send a link to the new address; your address changes once you open it."
        ),
    )

    def __init__(self, *args, instance: User, **kwargs):
        self.user = instance
        super().__init__(*args, **kwargs)

    def clean_new_email(self) -> str:
        email = self.cleaned_data["new_email"].strip()
        if email and email.lower() == (self.user.email or "").lower():
            return ""
        if email and address_taken(email, self.user):
            raise ValidationError(_("Another account uses this address."), code="taken")
        return email

    def save(self) -> None:
        email = self.cleaned_data.get("new_email")
        if email:
            send_confirmation(request_email_change(self.user, email))


class EmailChangePanel(BaseSettingsPanel):
    """On the account page, next to Wagtail's name panel (whose e-mail field is turned off)."""

    name = "email_change"
    title = gettext_lazy("E-mail address")
    order = 110
    form_class = EmailChangeForm
    template_name = "cms/accounts/email_change_panel.html"

    def get_context_data(self):
        pending = EmailChange.objects.filter(user=self.user, expires_at__gt=timezone.now()).first()
        return {**super().get_context_data(), "current": self.user.email, "pending": pending}
