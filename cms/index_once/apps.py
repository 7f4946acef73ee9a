from django.apps import AppConfig


class IndexOnceConfig(AppConfig):
    """Listed after ``wagtail.search``, whose ``ready`` connects the handler this one replaces."""

    name = "cms.index_once"
    label = "index_once"

    def ready(self) -> None:
        from .deferral import take_over_search_handlers

        take_over_search_handlers()
