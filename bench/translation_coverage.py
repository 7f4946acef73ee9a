"""Share of the demo content per translation class (human, reviewed machine, unreviewed machine,
fallback), per language: the figure bench/RESULTS.md records.

Run on an empty database (it migrates and loads the demo itself)::

    DATABASE_URL=sqlite:////tmp/coverage.sqlite3 .venv/bin/python -m bench.translation_coverage

Counts come from ``cms.translation.coverage`` (texts migrants see now: published
guides and activities that have not ended, the policy actions and the open
surveys with their progress updates, questions and options), the function
behind the admin report.
"""

from __future__ import annotations

import os
import sys
from io import StringIO


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from cms.translation.coverage import CLASSES, coverage, per_language

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=StringIO())
    # Each text once, however many municipalities show it.
    totals = per_language(coverage(by_municipality=False))
    overall = {kind: sum(row.counts[kind] for row in totals) for kind in CLASSES}
    texts = sum(overall.values())
    print("| language | " + " | ".join(CLASSES) + " | texts |")
    print("| --- |" + " --- |" * (len(CLASSES) + 1))
    for row in totals:
        shares = " | ".join(f"{row.share(kind):.0%}" for kind in CLASSES)
        print(f"| {row.language} | {shares} | {row.total} |")
    shares = " | ".join(f"{overall[kind] / texts:.0%}" for kind in CLASSES)
    print(f"| all | {shares} | {texts} |")


if __name__ == "__main__":
    sys.exit(main())
