"""From content to index documents, one ``IndexedType`` per content type.

Each type says which objects belong in the index (only live pages) with a
queryset that loads their relations up front, so that building a thousand
documents costs the same handful of queries as building one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Left, Length

from cms.models import ActivityPage, GuidePage, Municipality, Partner, PolicyAction
from cms.publishing import published
from cms.translation.fallback import has_text, translations_of
from cms.translation.languages import language_codes

from .documents import alias, document_id

# Autocomplete matches the start of a title and the start of each later word,
# so "voetbal" completes "Gemengd voetbal"; this many words at most.
SUGGEST_WORDS = 6


@dataclass(frozen=True)
class IndexedType:
    kind: str
    model: type[Model]
    queryset: Callable[[], QuerySet]
    document: Callable[[Any], dict[str, Any]]


def _stream_text(value: Any) -> str:
    if not value:
        return ""
    return "\n".join(value.stream_block.get_searchable_content(value))


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _location(obj: Any) -> dict[str, float] | None:
    if obj.lat is None or obj.lon is None:
        return None
    return {"lat": obj.lat, "lon": obj.lon}


def _completion(titles: dict[str, str]) -> list[dict[str, Any]]:
    """Completion inputs, each tagged with the languages whose title holds it.

    The engine keeps one entry per distinct input text in a document, so an
    input shared by several languages ("Ochten") must carry all of them at once.
    Whole titles weigh more than later words.
    """
    found: dict[str, tuple[int, list[str]]] = {}
    for code, title in titles.items():
        words = title.split()[:SUGGEST_WORDS]
        later = [" ".join(words[i:]) for i in range(1, len(words)) if len(words[i]) > 2]
        for text, weight in [(title, 2), *((text, 1) for text in later)]:
            best, codes = found.get(text, (0, []))
            found[text] = (max(best, weight), [*codes, code])
    return [
        {"input": [text], "weight": weight, "contexts": {"language": codes}}
        for text, (weight, codes) in found.items()
    ]


def _page_texts(page: Any, body: Callable[[str], str]) -> dict[str, Any]:
    titles = translations_of(page, "title")
    bodies = {code: body(code) for code in language_codes()}
    return {
        "slug": page.slug,
        "live": page.live,
        "title": titles,
        "summary": translations_of(page, "summary"),
        "body": {code: text for code, text in bodies.items() if has_text(text)},
        "suggest": _completion(titles),
    }


def activity_document(page: ActivityPage) -> dict[str, Any]:
    co_organisers = list(page.co_organisers.all())

    def body(code: str) -> str:
        return _joined(
            _stream_text(getattr(page, f"body_{code}")), getattr(page, f"training_times_{code}")
        )

    return {
        "type": "activity",
        **_page_texts(page, body),
        "related_names": [
            page.organiser.name,
            *(partner.name for partner in co_organisers),
            page.location_name,
            page.location_address,
        ],
        "category": page.category.slug,
        "partner": [page.organiser.slug, *(partner.slug for partner in co_organisers)],
        "offered_language": list(page.languages_offered or []),
        "location": _location(page),
        "occurrences": [occurrence.starts_at.isoformat() for occurrence in page.occurrences.all()],
        "municipalities": [m.slug for m in page.municipalities.all()],
    }


def guide_document(page: GuidePage) -> dict[str, Any]:
    return {
        "type": "guide",
        **_page_texts(page, lambda code: _stream_text(getattr(page, f"body_{code}"))),
        "related_names": [page.author.name],
        "partner": [page.author.slug],
        "municipalities": [m.slug for m in page.municipalities.all()],
    }


def partner_document(partner: Partner) -> dict[str, Any]:
    return {
        "type": "partner",
        "slug": partner.slug,
        "live": True,
        "name": partner.name,
        "summary": translations_of(partner, "description"),
        "related_names": [partner.address],
        "partner": [partner.slug],
        "municipalities": [m.slug for m in partner.municipalities.all()],
        "offered_language": list(partner.languages_spoken or []),
        "location": _location(partner),
    }


def plan_owners(actions: QuerySet) -> QuerySet:
    """Annotate ``municipality_slug``: the municipality whose home the action's plan is under.

    In the same statement: the plan's tree path starts with the home page's path.
    """
    owner = Municipality.objects.filter(
        site__root_page__path=Left(OuterRef("plan__path"), Length("site__root_page__path"))
    ).values("slug")[:1]
    return actions.annotate(municipality_slug=Subquery(owner))


def policy_action_document(action: PolicyAction) -> dict[str, Any]:
    updates = list(action.updates.all())
    return {
        "type": "policy_action",
        "slug": action.slug,
        "live": True,
        "title": translations_of(action, "title"),
        "summary": translations_of(action, "description"),
        "body": {
            code: text
            for code in language_codes()
            if has_text(text := _joined(*(getattr(update, f"text_{code}") for update in updates)))
        },
        "partner": [partner.slug for partner in action.responsible.all()],
        # Each municipality's plan sits under its own home page (``plan_owners``).
        "municipalities": [action.municipality_slug] if action.municipality_slug else [],
    }


INDEXED_TYPES: dict[str, IndexedType] = {
    "activity": IndexedType(
        "activity",
        ActivityPage,
        lambda: (
            published(ActivityPage.objects.all())
            .select_related("category", "organiser")
            .prefetch_related("co_organisers", "occurrences", "municipalities")
        ),
        activity_document,
    ),
    "guide": IndexedType(
        "guide",
        GuidePage,
        lambda: (
            published(GuidePage.objects.all())
            .select_related("author")
            .prefetch_related("municipalities")
        ),
        guide_document,
    ),
    "partner": IndexedType(
        "partner",
        Partner,
        lambda: Partner.objects.prefetch_related("municipalities"),
        partner_document,
    ),
    "policy_action": IndexedType(
        "policy_action",
        PolicyAction,
        lambda: plan_owners(PolicyAction.objects.prefetch_related("responsible", "updates")),
        policy_action_document,
    ),
}


def kind_of(model: type[Model]) -> str:
    return next(kind for kind, indexed in INDEXED_TYPES.items() if issubclass(model, indexed.model))


def index_actions(
    kind: str, objects: Iterable[Any], index: str | None = None
) -> Iterator[dict[str, Any]]:
    """Bulk "index" actions, into the alias unless a concrete index is named."""
    document = INDEXED_TYPES[kind].document
    for obj in objects:
        yield {
            "_op_type": "index",
            "_index": index or alias(),
            "_id": document_id(kind, obj.pk),
            "_source": document(obj),
        }


def delete_actions(kind: str, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
    for pk in ids:
        yield {"_op_type": "delete", "_index": alias(), "_id": document_id(kind, pk)}
