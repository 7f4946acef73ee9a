from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.accounts.retention import purge_account_links


class Command(BaseCommand):
    help = (
        "Delete used or expired invitations and expired e-mail address changes "
        "(run daily from cron)."
    )

    def handle(self, *args, **options):
        invitations, changes = purge_account_links(timezone.now())
        self.stdout.write(
            f"Invitations deleted: {invitations}; e-mail address changes deleted: {changes}"
        )
