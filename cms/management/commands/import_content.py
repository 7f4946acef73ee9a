from django.core.management.base import BaseCommand, CommandError

from cms.importing import ImportFailed, import_file


class Command(BaseCommand):
    help = (
        "Import partners, activities, guides and policy actions from a JSON file "
        "(DESIGN.md 'Import format'). Upserts by slug in one transaction; on any "
        "invalid record nothing is changed and the command exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the JSON file")

    def handle(self, *args, file: str, **options):
        try:
            report = import_file(file)
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {report.summary()}"))
