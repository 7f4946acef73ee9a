"""Erase the free texts of "Was this clear?" answers past FEEDBACK_TEXT_RETENTION_DAYS."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.feedback.retention import purge_expired_texts


class Command(BaseCommand):
    help = "Erase feedback free texts older than FEEDBACK_TEXT_RETENTION_DAYS (daily from cron)."

    def handle(self, *args, **options):
        erased = purge_expired_texts(timezone.localdate())
        self.stdout.write(f"Erased {erased} feedback text(s).")
