"""The page editor's main button does what this person most often wants, and says what happened.

Wagtail leads with "Save draft" and hides publishing behind its ▾; its
submit button reads "Submit to Coordinator approval" (the workflow's name), and
an approval is confirmed as "Page ... has been updated". Here:

- an editor who may publish sees **Publish** as the main button;
- a contributor (no publish right) sees **Submit for approval**;
- a coordinator reviewing a submitted page sees **Approve and publish** first;
- "Save draft" stays in the menu for everyone;
- the confirmation names what happened: "Published", "Submitted to the
  coordinator for approval", "Approved and published", in the user's language.

Registers its hooks on import (``cms.wagtail_hooks`` imports it).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem

# Which button leads: the first of these the person has.
LEAD_ORDER = ("approve", "action-publish", "action-submit")


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button, named for what it does rather than after the workflow."""

    label = gettext_lazy("Submit for approval")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = gettext_lazy("Submit again for approval")
        else:
            context["label"] = self.label
        return context


@hooks.register("construct_page_action_menu")
def lead_with_the_usual_action(menu_items, request, context) -> None:
    for index, item in enumerate(menu_items):
        if isinstance(item, SubmitForModerationMenuItem) and not isinstance(
            item, SubmitForApprovalMenuItem
        ):
            menu_items[index] = SubmitForApprovalMenuItem(order=item.order)
    for name in LEAD_ORDER:
        lead = next((item for item in menu_items if item.name == name), None)
        if lead is not None:
            menu_items.remove(lead)
            menu_items.insert(0, lead)
            return


def what_happened(request: HttpRequest) -> str | None:
    """The confirmation for the action this request took, or None to keep Wagtail's."""
    posted = request.POST
    if posted.get("workflow-action-name") == "approve":
        return _("Approved and published")
    if posted.get("workflow-action-name") == "reject":
        return _("Sent back with your comments")
    if "action-publish" in posted:
        return _("Published")
    if "action-submit" in posted:
        return _("Submitted to the coordinator for approval")
    return None


def confirm(request: HttpRequest, page) -> None:
    """Replace Wagtail's confirmation with one that says what happened."""
    message = what_happened(request)
    if message is None:
        return
    storage = messages.get_messages(request)
    earlier = [m for m in storage if m.level != messages.SUCCESS]  # reading marks them shown
    for kept in earlier:
        messages.add_message(request, kept.level, kept.message, extra_tags=kept.extra_tags)
    messages.success(request, f"{message}: {page.get_admin_display_title()}")


@hooks.register("after_edit_page")
def confirm_edit(request, page) -> None:
    confirm(request, page)


@hooks.register("after_create_page")
def confirm_create(request, page) -> None:
    confirm(request, page)
