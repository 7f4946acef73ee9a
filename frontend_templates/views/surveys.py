"""Needs surveys on the site: the short poster address, the list, the form and the thank-you page.

The form is plain HTML (no JavaScript) and posts back to ``survey_page``,
which checks and stores through ``cms.surveys.answers`` — the API's code —
behind the same spam checks (``api.spam``) and the same per-client limit
(``api.throttling``, shared counts with the API).

No CSRF token and no cookie: there is no session or account whose rights a
forged post could use, and a survey page that sets no cookie is one less
thing to explain to someone afraid of being tracked. The signed form token
plays the part a CSRF token would (and that of a minimum fill time).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from api.spam import HONEYPOT_FIELD, SpamRefused, check_submission, issue_form_token
from api.throttling import PublicPostThrottle
from cms.models import Survey
from cms.public_urls import public_path
from cms.surveys.answers import (
    ANSWERS_FIELD,
    InvalidAnswer,
    Submission,
    SurveyClosed,
    record_response,
    survey_form_name,
    with_questions,
)

from ..languages import active_language
from ..places import VILLAGES
from .language import visitor_language

FIELD_PREFIX = "q-"
THROTTLE_VIEW = SimpleNamespace(throttle_scope="survey_response")


def survey_short_link(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    """``/s/<slug>`` (the poster's QR code) → the survey in the phone's language."""
    response = HttpResponseRedirect(public_path("survey", slug, visitor_language(request)))
    patch_vary_headers(response, ("Accept-Language",))
    return response


def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = Survey.objects.accepting_answers().order_by("closes_at", "slug")
    return TemplateResponse(
        request, "frontend_templates/survey_list.html", {"surveys": list(surveys)}
    )


def submitted_answers(survey, post) -> dict[str, object]:
    """The form's fields as the answers mapping the API takes (question id → value)."""
    answers: dict[str, object] = {}
    for question in survey.questions.all():
        name = f"{FIELD_PREFIX}{question.pk}"
        if question.kind == "multiple":
            answers[str(question.pk)] = post.getlist(name)
        else:
            answers[str(question.pk)] = post.get(name)
    return answers


def _problem_message(code: str) -> str:
    if code == "answer_required":
        return gettext("This question needs an answer.")
    return gettext("This answer is not possible here. Please choose again.")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def survey_page(request: HttpRequest, slug: str) -> HttpResponse:
    survey = with_questions(Survey.objects.visible()).filter(slug=slug).first()
    if survey is None:
        raise Http404
    context: dict[str, object] = {"survey": survey, "villages": VILLAGES, "values": {}}
    status = 200
    if request.method == "POST":
        outcome = _submit(request, survey)
        if isinstance(outcome, HttpResponse):
            return outcome
        context.update(outcome)
        status = 409 if outcome.get("closed") else 429 if outcome.get("throttled") else 400
    context["accepts_answers"] = survey.accepts_answers()
    context["form_token"] = issue_form_token(survey_form_name(survey.slug))
    context["honeypot_field"] = HONEYPOT_FIELD
    return TemplateResponse(request, "frontend_templates/survey.html", context, status=status)


def _submit(request: HttpRequest, survey) -> HttpResponse | dict[str, object]:
    """Store the answers and redirect to the thank-you page, or say what to fix."""
    post = request.POST
    answers = submitted_answers(survey, post)
    kept = {"values": answers, "village": post.get("village", "")}
    if not PublicPostThrottle().allow_request(request, THROTTLE_VIEW):
        return {
            **kept,
            "throttled": True,
            "form_error": gettext("You sent many answers in a short time. Please try again later."),
        }
    try:
        check_submission(
            survey_form_name(survey.slug), post.get("form_token"), post.get(HONEYPOT_FIELD)
        )
        record_response(
            survey,
            Submission(
                language=active_language(), answers=answers, village=post.get("village", "")
            ),
            timezone.localdate(),
        )
    except SpamRefused:
        return {**kept, "form_error": gettext("Please wait a moment and send your answers again.")}
    except SurveyClosed:
        return {**kept, "closed": True}
    except InvalidAnswer as problem:
        question_id = problem.field.removeprefix(f"{ANSWERS_FIELD}.")
        return {
            **kept,
            "form_error": gettext(
                "Something is missing or not possible. Please check your answers."
            ),
            "problem_question": question_id,
            "problem_message": _problem_message(problem.code),
        }
    thanks = public_path("survey", survey.slug, active_language()) + "bedankt/"
    return HttpResponseRedirect(thanks, status=303)


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = Survey.objects.visible().filter(slug=slug).first()
    if survey is None:
        raise Http404
    return TemplateResponse(request, "frontend_templates/survey_thanks.html", {"survey": survey})
