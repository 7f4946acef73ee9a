"""GET guides, GET guides/{slug}."""

from django.db.models.functions import Lower
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from cms.translation.fallback import reading_order

from .. import querysets
from ..filters.fields import validated
from ..filters.guides import GuideFilterParams, filter_guides
from ..pagination import KeysetCursorPagination
from ..schema import responses
from ..serializers.guides import GuideDetailSerializer, GuideSerializer
from .base import PublicApiMixin

SORT_KEY = "sort_title"


def title_in(language: str) -> Lower:
    """The title along the fallback chain, in SQL, so guides sort as the reader sees them."""
    return reading_order("title", language)


class GuidePagination(KeysetCursorPagination):
    sort_key = SORT_KEY


class GuideListView(PublicApiMixin, ListAPIView):
    serializer_class = GuideSerializer
    pagination_class = GuidePagination

    def get_queryset(self):
        guides = filter_guides(querysets.guides(), validated(GuideFilterParams, self.request))
        return guides.annotate(**{SORT_KEY: title_in(self.language)})

    @extend_schema(
        summary="Guides, alphabetically in the requested language",
        parameters=[GuideFilterParams],
        responses=responses(GuideSerializer(many=True)),
        tags=["guides"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class GuideDetailView(PublicApiMixin, RetrieveAPIView):
    serializer_class = GuideDetailSerializer

    def get_object(self):
        guide = querysets.guides().filter(slug=self.kwargs["slug"]).first()
        if guide is None:
            raise Http404
        return guide

    @extend_schema(
        summary="One guide, with its body",
        responses=responses(GuideDetailSerializer, 404),
        tags=["guides"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
