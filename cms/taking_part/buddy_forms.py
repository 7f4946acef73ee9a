"""What a buddy offer and a buddy request must look like: one check for the API and the site."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..places import villages
from ..translation.languages import language_codes
from .buddy_models import BuddyHelp, BuddyTime
from .forms import ContactFields

OFFER_FORM = "buddy_offer"
REQUEST_FORM = "buddy_request"


def village_choices() -> list[tuple[str, str]]:
    return [(village.slug, village.name) for village in villages()]


class BuddyForm(ContactFields):
    """Who, how to reach them, the languages they speak, where, when, and what help."""

    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=lambda: [(code, code) for code in language_codes()],
        error_messages={
            "required": _("Choose at least one language."),
            "invalid_choice": _("Choose one of the languages offered."),
        },
    )
    village = forms.ChoiceField(
        label=_("Village"),
        choices=village_choices,
        error_messages={
            "required": _("Choose your village."),
            "invalid_choice": _("Choose one of the villages offered."),
        },
    )
    times = forms.MultipleChoiceField(
        label=_("When can you meet?"),
        choices=BuddyTime.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one moment."),
            "invalid_choice": _("Choose one of the moments offered."),
        },
    )
    help = forms.MultipleChoiceField(
        choices=BuddyHelp.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one kind of help."),
            "invalid_choice": _("Choose one of the kinds of help offered."),
        },
    )


class BuddyOfferForm(BuddyForm):
    """A volunteer offers to be a buddy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["help"].label = _("What would you like to offer?")


class BuddyRequestForm(BuddyForm):
    """A migrant asks for a buddy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["help"].label = _("What would you like help with?")
