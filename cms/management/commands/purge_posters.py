"""Delete stored posters not written for POSTER_KEEP_DAYS (daily from cron).

A changed item gets a new file (its name is a hash of what it shows), so the old
ones pile up; any poster still asked for is simply made again.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.posters.stored import purge_older_than


class Command(BaseCommand):
    help = "Delete stored poster PDFs older than POSTER_KEEP_DAYS (daily from cron)."

    def handle(self, *args, **options):
        removed = purge_older_than(settings.POSTER_KEEP_DAYS, timezone.now())
        self.stdout.write(f"Deleted {removed} poster file(s).")
