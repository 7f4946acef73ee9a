"""Content with a payload in every text field the import knows, for the security tests."""

from __future__ import annotations

from cms.models import GlossaryTerm
from tests import factories

from .payloads import hostile_text

LANGUAGES = ("nl", "en", "pl")


def per_language(offset: int) -> dict[str, str]:
    """A different payload in each of a few languages."""
    return {code: hostile_text(offset + i) for i, code in enumerate(LANGUAGES)}


def body_text(offset: int) -> dict[str, str]:
    """Plain-text bodies (the import's format): paragraphs and bullets of payloads."""
    return {
        code: f"{hostile_text(offset + i)}\n\n- {hostile_text(offset + i + 1)}\n- <b>bold</b>"
        for i, code in enumerate(LANGUAGES)
    }


def load_hostile_content() -> None:
    """Every imported text field of a partner, an activity, a guide and a policy action."""
    partner = factories.partner(
        slug="hostile-partner",
        name=hostile_text(0),
        description=per_language(1),
        website="https://example.org/?q=<script>alert('XSS')</script>",
        email="info@example.org",
        phone=hostile_text(2)[:40],
        location={"address": hostile_text(3), "lat": 51.91, "lon": 5.57},
    )
    activity = factories.activity(
        "hostile-partner",
        slug="hostile-activity",
        category="sport",
        title=per_language(4),
        summary=per_language(5),
        body=body_text(6),
        location={"name": hostile_text(7), "address": hostile_text(8), "lat": 51.9, "lon": 5.5},
        languages_offered=list(LANGUAGES),
        registration={"required": True, "type": "link", "url": "https://example.org/register"},
        mixed_team={
            "sport": hostile_text(9)[:100],
            "level": "recreational",
            "open_spots": 3,
            "training_times": per_language(10),
        },
        starts_at="2030-01-08T19:00:00+01:00",
        ends_at="2030-01-08T20:00:00+01:00",
    )
    guide = factories.guide(
        "hostile-partner",
        slug="hostile-guide",
        title=per_language(11),
        summary=per_language(12),
        body=body_text(13),
    )
    action = factories.policy_action(
        slug="hostile-action",
        title=per_language(14),
        description=per_language(15),
        responsible=["hostile-partner"],
        updates=[{"date": "2026-10-01", "text": per_language(16)}],
    )
    factories.load(
        partners=[partner], activities=[activity], guides=[guide], policy_actions=[action]
    )
    # The glossary is edited in the admin, not imported; its words are linked in guide texts.
    GlossaryTerm.objects.create(
        slug="hostile-term",
        **{f"term_{code}": text[:100] for code, text in per_language(17).items()},
        **{f"explanation_{code}": text[:600] for code, text in per_language(18).items()},
    )


SITE_PAGES = [
    "/{lang}/",
    "/{lang}/activiteiten/",
    "/{lang}/activiteiten/hostile-activity/",
    "/{lang}/wegwijzers/",
    "/{lang}/wegwijzers/hostile-guide/",
    "/{lang}/beleidsplan/",
    "/{lang}/partners/",
    "/{lang}/partners/hostile-partner/",
    "/{lang}/woordenlijst/",
    # The public forms: they must work under the site's CSP too.
    "/{lang}/vraag/",
    "/{lang}/enquete/",
]
