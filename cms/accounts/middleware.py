"""Sends admin users to their second factor before the admin opens."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .two_factor import confirmed_device, two_factor_required

# Views an admin user reaches before the second factor: logging in and out,
# resetting a password, and the two-factor pages themselves.
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "cms_two_factor_setup",
        "cms_two_factor_verify",
    }
)


class TwoFactorMiddleware:
    """After ``OTPMiddleware``: an admin user who has a device must enter a code; a
    coordinator without one must set one up. Outside the admin nothing changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or match is None
            or match.url_name in OPEN_VIEWS
            or not request.path.startswith(reverse("wagtailadmin_home"))
        ):
            return None
        if user.is_verified():
            return None
        if confirmed_device(user) is not None:
            return self._send_to("cms_two_factor_verify", request)
        if two_factor_required(user):
            return self._send_to("cms_two_factor_setup", request)
        return None

    @staticmethod
    def _send_to(url_name: str, request):
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(reverse(url_name) + (f"?{query}" if query else ""))
