from django.core.management.base import BaseCommand, CommandError
from elasticsearch.exceptions import TransportError
from elasticsearch.helpers import BulkIndexError
from tqdm import tqdm

from search import elastic, indexes, outbox
from search.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Search index. 'rebuild': fill a new index from the database and swap it in "
        "behind the alias (searches keep answering). 'status': documents per type in the "
        "index against the database, pending changes, analyzers; exits 1 when they differ. "
        "'sync': apply the changes queued while the engine was unreachable (run from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "sync"])

    def handle(self, *args, action: str, **options):
        if not elastic.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: search uses the database.")
        client = elastic.client()
        try:
            getattr(self, action)(client)
        except (TransportError, elastic.EngineUnavailable) as error:
            raise CommandError(f"The search engine at {elastic.hosts()} failed: {error}") from None
        except BulkIndexError as error:
            # A rebuild stops at the first rejected document and keeps the old index.
            raise CommandError(f"The engine rejected a document: {error.errors[0]}") from None

    def rebuild(self, client):
        bars: dict[str, tqdm] = {}

        def progress(kind: str, done: int, total: int) -> None:
            if kind not in bars:
                # disable=None: a bar on a terminal, silence in cron and CI logs.
                bars[kind] = tqdm(total=total, desc=f"{kind:>13}", unit="doc", disable=None)
            bars[kind].update(done - bars[kind].n)

        try:
            report = rebuild(client, progress)
        finally:
            for bar in bars.values():
                bar.close()
        elastic.mark_succeeded()
        counts = ", ".join(f"{count} {kind}" for kind, count in report.documents.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.index} ({counts}) is now behind the alias; {report.replayed} "
                f"change(s) made meanwhile replayed, {len(report.removed)} old index(es) removed."
            )
        )

    def status(self, client):
        report = indexes.status(client)
        self.stdout.write(f"{report.alias} -> {', '.join(report.indexes) or 'no index'}")
        self.stdout.write(f"{'type':<15} {'index':>9} {'database':>9} {'pending':>8}  state")
        for row in report.types:
            documents = "-" if row.documents is None else row.documents
            state = "ok" if row.in_sync else "DIFFERS"
            self.stdout.write(
                f"{row.kind:<15} {documents:>9} {row.database:>9} {row.pending:>8}  {state}"
            )
        if report.analysis:
            self.stdout.write(
                "Analyzers: "
                + ", ".join(f"{a['language']} {a['name']} ({a['kind']})" for a in report.analysis)
            )
        if not report.in_sync:
            raise CommandError(
                "The index differs from the database: 'search_index sync' applies pending "
                "changes, 'search_index rebuild' starts afresh."
            )

    def sync(self, client):
        report = outbox.sync(elastic.COMMAND_TIMEOUT)
        message = (
            f"{report.applied} change(s) applied, {report.failed} failed, "
            f"{report.pruned} old record(s) pruned."
        )
        if report.failed:
            raise CommandError(message + " See IndexChange.last_error.")
        self.stdout.write(self.style.SUCCESS(message))
