"""A URLconf with only the API in it: no language prefixes (see api.routing)."""

from django.urls import include, path

urlpatterns = [path("api/", include("api.urls"))]
