from django.core.management.base import BaseCommand

from cms.models import ActivityPage


class Command(BaseCommand):
    help = (
        "Re-expand the stored dates of recurring activities so that the date window "
        "(about 18 months ahead) moves along. Run daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        count = 0
        for activity in ActivityPage.objects.exclude(recurrence="").iterator():
            activity.rebuild_occurrences()
            count += 1
        message = f"Refreshed the dates of {count} recurring activities."
        self.stdout.write(self.style.SUCCESS(message))
