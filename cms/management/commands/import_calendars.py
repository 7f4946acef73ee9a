"""``manage.py import_calendars [--partner SLUG]``: every linked calendar feed, now (cron)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cms.calendars.models import CalendarImport
from cms.calendars.runs import ImportRunning, fail_stuck
from cms.calendars.syncing import import_calendar
from cms.models import Partner


class Command(BaseCommand):
    help = "Fetch partners' calendar feeds and create, update and cancel their activities."

    def add_arguments(self, parser):
        parser.add_argument("--partner", metavar="SLUG", help="only this partner's calendar")

    def handle(self, *args, partner=None, **options):
        # For the operator and the cron mail: English, whatever the site's default language.
        with translation.override(None):
            self._import(partner)

    def _import(self, partner: str | None) -> None:
        partners = Partner.objects.exclude(calendar_url="").select_related("calendar_category")
        if partner:
            partners = partners.filter(slug=partner)
            if not partners:
                raise CommandError(
                    f"--partner: no partner '{partner}' with a calendar feed; "
                    "link one in the admin (Platform → Partners) first"
                )
        # The nightly run is "the next import" of one a stopped worker left running.
        fail_stuck()
        failed = 0
        for each in partners:
            try:
                state = import_calendar(each)
            except ImportRunning as running:
                self.stdout.write(f"{each.slug}: not started, {running}")
                continue
            self.stdout.write(f"{each.slug}: {state.summary()}")
            for problem in state.problems:
                self.stdout.write(f"  - {problem}")
            failed += state.status == CalendarImport.Status.FAILED
        if failed:
            raise CommandError(f"{failed} calendar feed(s) could not be imported; see above")
