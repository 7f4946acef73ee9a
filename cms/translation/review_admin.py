"""The second translator's screen: the Dutch source, the text on the site now, the proposal.

Any translator of the language (for a municipality where the text is shown),
or a coordinator, except the author: they
approve (it goes live, written by the author, checked by them) or send it
back (it becomes the author's draft again). Both go through ``review``.
A held XLIFF file or machine draft (``exchange.held``) is shown per segment,
its markup as it came, so the reviewer sees the links they approve.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import pgettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .desk import TranslationConflict, desk_texts
from .exchange.held import is_held_segments
from .exchange.segments import segments_of
from .languages import name_in_admin
from .queue import kind_of
from .records import Origin, TranslationSubmission
from .review import approve, is_own, send_back
from .scope import in_scope, translator_scope
from .translators import may_translate

DESK = "translation desk"


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/translation/review.html"

    def get_page_title(self):
        return pgettext(DESK, "Review a translation")

    def dispatch(self, request, pk: int, *args, **kwargs):
        self.submission = (
            TranslationSubmission.objects.select_related("content_type", "submitted_by")
            .filter(pk=pk)
            .first()
        )
        if self.submission is None:
            raise Http404
        user = request.user
        # Only a second reader of the language: never the author themselves.
        if not may_translate(user, self.submission.language) or is_own(self.submission, user):
            raise PermissionDenied
        # A translator for one municipality reviews only what is shown there.
        target = self.submission.target
        language = self.submission.language
        if not in_scope(kind_of(target), target, translator_scope(user, language)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.submission.target
        proposed = self.submission.texts
        context.update(
            obj=obj,
            submission=self.submission,
            language=self.submission.language,
            language_name=name_in_admin(self.submission.language),
            texts=self.texts(obj, proposed),
            machine=self.submission.origin == Origin.MACHINE,
        )
        return context

    def texts(self, obj, proposed: dict) -> list:
        """(text with ``name``, ``source``, ``target``; the proposed text) for each one proposed."""
        language = self.submission.language
        if is_held_segments(proposed):
            kind = next(iter(proposed)).split("/")[0]
            return [
                (segment, proposed[segment.id])
                for segment in segments_of(kind, obj, language)
                if segment.id in proposed
            ]
        return [
            (text, proposed[text.name])
            for text in desk_texts(obj, language)
            if text.name in proposed
        ]

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        queue = reverse("cms_translation_queue") + f"?language={self.submission.language}"
        if action == "send_back":
            author = self.submission.submitted_by
            if send_back(self.submission, request.user):
                messages.success(
                    request,
                    pgettext(DESK, "Sent back to %(name)s as a draft.")
                    % {"name": author.get_full_name() or author.get_username()},
                )
            else:
                messages.success(request, pgettext(DESK, "Declined: nothing was published."))
            return redirect(queue)
        if action != "approve":
            return HttpResponseBadRequest("action: use approve or send_back")
        try:
            changed = approve(self.submission, request.user)
        except TranslationConflict as conflict:
            messages.error(
                request,
                pgettext(
                    DESK,
                    "Someone else changed these texts while you were working: %(fields)s. "
                    "Nothing was saved; your text is kept below. Compare and submit again.",
                )
                % {"fields": ", ".join(conflict.fields)},
            )
            return self.render_to_response(self.get_context_data(), status=409)
        messages.success(
            request,
            pgettext(DESK, "Translation published: %(count)s text(s).") % {"count": len(changed)},
        )
        return redirect(queue)
