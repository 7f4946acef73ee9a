"""GET search, GET search/suggest: answered by ``public.search``, whichever backend it uses."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from public import search
from public.search import SearchParams, SuggestParams, parse_search_request

from ..schema import responses
from ..serializers.search import SearchResponseSerializer, SuggestResponseSerializer
from .base import MunicipalApiMixin, PublicApiMixin


class SearchView(MunicipalApiMixin, GenericAPIView):
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
        answer = search.search(
            parse_search_request(request.query_params, self.language, self.municipality)
        )
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
        suggestions = search.suggest(request.query_params, self.language)
        return Response(self.get_serializer({"results": suggestions}).data)
