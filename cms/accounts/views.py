"""Admin views for accounts: two-factor set-up and check, and a partner's members."""

from __future__ import annotations

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Invitation, Partner, PartnerRole
from ..permissions.municipal import manages_partner_people
from ..permissions.roles import coordinated_municipality_ids, is_coordinator
from . import invitations, two_factor


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
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
    page_title = gettext_lazy("Two-factor authentication")
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
            form.add_error("token", _("That code is not right. Check the time on your phone."))
            return self.form_invalid(form)
        messages.success(self.request, _("Two-factor authentication is on."))
        return redirect(_next_url(self.request))


class TwoFactorVerifyView(WagtailAdminTemplateMixin, FormView):
    """Asks for the current code after a password login."""

    template_name = "cms/accounts/two_factor_verify.html"
    form_class = TokenForm
    page_title = gettext_lazy("Enter your code")
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
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    role = forms.ChoiceField(
        label=gettext_lazy("Role"), choices=PartnerRole.choices, initial=PartnerRole.EDITOR
    )
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        label=gettext_lazy("Language"),
        help_text=gettext_lazy("The language of the invitation e-mail."),
    )


def _posted_id(request, name: str) -> int:
    """A row id from a button; anything else is a bad request, not a server error."""
    try:
        return int(request.POST[name])
    except ValueError:
        raise SuspiciousOperation(f"'{name}' is not an id.") from None


class PartnerMembersView(WagtailAdminTemplateMixin, FormView):
    """The coordinator's page for one partner's editors and contributors: invite, remove.

    A municipality's coordinator reaches it for the partners of their own
    municipality (``municipal.manages_partner_people``).
    """

    template_name = "cms/accounts/partner_members.html"
    form_class = InviteForm
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        # Nobody else learns which partner ids exist.
        if not is_coordinator(request.user) and not coordinated_municipality_ids(request.user):
            raise PermissionDenied
        self.partner = get_object_or_404(Partner, pk=kwargs["partner_id"])
        if not manages_partner_people(request.user, self.partner):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Members of %(partner)s") % {"partner": self.partner.name}

    def members(self) -> list[tuple[object, str]]:
        User = get_user_model()
        rows = []
        for link in self.partner.groups.select_related("group").order_by("role"):
            for user in User.objects.filter(groups=link.group).order_by("email"):
                rows.append((user, link.get_role_display()))
        return rows

    def get_context_data(self, **kwargs):
        pending = Invitation.objects.usable().filter(partner=self.partner).order_by("created_at")
        return super().get_context_data(
            partner=self.partner, members=self.members(), invitations=pending, **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            user = get_object_or_404(get_user_model(), pk=_posted_id(request, "remove"))
            invitations.remove_member(user, self.partner, removed_by=request.user)
            messages.success(
                request,
                _("%(user)s no longer works for this partner.") % {"user": user.get_username()},
            )
            return redirect(request.path)
        if "withdraw" in request.POST:
            Invitation.objects.filter(
                partner=self.partner, pk=_posted_id(request, "withdraw"), accepted_at__isnull=True
            ).delete()
            messages.success(request, _("The invitation is withdrawn: its link no longer works."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        sent = invitations.invite_member(
            data["email"],
            data["role"],
            self.partner,
            invited_by=self.request.user,
            language=data["language"] or settings.LANGUAGE_CODE,
        )
        try:
            invitations.send_invitation(sent)
            delivered = bool(settings.EMAIL_HOST)
        except OSError:
            delivered = False
        if delivered:
            messages.success(
                self.request,
                _("Invitation sent to %(email)s: the role is theirs once they open the link.")
                % {"email": data["email"]},
            )
        else:
            messages.warning(
                self.request,
                _(
                    "No e-mail could be sent to %(email)s. Pass on this one-time link "
                    "yourself, to that person only: %(url)s"
                )
                % {"email": data["email"], "url": sent.url},
            )
        return redirect(self.request.path)
