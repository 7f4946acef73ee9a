"""Page-editor panels beside the translation status: plain Dutch, readers' feedback, regions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, Panel

from .feedback.totals import page_tallies, recent_texts
from .municipalities.lookup import is_regional
from .readability import LONG_SENTENCE_WORDS, dutch_text, readability


class ReadabilityPanel(Panel):
    """A readability hint on the Dutch text (``cms.readability``), as last saved.

    Read-only and never blocking: it tells the editor how plain the source is
    and which sentences to shorten first, because every translation inherits
    the source's difficulty.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Plain Dutch"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "readability"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/readability.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = readability(dutch_text(self.instance))
            context["long_sentence_words"] = LONG_SENTENCE_WORDS
            return context


class FeedbackPanel(Panel):
    """What readers said under this page ("Was this clear?"), per language, with the free texts.

    Read-only; the texts disappear after ``FEEDBACK_TEXT_RETENTION_DAYS``.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Was this clear? (readers)"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "feedback"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/feedback.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["tallies"] = page_tallies(self.instance.pk)
            context["texts"] = recent_texts(self.instance.pk)
            return context


class RegionalPanel(MultiFieldPanel):
    """A section shown only where there is a choice to make: an installation with several
    municipalities.

    With one municipality the field stays in the form, unseen and empty, and an
    empty ``municipalities`` means "this municipality" (``cms.municipalities``):
    a village club's volunteer never meets a question that has one answer.
    """

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            return is_regional() and super().is_shown()
