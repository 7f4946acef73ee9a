from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.surveys.retention import purge_expired_responses


class Command(BaseCommand):
    help = "Delete survey answers older than SURVEY_RESPONSE_RETENTION_DAYS (run daily from cron)."

    def handle(self, *args, **options):
        deleted = purge_expired_responses(timezone.localdate())
        self.stdout.write(f"Survey responses deleted: {deleted}")
