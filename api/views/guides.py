"""GET guides, GET guides/{slug}."""

from dataclasses import replace

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from public import guides
from public.guides import SORT_KEY, GuideFilterParams, parse_guide_filter

from ..pagination import KeysetCursorPagination
from ..schema import responses
from ..serializers.guides import GuideDetailSerializer, GuideSerializer
from .base import MunicipalApiMixin, PublicApiMixin


class GuidePagination(KeysetCursorPagination):
    sort_key = SORT_KEY


class GuideListView(MunicipalApiMixin, ListAPIView):
    serializer_class = GuideSerializer
    pagination_class = GuidePagination

    def get_queryset(self):
        wanted = replace(
            parse_guide_filter(self.request.query_params), municipality=self.municipality
        )
        return guides.guides_by_title(wanted, self.language)

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
        guide = guides.guide(self.kwargs["slug"])
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
