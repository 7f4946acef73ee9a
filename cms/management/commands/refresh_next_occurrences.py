from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.next_occurrence import refresh_ended


class Command(BaseCommand):
    help = (
        "Move each activity's stored next occurrence on once it has ended, so that the "
        "activity lists show the next date. Run every minute, e.g. from cron."
    )

    def handle(self, *args, **options):
        moved = refresh_ended(timezone.now())
        self.stdout.write(self.style.SUCCESS(f"Moved the next date of {moved} activities."))
