"""GET languages."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.translation.languages import supported_languages

from ..schema import responses
from ..serializers.languages import LanguageSerializer
from .base import PublicApiMixin


class LanguageListView(PublicApiMixin, GenericAPIView):
    serializer_class = LanguageSerializer
    pagination_class = None

    @extend_schema(
        summary="The languages content is offered in",
        responses=responses(LanguageSerializer(many=True)),
        tags=["taxonomy"],
    )
    def get(self, request):
        return Response(self.get_serializer(supported_languages(), many=True).data)
