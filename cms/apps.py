from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **kwargs) -> None:
    """The database cache's table (settings.CACHES): `migrate` alone sets up a server."""
    call_command("createcachetable", database=using, verbosity=0)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegwijs content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: these read the models, which Django
        # loads only after every app's config (the app-loading order, no cycle).
        from . import signals  # noqa: F401  (connects occurrence upkeep)
        from .csv_safety import protect_admin_exports
        from .permissions import signals as permission_signals  # noqa: F401  (partner groups)
        from .permissions.registry import register_permission_policies
        from .read_aloud import signals as read_aloud_signals
        from .taxonomy import seed_after_migrate
        from .translation.provenance import track_saves

        post_migrate.connect(seed_after_migrate, sender=self)
        post_migrate.connect(create_cache_table, sender=self)
        register_permission_policies()
        protect_admin_exports()
        read_aloud_signals.connect()
        track_saves()
