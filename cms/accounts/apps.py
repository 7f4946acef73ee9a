"""Wagtail's users app with our user viewset (``cms.accounts.user_admin``).

Its own module, free of view imports: ``INSTALLED_APPS`` loads it before the
app registry is ready.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WegwijsUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "cms.accounts.user_admin.UserViewSet"
