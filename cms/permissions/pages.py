"""Activities and guides belong to a partner: its organiser or its author.

Wagtail grants page permissions per subtree, but every partner publishes under
the same ``/activiteiten/`` and ``/wegwijzers/`` sections, so the partner check
is layered on top of Wagtail's own:

- ``PartnerPagePermissionTester`` (returned by ``permissions_for_user`` of the
  partner-owned page types) refuses every action on another partner's page.
  Every admin view and every Wagtail action (edit, publish, unpublish, move,
  copy, delete, lock, revert, bulk actions, workflow) asks it.
- ``PartnerPagePermissionPolicy`` (registered for all pages) leaves another
  partner's pages out of the listings, the admin search, the explorer menu,
  the reports and the site history.
- ``PartnerContentPageForm`` only offers the user's own partners as organiser
  or author, so a page cannot be handed to (or created for) another partner;
  and only coordinators name other partners as co-organisers.

A page belongs to the partner named by the database row *and* by the version
being acted on (a draft, or a form's unsaved instance): whoever wants to act
on it must work for both, so setting yourself as organiser of someone else's
page is refused before anything is saved.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.db.models import QuerySet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PagePermissionTester, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..translation import texts_as_opened as opened_texts
from ..translation.field_status import annotate_translated_fields
from ..view_restrictions import ViewRestrictionsByPathMixin
from .municipal import approves, coordinates_page
from .roles import User, is_coordinator, partner_ids


def page_partner_ids(page: PartnerContentMixin) -> set[int | None]:
    """The partner the page belongs to, as stored and as in this (possibly unsaved) version."""
    attname = page._meta.get_field(page.partner_field).attname
    ids = {getattr(page, attname)}
    if page.pk:
        stored = (
            type(page)._default_manager.filter(pk=page.pk).values_list(attname, flat=True).first()
        )
        if stored is not None:
            ids.add(stored)
    return ids


def may_manage_page(user: User, page: Page) -> bool:
    """May the user change this page (Wagtail's own permissions still apply on top)?

    A partner's page: when the user works for that partner. Any other page of
    the platform (home, the sections, the policy plan): coordinators only, a
    municipality's coordinators under its home (``municipal.coordinates_page``).
    """
    if is_coordinator(user):
        return True
    if not isinstance(page, PartnerContentMixin):
        return coordinates_page(user, page)
    own = partner_ids(user)
    return all(pid is not None and pid in own for pid in page_partner_ids(page))


def partner_content_models() -> list[type[Page]]:
    return [model for model in get_page_models() if issubclass(model, PartnerContentMixin)]


def without_other_partners_pages(user: User, pages: QuerySet) -> QuerySet:
    """``pages`` minus the activities and guides of partners the user does not work for."""
    if is_coordinator(user):
        return pages
    own = partner_ids(user)
    for model in partner_content_models():
        foreign = model._default_manager.exclude(**{f"{model.partner_field}__in": own})
        pages = pages.exclude(pk__in=foreign.values("pk"))
    return pages


class PartnerPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, refusing every change to a page the user may not manage.

    Adding (and publishing) pages *under* a section stays as Wagtail's group
    permissions say: that is how editors create activities and guides.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.works_for_partner = may_manage_page(user, page)

    def can_edit(self):
        return self.works_for_partner and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.works_for_partner and super().can_delete(ignore_bulk)

    def can_publish(self):
        if not super().can_publish():
            return False
        return self.works_for_partner or self.approves_submission()

    def approves_submission(self) -> bool:
        """A municipality coordinator approves (so publishes) the pages published to their
        municipality alone, as a regional coordinator does every page; editing stays the
        partner's. Wagtail asks this again when the approval publishes the page, after the
        workflow has finished, so it cannot depend on a submission being in progress."""
        return approves(self.user, self.page)

    def can_unpublish(self):
        return self.works_for_partner and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self.works_for_partner and super().can_submit_for_moderation()

    def can_lock(self):
        return self.works_for_partner and super().can_lock()

    def can_unlock(self):
        return self.works_for_partner and super().can_unlock()

    def can_copy(self):
        return self.works_for_partner and super().can_copy()

    def can_view_revisions(self):
        return self.works_for_partner and super().can_view_revisions()

    def can_reorder_children(self):
        # Reordering moves the other partners' pages in the section too.
        return self.works_for_partner and super().can_reorder_children()

    # can_move, can_move_to, can_copy_to, can_set_view_restrictions and
    # can_unschedule go through the methods above.


class PartnerPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, leaving other partners' pages out of what a user may manage."""

    def instances_user_has_any_permission_for(self, user, actions):
        return without_other_partners_pages(
            user, super().instances_user_has_any_permission_for(user, actions)
        )

    def explorable_instances(self, user):
        return without_other_partners_pages(user, super().explorable_instances(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        specific = instance.specific_deferred if isinstance(instance, Page) else instance
        return may_manage_page(user, specific)


def restrict_partner_choice(form: forms.ModelForm, field_name: str, user: User | None) -> None:
    """Offer only the user's own partners in ``field_name`` (coordinators keep them all)."""
    field = form.fields.get(field_name)
    if field is None or user is None or is_coordinator(user):
        return
    # A plain select instead of the snippet chooser: the chooser would list
    # every partner, and editors have no rights on the partner snippets.
    field.widget = forms.Select()
    field.queryset = field.queryset.model.objects.filter(pk__in=partner_ids(user))
    own = list(field.queryset.values_list("pk", flat=True))
    attname = form._meta.model._meta.get_field(field_name).attname
    if not form.is_bound and getattr(form.instance, attname, None) is None and len(own) == 1:
        form.initial[field_name] = own[0]


def refused_co_organisers(user: User | None, page: Page, chosen) -> list:
    """The co-organisers in ``chosen`` that ``user`` may not name on ``page``.

    An activity is listed under each co-organiser too, so naming a partner puts
    your activity on their page. Rule (issue #21): only coordinators name other
    partners; an editor may name their own partners and keep those already
    named (as stored), but not add another partner.
    """
    if user is None or is_coordinator(user):
        return []
    allowed = set(partner_ids(user))
    if page.pk:
        allowed |= set(
            type(page)._default_manager.filter(pk=page.pk).values_list("co_organisers", flat=True)
        )
    return [partner for partner in chosen if partner.pk not in allowed]


class PartnerContentPageForm(WagtailAdminPageForm):
    """The page form of partner-owned pages: the partner choice is limited to one's own.

    It also carries the texts as opened, so that a translator's newer text is
    never saved over in silence (``cms.translation.texts_as_opened``).
    """

    texts_as_opened = opened_texts.hidden_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        restrict_partner_choice(self, self._meta.model.partner_field, self.for_user)
        annotate_translated_fields(self, self.instance)
        opened_texts.set_opened(self)

    def clean(self):
        cleaned = super().clean()
        opened_texts.keep_newer_texts(self, cleaned)
        if "co_organisers" in self.fields:
            refused = refused_co_organisers(
                self.for_user, self.instance, cleaned.get("co_organisers") or []
            )
            if refused:
                names = ", ".join(partner.name for partner in refused)
                self.add_error(
                    "co_organisers",
                    forms.ValidationError(
                        f"Only a coordinator can name {names} as co-organiser.",
                        code="co_organiser_not_allowed",
                    ),
                )
        return cleaned


class PlatformPageMixin(ViewRestrictionsByPathMixin):
    """For every page type of the platform: permissions go through ``may_manage_page``;
    view restrictions are looked up only where there can be one (``cms.view_restrictions``).

    Put it first in the bases, before ``Page``.
    """

    def permissions_for_user(self, user):
        return PartnerPagePermissionTester(user, self)


class PartnerContentMixin(PlatformPageMixin):
    """For page types that belong to a partner; ``partner_field`` names the foreign key."""

    partner_field: ClassVar[str]
    base_form_class = PartnerContentPageForm
