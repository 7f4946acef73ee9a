"""The "Taking part" menu: sign-ups, and the buddy project's lists, pairs and matches."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin import SignupViewSet
from .buddy_admin import (
    BuddyMatchViewSet,
    BuddyOfferViewSet,
    BuddyProjectViewSet,
    BuddyRequestViewSet,
)


class TakingPartViewSetGroup(ViewSetGroup):
    menu_label = _("Taking part")
    menu_icon = "group"
    menu_order = 160
    items = (
        SignupViewSet("signups"),
        BuddyRequestViewSet("buddy_requests"),
        BuddyOfferViewSet("buddy_offers"),
        BuddyMatchViewSet("buddy_matches"),
        BuddyProjectViewSet("buddy_projects"),
    )
