"""GET partners, GET partners/{slug}."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from cms.models import Partner

from ..pagination import KeysetCursorPagination
from ..schema import responses
from ..serializers.partners import PartnerSerializer
from .base import PublicApiMixin


class PartnerPagination(KeysetCursorPagination):
    sort_key = "name"


class PartnerListView(PublicApiMixin, ListAPIView):
    serializer_class = PartnerSerializer
    pagination_class = PartnerPagination
    queryset = Partner.objects.select_related("logo")

    @extend_schema(
        summary="Partner profiles, by name",
        responses=responses(PartnerSerializer(many=True)),
        tags=["partners"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PartnerDetailView(PublicApiMixin, RetrieveAPIView):
    serializer_class = PartnerSerializer
    queryset = Partner.objects.select_related("logo")
    lookup_field = "slug"

    @extend_schema(
        summary="One partner's profile",
        responses=responses(PartnerSerializer, 404),
        tags=["partners"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
