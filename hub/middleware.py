"""Project-wide request handling that belongs to no single app."""

from django.db import transaction


class AtomicAdminMiddleware:
    """Runs every admin request in one transaction.

    A publish in the admin saves the page and, through signals, queues its
    search-index change (search.outbox); both must commit together or not at
    all. Only the admin writes content, so the read-only API and site are left
    out: they need no transaction and would pay for one on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            with transaction.atomic():
                return self.get_response(request)
        return self.get_response(request)
