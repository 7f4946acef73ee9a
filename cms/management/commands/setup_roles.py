from django.core.management.base import BaseCommand

from cms.models import Municipality, Partner
from cms.permissions.setup import (
    ensure_coordinators,
    ensure_municipality_rights,
    ensure_partner_groups,
)


class Command(BaseCommand):
    help = (
        "Create or repair the Coordinators group, the moderation workflow, every partner's "
        "editors' and contributors' groups and every municipality's coordinators' group with "
        "their permissions. Safe to run again."
    )

    def handle(self, *args, **options):
        ensure_coordinators()
        count = 0
        for partner in Partner.objects.all():
            ensure_partner_groups(partner, repair=True)
            count += 1
        for municipality in Municipality.objects.select_related("site"):
            ensure_municipality_rights(municipality)
        self.stdout.write(self.style.SUCCESS(f"Roles ready: coordinators and {count} partners."))
