"""Every way content changes reaches the outbox.

Pages: published (admin, workflow, scheduled go-live, ``import_content``),
unpublished (admin, scheduled expiry via ``publish_scheduled``), moved,
deleted; made private or public again (a view restriction on it or an
ancestor). Snippets (partners, policy actions): saved or deleted. Draft edits
of a page are not signalled and need not be: the index holds published content.
The receivers only queue; ``search.outbox`` decides what the index gets.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import ActivityPage, GuidePage, Partner, PolicyAction
from cms.signals import occurrences_refreshed
from cms.venues.sync import venue_moved

from .indexing import kind_of
from .outbox import enqueue


def queue_change(sender, instance, **kwargs) -> None:
    # By sender: a moved page arrives as a plain Page; its sender is the specific class.
    enqueue(kind_of(sender), instance.pk)


def queue_partner_and_its_pages(sender, instance, **kwargs) -> None:
    """A partner's name and slug are in its activities' and guides' documents too."""
    enqueue("partner", instance.pk)
    activities = ActivityPage.objects.filter(Q(organiser=instance) | Q(co_organisers=instance))
    enqueue("activity", *activities.values_list("pk", flat=True).distinct())
    enqueue("guide", *GuidePage.objects.filter(author=instance).values_list("pk", flat=True))


def queue_pages_under_restriction(sender, instance, **kwargs) -> None:
    """A restriction hides (or, removed, shows again) its page and everything below it."""
    under = Q(path__startswith=instance.page.path)
    enqueue("activity", *ActivityPage.objects.filter(under).values_list("pk", flat=True))
    enqueue("guide", *GuidePage.objects.filter(under).values_list("pk", flat=True))


def queue_refreshed_dates(sender, activity_ids, **kwargs) -> None:
    enqueue("activity", *activity_ids)


def connect() -> None:
    for model in (ActivityPage, GuidePage):
        for signal in (page_published, page_unpublished, post_page_move, post_delete):
            signal.connect(queue_change, sender=model, dispatch_uid="search")
    for model in (Partner, PolicyAction):
        post_delete.connect(queue_change, sender=model, dispatch_uid="search")
    post_save.connect(queue_change, sender=PolicyAction, dispatch_uid="search")
    post_save.connect(queue_partner_and_its_pages, sender=Partner, dispatch_uid="search")
    for signal in (post_save, post_delete):
        signal.connect(
            queue_pages_under_restriction, sender=PageViewRestriction, dispatch_uid="search"
        )
    occurrences_refreshed.connect(queue_refreshed_dates, dispatch_uid="search")
    # A venue's new place, copied onto its activities, is in their documents.
    venue_moved.connect(queue_refreshed_dates, dispatch_uid="search")
