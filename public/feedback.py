""" "Was this clear?": one way in for the API (``POST feedback``) and the site's form.

Both presenters build a ``FeedbackForm`` from what was sent and hand it in
behind the guard (size, rate per client, honeypot, one-time form token), as
every anonymous submission is.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from cms.feedback.forms import FeedbackForm, store_feedback
from cms.form_errors import first_error
from cms.models import PageFeedback

from .guard import Entry, Refused, guarded

# The rate (``PUBLIC_POST_RATES``) shared by the API and the site.
FEEDBACK_SCOPE = "feedback"


def _record(form: FeedbackForm) -> PageFeedback:
    if not form.is_valid():
        raise Refused.invalid(*first_error(form))
    return store_feedback(form.cleaned_data)


def give_feedback(request: HttpRequest, read: Callable[[], Entry[FeedbackForm]]) -> PageFeedback:
    """Store the answer ``read`` parses from ``request``, or raise ``Refused``."""
    return guarded(request, FEEDBACK_SCOPE, read, _record)
