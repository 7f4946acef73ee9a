"""GET municipalities."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from public.municipalities import region

from ..schema import responses
from ..serializers.municipalities import MunicipalitySerializer
from .base import PublicApiMixin


class MunicipalityListView(PublicApiMixin, GenericAPIView):
    serializer_class = MunicipalitySerializer
    pagination_class = None

    @extend_schema(
        summary="The municipalities this installation serves, each with its own site",
        responses=responses(MunicipalitySerializer(many=True)),
        tags=["taxonomy"],
    )
    def get(self, request):
        return Response(self.get_serializer(region(), many=True).data)
