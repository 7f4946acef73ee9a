from django.core.management.base import BaseCommand

from cms.models import ActivityPage
from cms.signals import occurrences_refreshed


class Command(BaseCommand):
    help = (
        "Re-expand the stored dates of recurring activities so that the date window "
        "(about 18 months ahead) moves along. Run daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        refreshed = []
        for activity in ActivityPage.objects.exclude(recurrence="").iterator():
            activity.rebuild_occurrences()
            refreshed.append(activity.pk)
        occurrences_refreshed.send(sender=ActivityPage, activity_ids=refreshed)
        message = f"Refreshed the dates of {len(refreshed)} recurring activities."
        self.stdout.write(self.style.SUCCESS(message))
