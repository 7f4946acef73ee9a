"""The page a visitor or editor sees while their poster is made: how far it is.

It refreshes itself (``<meta http-equiv="refresh">``, no JavaScript) at the
poster's own address, which serves the PDF once it is stored. Its language is
the editor's admin language when signed in, else the visitor's (the language
cookie or the browser's, as ``LocaleMiddleware`` chose).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

REFRESH_SECONDS = 3

# Waiting and being made are accepted work (202); a failure is the server's (500).
STATUS_CODES = {"waiting": 202, "making": 202, "ready": 202, "failed": 500}


def page_language(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from wagtail.users.models import UserProfile

        chosen = UserProfile.get_for_user(user).preferred_language
        if chosen in dict(settings.LANGUAGES):
            return chosen
    return translation.get_language() or settings.LANGUAGE_CODE


def _state(task: DBTaskResult | None) -> str:
    if task is None or task.status == TaskResultStatus.SUCCESSFUL:
        return "ready"
    return {
        TaskResultStatus.READY: "waiting",
        TaskResultStatus.RUNNING: "making",
        TaskResultStatus.FAILED: "failed",
    }[TaskResultStatus(task.status)]


def waiting_before(task: DBTaskResult) -> int:
    """How many queued background tasks the worker takes first."""
    return DBTaskResult.objects.filter(
        backend_name=task.backend_name,
        status=TaskResultStatus.READY,
        enqueued_at__lt=task.enqueued_at,
    ).count()


def progress_page(request: HttpRequest, task: DBTaskResult | None, address: str) -> HttpResponse:
    """The page for ``task``'s poster; ``address`` is where it refreshes to (without retry)."""
    state = _state(task)
    separator = "&" if "?" in address else "?"
    context = {
        "state": state,
        "address": address,
        "retry_address": f"{address}{separator}retry=1",
        "refresh": REFRESH_SECONDS if state != "failed" else None,
        "ahead": waiting_before(task) if state == "waiting" else 0,
    }
    language = page_language(request)
    with translation.override(language):
        html = render_to_string("cms/posters/making.html", {**context, "language": language})
    response = HttpResponse(html, status=STATUS_CODES[state])
    response["Cache-Control"] = "no-store"
    if state != "failed":
        response["Retry-After"] = str(REFRESH_SECONDS)
    response["Content-Language"] = language
    return response
