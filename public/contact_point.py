"""The contact point: asking a question, from the API (``POST questions``) or the site's form.

Both presenters build a ``QuestionForm`` from what was sent and hand it in
behind the guard; the question is checked by that one form, routed and stored
by ``cms.contact_point``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from cms.contact_point.forms import QuestionForm
from cms.contact_point.intake import receive_question
from cms.form_errors import first_error
from cms.models import Question

from .guard import Entry, Refused, guarded

# The rate (``PUBLIC_POST_RATES``) shared by the API and the site.
QUESTION_SCOPE = "question"


def _record(form: QuestionForm) -> Question:
    if not form.is_valid():
        raise Refused.invalid(*first_error(form))
    return receive_question(form.cleaned_data)


def ask(request: HttpRequest, read: Callable[[], Entry[QuestionForm]]) -> Question:
    """Store the question ``read`` parses from ``request``, or raise ``Refused``."""
    return guarded(request, QUESTION_SCOPE, read, _record)
