"""The translation status panel of the page editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .languages import english_name
from .texts_as_opened import FIELD


class TranslationStatusPanel(Panel):
    """Shows the editor, per language, whether the translation is complete, missing or outdated.

    Read-only: the statuses come from ``TranslationTrackedMixin.translation_statuses``
    as last saved, so they change when the page is saved.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translation status"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/translation_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # The page form's texts as opened (``texts_as_opened``) travel with this panel,
            # which every saved translated page shows.
            if FIELD in self.form.fields:
                context["texts_as_opened"] = self.form[FIELD]
            context["statuses"] = [
                {"code": code, "name": english_name(code), "status": status}
                for code, status in self.instance.translation_statuses().items()
            ]
            return context
