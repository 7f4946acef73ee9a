from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cms.taking_part.retention import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Erase the names and contacts of sign-ups SIGNUP_RETENTION_DAYS after the activity, and "
        "of buddy offers and requests BUDDY_ENDED_RETENTION_DAYS after their match ended (or "
        "BUDDY_WAITING_RETENTION_DAYS after they came in, never matched). Counts are kept. "
        "Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Act as if it were this moment (ISO 8601); for checking what a later run erases.",
        )

    def handle(self, *args, now: str | None = None, **options):
        moment = self.parse_moment(now) if now else timezone.now()
        erased = erase_expired_personal_data(moment)
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased the personal data of {erased.signups} sign-ups, "
                f"{erased.buddy_offers} buddy offers and {erased.buddy_requests} buddy requests."
            )
        )

    def parse_moment(self, value: str) -> datetime:
        moment = parse_datetime(value)
        if moment is None:
            raise CommandError(f"--now: not an ISO 8601 date and time: {value!r}")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment
