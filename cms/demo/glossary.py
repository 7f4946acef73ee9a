"""The demo municipality's glossary, from ``glossary.json``: the platform's terms in 13 languages.

Terms are edited by coordinators in the admin afterwards, so a term whose slug
exists already is left as it is: loading the demo again never undoes their work.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from ..glossary.models import GlossaryTerm

DEMO_GLOSSARY = Path(__file__).with_name("glossary.json")


@transaction.atomic
def load_demo_glossary(path: Path = DEMO_GLOSSARY) -> int:
    """Create the glossary terms that do not exist yet, in the file's order; the number created."""
    existing = set(GlossaryTerm.objects.values_list("slug", flat=True))
    new = [
        GlossaryTerm(
            slug=record["slug"],
            sort_order=position,
            **{f"term_{code}": text for code, text in record["term"].items()},
            **{f"explanation_{code}": text for code, text in record["explanation"].items()},
        )
        for position, record in enumerate(json.loads(path.read_text(encoding="utf-8"))["glossary"])
        if record["slug"] not in existing
    ]
    GlossaryTerm.objects.bulk_create(new)
    return len(new)
