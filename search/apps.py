from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "wegwijs_search"
    verbose_name = "Search"
