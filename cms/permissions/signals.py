"""A partner's groups follow the partner: created and renamed with it, removed with it.

A new municipality gets the roles' rights in its part of the tree.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ..models import Municipality, Partner, PartnerGroup
from .setup import ensure_municipality_rights, ensure_partner_groups


@receiver(post_save, sender=Partner)
def create_partner_groups(sender, instance: Partner, raw=False, **kwargs) -> None:
    if not raw:
        ensure_partner_groups(instance)


@receiver(post_delete, sender=PartnerGroup)
def delete_partner_group(sender, instance: PartnerGroup, **kwargs) -> None:
    Group.objects.filter(pk=instance.group_id).delete()


@receiver(post_save, sender=Municipality)
def grant_rights_in_municipality(sender, instance: Municipality, raw=False, **kwargs) -> None:
    if not raw:
        ensure_municipality_rights(instance)
