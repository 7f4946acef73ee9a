"""Admin menus for the snippet types."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BuildingBlock, Category, Partner, PolicyAction


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    list_display = ["name", "type", "email"]
    list_filter = ["type"]
    search_fields = ["name"]


class PolicyActionViewSet(SnippetViewSet):
    model = PolicyAction
    icon = "tasks"
    menu_label = "Policy actions"
    list_display = ["title", "building_block", "status", "progress", "due_on"]
    list_filter = ["building_block", "status"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"


class BuildingBlockViewSet(SnippetViewSet):
    model = BuildingBlock
    icon = "folder-open-1"


class PlatformViewSetGroup(SnippetViewSetGroup):
    menu_label = "Platform"
    menu_icon = "site"
    menu_order = 200
    items = (PartnerViewSet, PolicyActionViewSet, CategoryViewSet, BuildingBlockViewSet)


register_snippet(PlatformViewSetGroup)
