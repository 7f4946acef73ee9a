"""GET partners, GET partners/{slug}."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from public.partners import partners

from ..pagination import KeysetCursorPagination
from ..schema import responses
from ..serializers.partners import PartnerSerializer
from .base import MunicipalApiMixin, PublicApiMixin


class PartnerPagination(KeysetCursorPagination):
    sort_key = "name"


class PartnerListView(MunicipalApiMixin, ListAPIView):
    serializer_class = PartnerSerializer
    pagination_class = PartnerPagination

    def get_queryset(self):
        return partners(self.municipality)

    @extend_schema(
        summary="Partner profiles, by name",
        responses=responses(PartnerSerializer(many=True)),
        tags=["partners"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PartnerDetailView(PublicApiMixin, RetrieveAPIView):
    serializer_class = PartnerSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return partners()

    @extend_schema(
        summary="One partner's profile",
        responses=responses(PartnerSerializer, 404),
        tags=["partners"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
