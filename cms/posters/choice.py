"""The admin's poster page: which languages side by side, poster or flyer, for which municipality.

A club secretary printing for the housing location in Tiel wants Polish and
Romanian on one sheet, not the Dutch the quick buttons give. The public
address takes them (``?languages=pl,ro``), but nobody should have to edit a
link: this form asks, names a wrong choice in plain words, and sends the
person on to that address, where the PDF is made in the background.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..municipalities.lookup import by_slug, is_regional
from ..public_urls import poster_path
from ..translation.languages import language_codes, native_name
from .content import published_object
from .municipality import item_municipalities
from .views import MAX_LANGUAGES

KINDS = ("activity", "guide", "survey", "contact-point")


class PosterChoiceForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages side by side (one to three)"),
        widget=forms.CheckboxSelectMultiple,
    )
    size = forms.ChoiceField(
        label=gettext_lazy("Print as"),
        choices=[("a4", gettext_lazy("Poster (PDF, A4)")), ("a6", gettext_lazy("Flyer (PDF, A6)"))],
        widget=forms.RadioSelect,
        initial="a4",
    )
    municipality = forms.ChoiceField(label=gettext_lazy("Municipality"), required=False)

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [(code, native_name(code)) for code in language_codes()]
        if len(places) > 1:
            self.fields["municipality"].choices = [(m.slug, m.name) for m in places]
            self.fields["municipality"].required = True
        else:
            del self.fields["municipality"]

    def clean_languages(self) -> list[str]:
        chosen = self.cleaned_data["languages"]
        if len(chosen) > MAX_LANGUAGES:
            raise forms.ValidationError(_("Choose one to three languages."))
        # In the order the platform lists its languages, as the sheet shows them.
        return [code for code in language_codes() if code in chosen]


def _first_languages(place) -> list[str]:
    """The municipality's first two languages (Tiel: Polish, Dutch), else Dutch."""
    offered = list(place.languages) if place is not None and place.languages else []
    return offered[:2] or ["nl"]


def poster_choice(request: HttpRequest, kind: str, slug: str = "") -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    item = None if kind == "contact-point" else published_object(kind, slug)
    if kind != "contact-point" and item is None:
        raise Http404
    places = item_municipalities(kind, item) if is_regional() else []
    if "languages" in request.GET:
        form = PosterChoiceForm(request.GET, places=places)
        if form.is_valid():
            where = form.cleaned_data.get("municipality") or ""
            languages = ",".join(form.cleaned_data["languages"])
            return redirect(poster_path(kind, slug, languages, form.cleaned_data["size"], where))
    else:
        wanted = by_slug(request.GET.get("municipality", "")) if places else None
        first = wanted or (places[0] if places else None)
        initial = {"languages": _first_languages(first), "municipality": getattr(first, "slug", "")}
        form = PosterChoiceForm(places=places, initial=initial)
    title = getattr(item, "title", None) or _("Contact point")
    return TemplateResponse(
        request,
        "cms/posters/choice.html",
        {
            "form": form,
            "page_title": _("Poster or flyer"),
            "subtitle": title,
            "header_icon": "doc-full",
        },
    )
