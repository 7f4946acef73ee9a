"""The admin's way to a municipality's own pages (``municipality_views``): URLs, buttons, menu."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.widgets import ListingButton

from ..models import Municipality
from ..permissions.roles import coordinated_municipality_ids, is_coordinator
from .municipality_views import ADMIN, MunicipalityCoordinatorsView, MunicipalityPartnersView


@hooks.register("register_admin_urls")
def municipality_urls():
    return [
        path(
            "municipalities/<int:municipality_id>/coordinators/",
            MunicipalityCoordinatorsView.as_view(),
            name="cms_municipality_coordinators",
        ),
        path(
            "municipalities/<int:municipality_id>/partners/",
            MunicipalityPartnersView.as_view(),
            name="cms_municipality_partners",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def municipality_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Municipality) and is_coordinator(user):
        yield ListingButton(
            pgettext_lazy(ADMIN, "Coordinators"),
            reverse("cms_municipality_coordinators", args=[snippet.pk]),
            icon_name="user",
            priority=20,
        )
        yield ListingButton(
            pgettext_lazy(ADMIN, "Partners"),
            reverse("cms_municipality_partners", args=[snippet.pk]),
            icon_name="group",
            priority=21,
        )


class OwnMunicipalityMenuItem(MenuItem):
    """A municipality coordinator's way to their municipality's partners."""

    def is_shown(self, request):
        return not is_coordinator(request.user) and bool(coordinated_municipality_ids(request.user))

    def render_component(self, request):
        first = min(coordinated_municipality_ids(request.user))
        return LinkMenuItemComponent(
            self.name,
            self.label,
            reverse("cms_municipality_partners", args=[first]),
            icon_name=self.icon_name,
        )


@hooks.register("register_admin_menu_item")
def own_municipality_menu_item():
    return OwnMunicipalityMenuItem(
        pgettext_lazy(ADMIN, "Partners in my municipality"), "#", icon_name="group", order=205
    )


@hooks.register("register_log_actions")
def register_municipality_log_actions(actions):
    actions.register_action(
        "wegwijs.partner_joined_municipality",
        pgettext_lazy(ADMIN, "Partner added to municipality"),
        pgettext_lazy(ADMIN, "Partner added to municipality"),
    )
    actions.register_action(
        "wegwijs.partner_left_municipality",
        pgettext_lazy(ADMIN, "Partner taken out of municipality"),
        pgettext_lazy(ADMIN, "Partner taken out of municipality"),
    )
