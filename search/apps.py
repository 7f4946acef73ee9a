from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "wegwijs_search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Here and not at the top: both touch models and database connections,
        # which exist only once every app is loaded (Django's app-loading rule).
        from . import folding  # noqa: F401  (SQLite connections get translate())
        from .signals import connect

        connect()
