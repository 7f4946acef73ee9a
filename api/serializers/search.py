"""Search answers, serialised from ``search.contract``'s dataclasses.

The serializers below are what the API documents (the OpenAPI schema is made
from them). ``SearchResponseSerializer`` writes its answer with
``search_response_data``, one dict per hit built directly: DRF's generic walk
(copying each hit's ten fields, three method fields each building a
``TranslatedText``) was a sixth of a search's Python time.
``tests/api/test_search_data.py`` holds both to the same answer, byte for byte.
A field added to one must be added to the other.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.translation.fallback import TranslatedText
from search.contract import CONTENT_TYPES, FACETS, FacetBucket, SearchHit, SearchResponse

from .common import request_language


class SearchHitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CONTENT_TYPES)
    slug = serializers.SlugField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField(help_text="The result's page on the public site.")
    score = serializers.FloatField(help_text="Relevance; higher is better.")
    highlight = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Per field, fragments with the matched words in <em>.",
    )
    language = serializers.SerializerMethodField(help_text="The language of title and summary.")
    translated = serializers.SerializerMethodField(
        help_text="False when title and summary are not in the requested language."
    )
    fallback_language = serializers.SerializerMethodField(
        help_text="The language shown instead of the requested one, or null."
    )

    def _shown(self, hit: SearchHit) -> TranslatedText:
        requested = request_language(self)
        return TranslatedText(hit.title, hit.language or requested, requested)

    def get_language(self, hit: SearchHit) -> str:
        return self._shown(hit).language

    def get_translated(self, hit: SearchHit) -> bool:
        return self._shown(hit).translated

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_fallback_language(self, hit: SearchHit) -> str | None:
        return self._shown(hit).fallback_language


class FacetBucketSerializer(serializers.Serializer):
    key = serializers.CharField()
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    type = FacetBucketSerializer(many=True)
    category = FacetBucketSerializer(many=True)
    partner = FacetBucketSerializer(many=True)
    offered_language = FacetBucketSerializer(many=True)
    municipality = FacetBucketSerializer(
        many=True,
        required=False,
        help_text=(
            "Where there are several municipalities: the same matches counted in each "
            "(the one searched in too), whatever the municipality filter. Absent on an "
            "install with one municipality."
        ),
    )


def _text(value: Any) -> str | None:
    """What DRF's ``CharField`` writes (``None`` stays ``None``)."""
    return None if value is None else str(value)


def _buckets_data(buckets: list[FacetBucket]) -> list[dict[str, Any]]:
    return [
        {"key": _text(bucket.key), "count": None if bucket.count is None else int(bucket.count)}
        for bucket in buckets
    ]


def _hit_data(hit: SearchHit, requested: str) -> dict[str, Any]:
    shown = hit.language or requested
    return {
        "type": hit.type,
        "slug": _text(hit.slug),
        "title": _text(hit.title),
        "summary": _text(hit.summary),
        "url": _text(hit.url),
        "score": None if hit.score is None else float(hit.score),
        "highlight": None
        if hit.highlight is None
        else {
            str(field): None if fragments is None else [_text(f) for f in fragments]
            for field, fragments in hit.highlight.items()
        },
        "language": shown,
        "translated": shown == requested,
        "fallback_language": None if shown == requested else shown,
    }


def search_response_data(response: SearchResponse, requested: str) -> dict[str, Any]:
    """The JSON of ``SearchResponseSerializer`` for ``response``, read in ``requested``."""
    facets = {name: _buckets_data(response.facets.get(name, [])) for name in FACETS}
    if "municipality" in response.facets:
        facets["municipality"] = _buckets_data(response.facets["municipality"])
    return {
        "backend": response.backend,
        "total": None if response.total is None else int(response.total),
        "results": [_hit_data(hit, requested) for hit in response.results],
        "facets": facets,
        "suggestion": _text(response.suggestion),
    }


class SearchResponseSerializer(serializers.Serializer):
    backend = serializers.ChoiceField(
        choices=["elasticsearch", "database"], help_text="What answered the search."
    )
    total = serializers.IntegerField(help_text="All matches, not only those in results.")
    results = SearchHitSerializer(many=True)
    facets = serializers.SerializerMethodField(help_text="Counts over all matches.")
    suggestion = serializers.CharField(
        allow_null=True, help_text="A corrected query when the words look misspelt, or null."
    )

    @extend_schema_field(FacetsSerializer)
    def get_facets(self, response: SearchResponse) -> dict:
        # Every facet is present, empty when the backend counted nothing for it;
        # "municipality" only where the search was made in one of several.
        facets = {
            name: FacetBucketSerializer(response.facets.get(name, []), many=True).data
            for name in FACETS
        }
        if "municipality" in response.facets:
            facets["municipality"] = FacetBucketSerializer(
                response.facets["municipality"], many=True
            ).data
        return facets

    def to_representation(self, instance: SearchResponse) -> dict[str, Any]:
        return search_response_data(instance, request_language(self))


class SuggestionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CONTENT_TYPES)
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.CharField()


class SuggestResponseSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)
