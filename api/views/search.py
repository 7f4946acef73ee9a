"""GET search, GET search/suggest: answered by ``search.service``, whichever backend it uses."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from search import service

from ..filters.fields import validated
from ..filters.search import SearchParams, SuggestParams, search_request
from ..schema import responses
from ..serializers.search import SearchResponseSerializer, SuggestResponseSerializer
from .base import PublicApiMixin


class SearchView(PublicApiMixin, GenericAPIView):
    serializer_class = SearchResponseSerializer

    @extend_schema(
        summary="Full-text search across activities, guides, partners and policy actions",
        description="Results in the requested language rank first; other languages are found "
        "too. Facets count all matches.",
        parameters=[SearchParams],
        responses=responses(SearchResponseSerializer),
        tags=["search"],
    )
    def get(self, request):
        params = validated(SearchParams, request)
        answer = service.search(search_request(params, self.language))
        return Response(self.get_serializer(answer).data)


class SuggestView(PublicApiMixin, GenericAPIView):
    serializer_class = SuggestResponseSerializer

    @extend_schema(
        summary="Autocomplete on titles",
        parameters=[SuggestParams],
        responses=responses(SuggestResponseSerializer),
        tags=["search"],
    )
    def get(self, request):
        params = validated(SuggestParams, request)
        suggestions = service.suggest(params["q"], self.language, params["limit"])
        return Response(self.get_serializer({"results": suggestions}).data)
