from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegwijs content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects occurrence upkeep)
        from .permissions import register_permission_policies
        from .permissions import signals as permission_signals  # noqa: F401  (partner groups)
        from .taxonomy import seed_after_migrate

        post_migrate.connect(seed_after_migrate, sender=self)
        register_permission_policies()
