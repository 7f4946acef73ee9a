"""The one check of a "Was this clear?" answer, for the API and the site alike."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from wagtail.models import Page

from ..models import ActivityPage, GuidePage
from ..translation.languages import is_supported
from .models import TEXT_MAX_LENGTH, FeedbackReason, PageFeedback

FORM_NAME = "feedback"
PAGE_KINDS = {"guide": GuidePage, "activity": ActivityPage}


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in PAGE_KINDS])
    slug = forms.SlugField(max_length=255)
    language = forms.CharField(max_length=8)
    clear = forms.NullBooleanField()
    reason = forms.ChoiceField(choices=FeedbackReason.choices, required=False)
    text = forms.CharField(max_length=TEXT_MAX_LENGTH, required=False, strip=True)

    def clean_language(self) -> str:
        code = self.cleaned_data["language"]
        if not is_supported(code):
            raise forms.ValidationError("Unknown language.", code="invalid")
        return code

    def clean_clear(self) -> bool:
        if self.cleaned_data["clear"] is None:
            raise forms.ValidationError("Say yes or no.", code="required")
        return self.cleaned_data["clear"]

    def clean(self):
        data = super().clean()
        kind, slug = data.get("kind"), data.get("slug")
        if kind and slug:
            page = PAGE_KINDS[kind].objects.live().filter(slug=slug).first()
            if page is None:
                self.add_error("slug", forms.ValidationError("No such page.", code="not_found"))
            data["page"] = page
        if data.get("clear"):
            data["reason"], data["text"] = "", ""  # nothing to explain
        elif data.get("clear") is False and not data.get("reason"):
            self.add_error("reason", forms.ValidationError("Say why.", code="required"))
        return data


def store_feedback(data: dict) -> PageFeedback:
    page: Page = data["page"]
    return PageFeedback.objects.create(
        page=page,
        language=data["language"],
        clear=data["clear"],
        reason=data["reason"],
        text=data["text"],
        given_on=timezone.localdate(),
    )
