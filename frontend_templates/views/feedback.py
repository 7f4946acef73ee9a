""" "Was this clear?" from the site: the plain form under a guide or an activity posts here.

It is stored through ``public.feedback.give_feedback`` — what the API calls —
behind the same guard. No CSRF token and no cookie, as the survey form: the
one-time signed form token plays that part.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.feedback.forms import FORM_NAME, FeedbackForm
from cms.public_urls import public_path
from public.feedback import give_feedback
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused

from ..languages import active_language


def _page_path(post) -> str | None:
    kind, slug = post.get("kind"), post.get("slug", "")
    if kind in ("guide", "activity") and slug:
        return public_path(kind, slug, active_language())
    return None


@csrf_exempt
@require_POST
def give(request: HttpRequest) -> HttpResponse:
    post = request.POST

    def read() -> Entry[FeedbackForm]:
        form = FeedbackForm(
            data={
                "kind": post.get("kind", ""),
                "slug": post.get("slug", ""),
                "language": active_language(),
                "clear": post.get("clear", ""),
                "reason": post.get("reason", ""),
                "text": post.get("text", ""),
            }
        )
        return Entry(FORM_NAME, post.get(TOKEN_FIELD), post.get(HONEYPOT_FIELD), form)

    back = _page_path(post)
    try:
        give_feedback(request, read)
    except Refused as refusal:
        if refusal.code == "throttled":
            message = gettext("You sent many answers in a short time. Please try again later.")
        elif refusal.field == "reason":
            message = gettext("Please choose why it was not clear.")
        else:
            message = gettext("Please wait a moment and send your answers again.")
        context = {"message": message, "back": back}
        return TemplateResponse(
            request, "frontend_templates/feedback_problem.html", context, status=refusal.status
        )
    return HttpResponseRedirect(f"{reverse('feedback-thanks')}?back={back or ''}", status=303)


def thanks(request: HttpRequest) -> HttpResponse:
    back = request.GET.get("back", "")
    # Only a path on this site: the address is ours to build, never a place to send people.
    if not back.startswith(f"/{active_language()}/") or "//" in back:
        back = f"/{active_language()}/"
    return TemplateResponse(request, "frontend_templates/feedback_thanks.html", {"back": back})
