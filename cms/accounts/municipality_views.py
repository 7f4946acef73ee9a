"""Admin pages of one municipality: who coordinates it, and which partners work in it.

- ``MunicipalityCoordinatorsView`` (regional coordinators only): the people of
  ``Municipality.coordinators``; invite one (the invitation flow of
  ``invitations``: one-use link, the role given only to whoever opens it),
  remove one, withdraw an invitation.
- ``MunicipalityPartnersView`` (its coordinators and the regional ones): the
  partners working in the municipality; add a partner to it or take one out
  of it (the partner's other municipalities are not touched), and reach the
  members page of the partners whose people they manage.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import pgettext, pgettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from ..models import Invitation, Municipality, Partner
from ..permissions.municipal import manages_partner_people
from ..permissions.roles import coordinates, is_coordinator
from . import invitations
from .views import _posted_id

ADMIN = "municipality admin"  # the catalogs' context of this module's and its templates' texts


class CoordinatorInviteForm(forms.Form):
    email = forms.EmailField(label=pgettext_lazy(ADMIN, "E-mail address"))
    language = forms.ChoiceField(
        label=pgettext_lazy(ADMIN, "Language of the e-mail"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )


def _deliver(request, sent: invitations.SentInvitation) -> None:
    """E-mail the link; without e-mail, show it to the inviter to pass on (as for partners)."""
    email = sent.invitation.email
    try:
        invitations.send_invitation(sent)
        delivered = bool(settings.EMAIL_HOST)
    except OSError:
        delivered = False
    if delivered:
        messages.success(
            request,
            pgettext(
                ADMIN, "Invitation sent to %(email)s: the role is theirs once they open the link."
            )
            % {"email": email},
        )
    else:
        messages.warning(
            request,
            pgettext(
                ADMIN,
                "No e-mail could be sent to %(email)s. Pass on this one-time link yourself, "
                "to that person only: %(url)s",
            )
            % {"email": email, "url": sent.url},
        )


class MunicipalityCoordinatorsView(WagtailAdminTemplateMixin, FormView):
    """The regional coordinator names (and removes) a municipality's coordinators."""

    template_name = "cms/accounts/municipality_coordinators.html"
    form_class = CoordinatorInviteForm
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        self.municipality = get_object_or_404(Municipality, pk=kwargs["municipality_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return pgettext(ADMIN, "Coordinators of %(name)s") % {"name": self.municipality.name}

    def get_context_data(self, **kwargs):
        group_id = self.municipality.coordinators_id
        members = (
            get_user_model().objects.filter(groups=group_id).order_by("email")
            if group_id
            else get_user_model().objects.none()
        )
        pending = Invitation.objects.usable().filter(
            municipality=self.municipality, role=invitations.MUNICIPALITY_COORDINATOR
        )
        return super().get_context_data(
            municipality=self.municipality,
            members=members,
            invitations=pending.order_by("created_at"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            user = get_object_or_404(get_user_model(), pk=_posted_id(request, "remove"))
            invitations.remove_municipality_coordinator(
                user, self.municipality, removed_by=request.user
            )
            messages.success(
                request,
                pgettext(ADMIN, "%(user)s no longer coordinates this municipality.")
                % {"user": user.get_username()},
            )
            return redirect(request.path)
        if "withdraw" in request.POST:
            Invitation.objects.filter(
                municipality=self.municipality,
                pk=_posted_id(request, "withdraw"),
                accepted_at__isnull=True,
            ).delete()
            messages.success(
                request, pgettext(ADMIN, "The invitation is withdrawn: its link no longer works.")
            )
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        sent = invitations.invite_member(
            data["email"],
            invitations.MUNICIPALITY_COORDINATOR,
            municipality=self.municipality,
            invited_by=self.request.user,
            language=data["language"] or settings.LANGUAGE_CODE,
        )
        _deliver(self.request, sent)
        return redirect(self.request.path)


class PartnerChoiceForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=pgettext_lazy(ADMIN, "Partner"), queryset=Partner.objects.none()
    )

    def __init__(self, municipality: Municipality, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.exclude(
            municipalities=municipality
        ).order_by("name")


class MunicipalityPartnersView(WagtailAdminTemplateMixin, FormView):
    """A municipality's coordinators decide which partners work in it."""

    template_name = "cms/accounts/municipality_partners.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.municipality = get_object_or_404(Municipality, pk=kwargs["municipality_id"])
        if not coordinates(request.user, self.municipality.pk):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return PartnerChoiceForm(self.municipality, **self.get_form_kwargs())

    def get_page_title(self):
        return pgettext(ADMIN, "Partners in %(name)s") % {"name": self.municipality.name}

    def get_context_data(self, **kwargs):
        user = self.request.user
        partners = self.municipality.partners.prefetch_related("municipalities").order_by("name")
        rows = [(partner, manages_partner_people(user, partner)) for partner in partners]
        return super().get_context_data(municipality=self.municipality, partners=rows, **kwargs)

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            partner = get_object_or_404(
                self.municipality.partners, pk=_posted_id(request, "remove")
            )
            partner.municipalities.remove(self.municipality)
            partner.save()  # its search document and pages follow (``search.signals``)
            self._log(partner, "wegwijs.partner_left_municipality")
            messages.success(
                request,
                pgettext(ADMIN, "%(partner)s no longer works in this municipality.")
                % {"partner": partner.name},
            )
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        partner = form.cleaned_data["partner"]
        partner.municipalities.add(self.municipality)
        partner.save()
        self._log(partner, "wegwijs.partner_joined_municipality")
        messages.success(
            self.request,
            pgettext(ADMIN, "%(partner)s now works in this municipality.")
            % {"partner": partner.name},
        )
        return redirect(self.request.path)

    def _log(self, partner: Partner, action: str) -> None:
        log(
            instance=partner,
            action=action,
            user=self.request.user,
            data={"municipality": self.municipality.slug},
        )
