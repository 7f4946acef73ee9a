"""The admin's "Make a venue of this place" (coordinators only)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import Button

from ..models import ActivityPage, Partner
from ..permissions.roles import is_coordinator
from .from_activity import may_become_venue, venue_from_activity


class VenueOwnerForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Managed by"),
        queryset=Partner.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("The platform (every partner may use it)"),
    )


def make_venue_view(request: HttpRequest, page_id: int) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied
    page = get_object_or_404(ActivityPage, pk=page_id)
    if not may_become_venue(page):
        messages.error(request, _("This activity has no one-off place to make a venue of."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    form = VenueOwnerForm(request.POST or None, initial={"partner": page.organiser_id})
    if request.method == "POST" and form.is_valid():
        venue = venue_from_activity(page, form.cleaned_data["partner"])
        messages.success(
            request,
            _("“%(venue)s” is now a venue; this activity is held there.") % {"venue": venue.name},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "cms/venues/make_venue.html",
        {"page": page, "form": form, "page_title": _("Make a venue of this place")},
    )


def make_venue_button(page, user) -> Button | None:
    """The page header's button, shown to coordinators on an activity held at a one-off place."""
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if not isinstance(specific, ActivityPage) or not is_coordinator(user):
        return None
    if not may_become_venue(specific):
        return None
    return Button(
        _("Make a venue of this place"),
        reverse("cms_make_venue", args=[page.pk]),
        icon_name="site",
        priority=90,
    )
