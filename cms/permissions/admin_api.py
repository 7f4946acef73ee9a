"""Wagtail's admin API (``/admin/api/main/pages/``): its ``move`` kept to the page rules.

The API's ``move`` takes a ``position`` next to a sibling ("left", "right",
"first-sibling", ...). Placed next to a sibling in the same section, that is
a reorder of the section, which moves the other partners' pages too; the
page UI refuses it (``PartnerPagePermissionTester.can_reorder_children``),
the API did not check it (issue #21). A move that places a page next to a
sibling, or first among its new siblings, now needs permission to reorder
the destination's children; appending as last child is an ordinary move.
"""

from __future__ import annotations

from rest_framework.exceptions import PermissionDenied
from wagtail.admin.api.actions.move import MovePageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page

APPENDING = frozenset({None, "last-child", "sorted-child"})


class PartnerMovePageAPIAction(MovePageAPIAction):
    def execute(self, instance, data):
        position = data.get("position")
        if position not in APPENDING:
            target = Page.objects.filter(pk=data["destination_page_id"]).first()
            parent = target if position == "first-child" else target and target.get_parent()
            if (
                parent is None
                or not (
                    parent.specific_deferred.permissions_for_user(self.request.user)
                ).can_reorder_children()
            ):
                raise PermissionDenied("You may not reorder the pages of this section.")
        return super().execute(instance, data)


class PartnerPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "move": PartnerMovePageAPIAction}
