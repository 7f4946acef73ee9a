"""A URLconf with only the API in it: no language prefixes (see api.routing)."""

from django.urls import include, path

from .prefix import API_MOUNT

urlpatterns = [path(API_MOUNT, include("api.urls"))]
