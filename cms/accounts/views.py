"""Admin views for accounts: two-factor set-up and check, and a partner's members."""

from __future__ import annotations

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Partner, PartnerRole
from ..permissions.roles import is_coordinator
from . import invitations, two_factor


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """Shows a new secret as a QR code; the first correct code confirms the device."""

    template_name = "cms/accounts/two_factor_setup.html"
    form_class = TokenForm
    page_title = "Two-factor authentication"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if two_factor.confirmed_device(user) is not None and not user.is_verified():
            # Replacing a device needs the current one first.
            return redirect(f"{reverse('cms_two_factor_verify')}?next={request.path}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = two_factor.pending_device(user)
        context.update(
            active_device=two_factor.confirmed_device(user),
            required=two_factor.two_factor_required(user),
            secret=b32encode(device.bin_key).decode(),
            config_url=device.config_url,
            qr_code=two_factor.qr_code_svg(device.config_url),
            next=_next_url(self.request),
        )
        return context

    def form_valid(self, form):
        device = two_factor.pending_device(self.request.user)
        if not two_factor.confirm_device(self.request, device, form.cleaned_data["token"]):
            form.add_error("token", "That code is not right. Check the time on your phone.")
            return self.form_invalid(form)
        messages.success(self.request, "Two-factor authentication is on.")
        return redirect(_next_url(self.request))


class TwoFactorVerifyView(WagtailAdminTemplateMixin, FormView):
    """Asks for the current code after a password login."""

    template_name = "cms/accounts/two_factor_verify.html"
    form_class = TokenForm
    page_title = "Enter your code"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(_next_url(request))
        if two_factor.confirmed_device(request.user) is None:
            return redirect("cms_two_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_next_url(self.request), **kwargs)

    def form_valid(self, form):
        verified, problem = two_factor.verify_session(self.request, form.cleaned_data["token"])
        if not verified:
            form.add_error("token", problem)
            return self.form_invalid(form)
        return redirect(_next_url(self.request))


class InviteForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(required=False, max_length=150)
    last_name = forms.CharField(required=False, max_length=150)
    role = forms.ChoiceField(choices=PartnerRole.choices, initial=PartnerRole.EDITOR)


class PartnerMembersView(WagtailAdminTemplateMixin, FormView):
    """The coordinator's page for one partner's editors and contributors: invite, remove."""

    template_name = "cms/accounts/partner_members.html"
    form_class = InviteForm
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        self.partner = get_object_or_404(Partner, pk=kwargs["partner_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Members of {self.partner.name}"

    def members(self) -> list[tuple[object, str]]:
        User = get_user_model()
        rows = []
        for link in self.partner.groups.select_related("group").order_by("role"):
            for user in User.objects.filter(groups=link.group).order_by("email"):
                rows.append((user, link.get_role_display()))
        return rows

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, members=self.members(), **kwargs)

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            user = get_object_or_404(get_user_model(), pk=request.POST["remove"])
            invitations.remove_member(user, self.partner, removed_by=request.user)
            messages.success(request, f"{user.get_username()} no longer works for this partner.")
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        invitation = invitations.invite_member(
            data["email"],
            data["role"],
            self.partner,
            invited_by=self.request.user,
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        try:
            invitations.send_invitation(invitation, self.partner, data["role"])
            delivered = bool(settings.EMAIL_HOST)
        except OSError:
            delivered = False
        if delivered or not invitation.set_password_url:
            messages.success(self.request, f"{data['email']} is now {data['role']}.")
        else:
            messages.warning(
                self.request,
                f"{data['email']} is now {data['role']}, but no e-mail could be sent. Pass on "
                f"this one-time link to choose a password: {invitation.set_password_url}",
            )
        return redirect(self.request.path)
