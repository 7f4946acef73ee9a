"""``manage.py translations export|import``: exchange with translation agencies (XLIFF).

    translations export --language pl [--partner SLUG] [--only missing,outdated]
                        [--xliff-version 1.2|2.0] FILE.xlf
    translations import [--translator USERNAME] FILE.xlf

An import is atomic: any problem refuses the whole file, every problem named
by its segment id, and the command exits non-zero having changed nothing.

Without ``--translator`` the file is an agency's: whoever can run this command
runs the installation, and the agency is the municipality's contractor, so its
texts are applied at once (recorded as ``agency``), as a coordinator's upload
in the admin is. With ``--translator`` the file is that translator's own work,
treated exactly like their upload in the admin: only their languages, recorded
as theirs, and held for a second reader where a municipality requires one.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.models import Partner
from cms.translation.exchange.importing import ExchangeRefused, import_xliff
from cms.translation.exchange.segments import select
from cms.translation.exchange.xliff import VERSIONS, write
from cms.translation.languages import is_supported
from cms.translation.provenance import Origin
from cms.translation.translators import translator_languages

ONLY = ("missing", "outdated")


class Command(BaseCommand):
    help = "Export texts to translate as XLIFF, or import an agency's translated XLIFF file."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the texts of one language to FILE.")
        export.add_argument("--language", required=True)
        export.add_argument("--partner", default=None)
        export.add_argument("--only", default="", help="missing, outdated or both (comma)")
        export.add_argument("--xliff-version", default="1.2", choices=VERSIONS)
        export.add_argument("file")
        imported = actions.add_parser("import", help="Apply a translated XLIFF file.")
        imported.add_argument(
            "--translator",
            default=None,
            help="USERNAME: the file is this translator's work, reviewed where required",
        )
        imported.add_argument("file")

    def handle(self, *args, action: str, **options):
        if action == "export":
            self.export(**options)
        else:
            self.import_(options["file"], options["translator"])

    def export(self, *, language, partner, only, xliff_version, file, **_):
        if not is_supported(language) or language == settings.SOURCE_LANGUAGE:
            raise CommandError(
                f"--language: {language!r} is not a language Wegwijs translates into"
            )
        if partner and not Partner.objects.filter(slug=partner).exists():
            raise CommandError(f"--partner: no partner {partner!r}")
        wanted = [word.strip() for word in only.split(",") if word.strip()]
        unknown = [word for word in wanted if word not in ONLY]
        if unknown:
            raise CommandError(f"--only: {', '.join(unknown)} (choose from {', '.join(ONLY)})")
        segments = select(language, partner, wanted)
        Path(file).write_bytes(write(segments, settings.SOURCE_LANGUAGE, language, xliff_version))
        self.stdout.write(f"{len(segments)} segments written to {file} (XLIFF {xliff_version})")

    def import_(self, file: str, translator: str | None):
        person, options = None, {}
        if translator is not None:
            person = get_user_model().objects.filter(username=translator, is_active=True).first()
            languages = translator_languages(person) if person is not None else []
            if not languages:
                raise CommandError(f"--translator: {translator!r} is not a translator")
            options = {"languages": languages, "origin": Origin.HUMAN, "review": True}
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"file: {error}") from None
        try:
            report = import_xliff(data, person, **options)
        except ExchangeRefused as refused:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {p}" for p in refused.problems)
            ) from None
        self.stdout.write(
            f"{len(report.applied)} translations into {report.language} "
            f"applied to {report.objects} objects"
        )
        if report.held:
            self.stdout.write(
                f"{len(report.held)} translations wait for another translator's review"
            )
