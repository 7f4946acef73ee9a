from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "wegwijs_search"
    verbose_name = "Search"

    def ready(self) -> None:
        from . import folding  # noqa: F401  (SQLite connections get translate())
        from .signals import connect

        connect()
