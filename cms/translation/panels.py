"""The translation status panel of the page editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .languages import english_name


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
            context["statuses"] = [
                {"code": code, "name": english_name(code), "status": status}
                for code, status in self.instance.translation_statuses().items()
            ]
            return context
