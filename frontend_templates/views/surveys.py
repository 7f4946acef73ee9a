"""Needs surveys on the site: the short poster address, the list, the form and the thank-you page.

The form is plain HTML (no JavaScript) and posts back to ``survey_page``,
which stores through ``public.surveys.answer_survey`` — what the API calls —
behind the same guard (``public.guard``: the same spam checks, one-time form
token and per-client limit, counted together with the API's).

No CSRF token and no cookie: there is no session or account whose rights a
forged post could use, and a survey page that sets no cookie is one less
thing to explain to someone afraid of being tracked. The signed form token
plays the part a CSRF token would (and that of a minimum fill time).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.models import Survey
from cms.municipalities.lookup import for_request
from cms.places import villages_of
from cms.public_urls import public_path
from cms.surveys.answers import ANSWERS_FIELD, Submission, survey_form_name
from public import surveys
from public.guard import HONEYPOT_FIELD, TOKEN_FIELD, Entry, Refused, issue_form_token
from public.surveys import SurveyAnswers, answer_survey

from ..languages import active_language
from .language import visitor_language

FIELD_PREFIX = "q-"


def survey_short_link(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    """``/s/<slug>`` (the poster's QR code) → the survey in the phone's language."""
    response = HttpResponseRedirect(public_path("survey", slug, visitor_language(request)))
    patch_vary_headers(response, ("Accept-Language",))
    return response


def survey_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "frontend_templates/survey_list.html",
        {"surveys": list(surveys.open_surveys(for_request(request)))},
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
    survey = surveys.visible_survey(slug)
    if survey is None:
        raise Http404
    context: dict[str, object] = {
        "survey": survey,
        "villages": villages_of(survey.municipality_id),
        "values": {},
    }
    status = 200
    if request.method == "POST":
        outcome = _submit(request, survey)
        if isinstance(outcome, HttpResponse):
            return outcome
        status = outcome.pop("status")
        context.update(outcome)
    context["accepts_answers"] = survey.accepts_answers()
    context["form_token"] = issue_form_token(survey_form_name(survey.slug))
    context["honeypot_field"] = HONEYPOT_FIELD
    return TemplateResponse(request, "frontend_templates/survey.html", context, status=status)


def _submit(request: HttpRequest, survey: Survey) -> HttpResponse | dict[str, object]:
    """Store the answers and redirect to the thank-you page, or say what to fix."""
    post = request.POST
    answers = submitted_answers(survey, post)
    kept = {"values": answers, "village": post.get("village", "")}

    def read() -> Entry[SurveyAnswers]:
        submission = Submission(
            language=active_language(), answers=answers, village=post.get("village", "")
        )
        return Entry(
            survey_form_name(survey.slug),
            post.get(TOKEN_FIELD),
            post.get(HONEYPOT_FIELD),
            SurveyAnswers(survey, submission),
        )

    try:
        answer_survey(request, read)
    except Refused as refusal:
        return {**kept, **_refusal_context(refusal), "status": refusal.status}
    thanks = public_path("survey", survey.slug, active_language()) + "bedankt/"
    return HttpResponseRedirect(thanks, status=303)


def _refusal_context(refusal: Refused) -> dict[str, object]:
    """What the page says about a refusal; its status is ``refusal.status``."""
    if refusal.code == "throttled":
        message = gettext("You sent many answers in a short time. Please try again later.")
        return {"throttled": True, "form_error": message}
    if refusal.code == "survey_closed":
        return {"closed": True}
    if refusal.code == "refused":
        return {"form_error": gettext("Please wait a moment and send your answers again.")}
    return {
        "form_error": gettext("Something is missing or not possible. Please check your answers."),
        "problem_question": (refusal.field or "").removeprefix(f"{ANSWERS_FIELD}."),
        "problem_message": _problem_message(refusal.code),
    }


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = Survey.objects.visible().filter(slug=slug).first()
    if survey is None:
        raise Http404
    return TemplateResponse(request, "frontend_templates/survey_thanks.html", {"survey": survey})
