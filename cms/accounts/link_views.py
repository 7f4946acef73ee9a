"""The pages that mailed links open: accepting an invitation, confirming a new e-mail address.

Opening a link (GET) changes nothing: mail scanners and link previews open
links too. Only the form on the page (POST) accepts or confirms. A link that
is used, expired or not ours answers 410 Gone (a 404 would be redirected to a
language prefix by ``LocaleMiddleware``).

The invitation page is outside Wagtail's admin-access check (``hub/urls.py``):
the person it is for may have no account yet.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import email_change, invitations
from .models import Invitation

LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


class NewAccountForm(SetPasswordForm):
    """A name and a password (checked by AUTH_PASSWORD_VALIDATORS) for the invited address."""

    first_name = forms.CharField(label=gettext_lazy("First name"), required=False, max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), required=False, max_length=150)
    field_order = ["first_name", "last_name", "new_password1", "new_password2"]


def _new_user_for(invitation: Invitation):
    """An unsaved user with the invited address, so that the validators compare against it."""
    from django.contrib.auth import get_user_model

    return get_user_model()(username=invitation.email.lower(), email=invitation.email)


class InvitationView(View):
    """``/admin/invitation/<token>/``: create the account, or add the role to one's own."""

    template_name = "cms/accounts/invitation.html"

    def dispatch(self, request: HttpRequest, token: str, *args, **kwargs) -> HttpResponse:
        self.invitation = invitations.usable_invitation(token)
        if self.invitation is None:
            return TemplateResponse(request, self.template_name, {"state": "invalid"}, status=410)
        with translation.override(self.invitation.language):
            return super().dispatch(request, token, *args, **kwargs)

    def state(self) -> str:
        """What the page offers: see the template."""
        owner = invitations.account_of(self.invitation)
        user = self.request.user
        if user.is_authenticated:
            if owner is not None and owner.pk == user.pk:
                return "confirm"
            return "other_account"
        if owner is None:
            return "create"
        return "log_in" if owner.is_active else "disabled"

    def render(self, state: str, form=None, status: int = 200) -> HttpResponse:
        invitation = self.invitation
        context = {
            "state": state,
            "form": form,
            "email": invitation.email,
            "role": invitations.role_label(invitation.role),
            "where": invitations.invitation_place(invitation),
            "login_url": reverse("wagtailadmin_login")
            + "?"
            + urlencode({"next": self.request.path}),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        state = self.state()
        form = NewAccountForm(_new_user_for(self.invitation)) if state == "create" else None
        return self.render(state, form)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        state = self.state()
        if state == "create":
            form = NewAccountForm(_new_user_for(self.invitation), request.POST)
            if not form.is_valid():
                return self.render(state, form, status=400)
            data = form.cleaned_data
            user = invitations.accept_for_new_account(
                self.invitation, data["new_password1"], data["first_name"], data["last_name"]
            )
            login(request, user, backend=LOGIN_BACKEND)
        elif state == "confirm":
            try:
                invitations.accept_for_existing_account(self.invitation, request.user)
            except ValidationError:
                return self.render("invalid", status=410)
        else:
            return self.render(state, status=403)
        messages.success(
            request,
            _("You are now %(role)s for %(where)s.")
            % {
                "role": invitations.role_label(self.invitation.role),
                "where": invitations.invitation_place(self.invitation),
            },
        )
        return redirect("wagtailadmin_home")


class EmailChangeConfirmView(View):
    """``/admin/email-change/<token>/``: the logged-in owner confirms the new address."""

    template_name = "cms/accounts/email_change_confirm.html"

    def dispatch(self, request: HttpRequest, token: str, *args, **kwargs) -> HttpResponse:
        user = request.user
        self.change = (
            None if isinstance(user, AnonymousUser) else email_change.pending_change(user, token)
        )
        if self.change is None:
            return TemplateResponse(request, self.template_name, {"change": None}, status=410)
        return super().dispatch(request, token, *args, **kwargs)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return TemplateResponse(request, self.template_name, {"change": self.change})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        new = self.change.new_email
        try:
            old = email_change.confirm_email_change(self.change)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("wagtailadmin_account")
        request.user.email = new
        email_change.notify_old_address(request.user, old)
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new})
        return redirect("wagtailadmin_account")
