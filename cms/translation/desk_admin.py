"""The translation desk in the admin: the translator's queue and the side-by-side editor.

Translators (``translators.py``) and coordinators reach both; a translator
only for their own languages, and never Dutch (the source). The editor
writes through ``desk.apply_translation``: the target language's columns of
the live object and nothing else; where a municipality asks for a second
reader (``review``), a submit waits for one instead, and the queue lists the
other translators' submissions waiting for review. Drafts are each
translator's own.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..feedback.for_translators import unclear_translations
from ..permissions.roles import is_coordinator
from .desk import TranslationConflict, apply_translation, check_texts, desk_texts, mark_reviewed
from .desk_blocks import BodyRefused
from .languages import language_codes, name_in_admin
from .provenance import Origin
from .queue import KINDS, kind_of, published, translation_queue
from .records import TranslationDraft
from .review import review_required, submit_for_review, waiting_for
from .review_admin import ReviewView
from .scope import in_scope, translator_scope
from .translators import may_translate, translator_languages

DESK = "translation desk"


def desk_languages(user) -> list[str]:
    """The languages the user may translate into, in the platform's order."""
    if is_coordinator(user):
        return [code for code in language_codes() if may_translate(user, code)]
    mine = translator_languages(user)
    return [code for code in language_codes() if code in mine]


def may_use_desk(user) -> bool:
    return bool(desk_languages(user))


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    """``?language=pl``: everything missing or outdated in that language (default: the first)."""

    template_name = "cms/translation/queue.html"

    def get_page_title(self):
        return pgettext(DESK, "Translation queue")

    def dispatch(self, request, *args, **kwargs):
        self.languages = desk_languages(request.user)
        if not self.languages:
            raise PermissionDenied
        self.language = request.GET.get("language") or self.languages[0]
        if self.language not in self.languages:
            raise PermissionDenied
        self.scope = translator_scope(request.user, self.language)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            language=self.language,
            language_name=name_in_admin(self.language),
            languages=[(code, name_in_admin(code)) for code in self.languages],
            # A translator for one municipality: only what is shown there (``scope``).
            items=translation_queue(self.language, scope=self.scope),
            # Other translators' submissions waiting for a second reader (``review``).
            reviews=[
                submission
                for submission in waiting_for(self.request.user, [self.language])
                if self.scope is None
                or in_scope(kind_of(submission.target), submission.target, self.scope)
            ],
            # Readers' "the translation is hard to understand" in this language.
            unclear=unclear_translations(self.language),
        )
        return context


class DeskView(WagtailAdminTemplateMixin, TemplateView):
    """The Dutch source beside the target language; save a draft, submit, or approve as is."""

    template_name = "cms/translation/desk.html"

    def get_page_title(self):
        return pgettext(DESK, "Translate")

    def dispatch(self, request, kind: str, pk: int, language: str, *args, **kwargs):
        if not may_translate(request.user, language):
            raise PermissionDenied
        if kind not in KINDS:
            raise Http404
        self.kind, self.language = kind, language
        self.obj = published(kind).filter(pk=pk).first()
        if self.obj is None:
            raise Http404
        # A translator for one municipality: what is shown elsewhere is not theirs.
        if not in_scope(kind, self.obj, translator_scope(request.user, language)):
            raise PermissionDenied
        self.content_type = ContentType.objects.get_for_model(type(self.obj))
        # One's own draft only: another translator's unfinished text is theirs.
        self.draft = TranslationDraft.objects.filter(
            content_type=self.content_type, object_id=pk, language=language, saved_by=request.user
        ).first()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        texts = desk_texts(self.obj, self.language)
        drafted = self.draft.texts if self.draft else {}
        context.update(
            obj=self.obj,
            kind=self.kind,
            language=self.language,
            language_name=name_in_admin(self.language),
            texts=[(text, drafted.get(text.name, text.target)) for text in texts],
            draft=self.draft,
            machine=[t.name for t in texts if t.entry and t.entry.origin == Origin.MACHINE],
        )
        return context

    def post(self, request, *args, **kwargs):
        allowed = {text.name for text in desk_texts(self.obj, self.language)}
        posted = {key[5:]: value for key, value in request.POST.items() if key.startswith("text-")}
        bases = {key[5:]: value for key, value in request.POST.items() if key.startswith("base-")}
        refused = sorted(set(posted) - allowed)
        if refused:
            return HttpResponseBadRequest(
                f"{', '.join(refused)}: not a text of this {self.kind} that can be translated"
            )
        action = request.POST.get("action")
        if action == "draft":
            TranslationDraft.objects.update_or_create(
                content_type=self.content_type,
                object_id=self.obj.pk,
                language=self.language,
                saved_by=request.user,
                defaults={"texts": posted, "bases": bases, "saved_at": timezone.now()},
            )
            messages.success(request, pgettext(DESK, "Draft saved. Nobody else sees it yet."))
            return redirect(request.get_full_path())
        if action == "review":
            names = [name for name in request.POST.getlist("reviewed") if name in allowed]
            mark_reviewed(self.obj, self.language, names, request.user)
            messages.success(request, pgettext(DESK, "Marked as checked."))
            return redirect(request.get_full_path())
        if action != "submit":
            return HttpResponseBadRequest("action: use draft, submit or review")
        try:
            # Before it is kept for review, too: a reviewer should not get what cannot be saved.
            check_texts(self.obj, posted)
        except BodyRefused as refused:
            return self._refused(posted, bases, refused.problems)
        if review_required(self.obj):
            submit_for_review(self.obj, self.language, posted, bases, request.user)
            messages.success(
                request,
                pgettext(
                    DESK,
                    "Sent for review: another translator of this language checks it "
                    "before it goes live.",
                ),
            )
            return redirect(reverse("cms_translation_queue") + f"?language={self.language}")
        try:
            changed = apply_translation(self.obj, self.language, posted, bases, request.user)
        except BodyRefused as refused:
            return self._refused(posted, bases, refused.problems)
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
            self.draft = TranslationDraft(texts=posted, bases=bases)
            return self.render_to_response(self.get_context_data(), status=409)
        if self.draft is not None and self.draft.pk:
            self.draft.delete()
        messages.success(
            request,
            pgettext(DESK, "Translation published: %(count)s text(s).") % {"count": len(changed)},
        )
        return redirect(reverse("cms_translation_queue") + f"?language={self.language}")

    def _refused(self, posted, bases, problems):
        """Nothing saved: say what is wrong, by block, and give the texts back to mend."""
        messages.error(
            self.request,
            pgettext(
                DESK, "Nothing was saved; your text is kept below. Please correct: %(problems)s"
            )
            % {"problems": "; ".join(problems)},
        )
        self.draft = TranslationDraft(texts=posted, bases=bases)
        return self.render_to_response(self.get_context_data(), status=400)


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_desk(request.user)


def admin_urls() -> list:
    return [
        path("translations/queue/", QueueView.as_view(), name="cms_translation_queue"),
        path("translations/review/<int:pk>/", ReviewView.as_view(), name="cms_translation_review"),
        path(
            "translations/desk/<str:kind>/<int:pk>/<str:language>/",
            DeskView.as_view(),
            name="cms_translation_desk",
        ),
    ]
