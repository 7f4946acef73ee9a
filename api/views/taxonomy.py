"""GET categories, GET building-blocks."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from cms.models import Category
from public import policy

from ..schema import responses
from ..serializers.taxonomy import BuildingBlockSerializer, CategorySerializer
from .base import MunicipalApiMixin, PublicApiMixin


class CategoryListView(PublicApiMixin, ListAPIView):
    serializer_class = CategorySerializer
    pagination_class = None
    queryset = Category.objects.all()

    @extend_schema(
        summary="Categories of activities, with translated names",
        responses=responses(CategorySerializer(many=True)),
        tags=["taxonomy"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class BuildingBlockListView(MunicipalApiMixin, ListAPIView):
    serializer_class = BuildingBlockSerializer
    pagination_class = None

    def get_queryset(self):
        return policy.blocks_with_progress(policy.published_plans(self.municipality))

    @extend_schema(
        summary="The five building blocks of the policy plan, with their progress",
        responses=responses(BuildingBlockSerializer(many=True)),
        tags=["taxonomy"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
