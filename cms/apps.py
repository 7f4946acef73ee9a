from django.apps import AppConfig
from django.core.management import call_command
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **kwargs) -> None:
    """The database cache's table (settings.CACHES): `migrate` alone sets up a server."""
    call_command("createcachetable", database=using, verbosity=0)


def _one_language_per_screen() -> None:
    """Every page and text snippet is edited in Dutch; the other languages are on their own tab."""
    from .glossary.models import GlossaryTerm
    from .models import (
        ActivityIndexPage,
        ActivityPage,
        GuideIndexPage,
        GuidePage,
        HomePage,
        Partner,
        PolicyAction,
        PolicyPlanPage,
    )
    from .panels import FeedbackPanel
    from .surveys.models import Survey
    from .translation.panels import TranslationStatusPanel
    from .translation.screens import (
        arrange_by_language,
        arrange_snippet_by_language,
    )
    from .translation.texts_as_opened import guard_snippet_form

    for model in (ActivityPage, GuidePage):
        arrange_by_language(model, moved=(TranslationStatusPanel, FeedbackPanel))
    # The home, the sections and the plan: a title and an intro, but 13 of each.
    for model in (HomePage, ActivityIndexPage, GuideIndexPage, PolicyPlanPage):
        arrange_by_language(model)
    # The snippets with texts in 13 languages: partners' descriptions, the plan's actions.
    for model in (Partner, PolicyAction, Survey):
        guard_snippet_form(model)  # a translator's newer text is never saved over unseen
        arrange_snippet_by_language(model)
    guard_snippet_form(GlossaryTerm)


def _plan_progress_in_the_editor() -> None:
    """The plan's editor shows its progress chart (``policy_panels``), below its own fields."""
    from .models import PolicyPlanPage
    from .policy_panels import PlanProgressPanel

    PolicyPlanPage.content_panels = [*PolicyPlanPage.content_panels, PlanProgressPanel()]


def count_content_changes(using: str = "default", **kwargs) -> None:
    """The content version's triggers on every content table, those of later migrations too."""
    from .content_version import install_triggers

    install_triggers(using)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Wegwijs content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: these read the models, which Django
        # loads only after every app's config (the app-loading order, no cycle).
        from . import signals  # noqa: F401  (connects occurrence upkeep)
        from .csv_safety import protect_admin_exports
        from .municipalities import signals as municipality_signals
        from .permissions import signals as permission_signals  # noqa: F401  (partner groups)
        from .permissions.registry import register_permission_policies
        from .planner_costs import set_planner_costs
        from .read_aloud import signals as read_aloud_signals
        from .site_address import site_changed  # noqa: F401  (connects its signals)
        from .taxonomy import seed_after_migrate
        from .translation import parked as parked_machine_drafts
        from .translation.provenance import track_saves

        connection_created.connect(set_planner_costs, dispatch_uid="cms.planner_costs")
        post_migrate.connect(seed_after_migrate, sender=self)
        post_migrate.connect(create_cache_table, sender=self)
        # Sent after the whole migrate run: wagtail's tables exist by then too.
        post_migrate.connect(count_content_changes, sender=self)
        register_permission_policies()
        # The chart first: the arrangement by language builds the tabs from these panels.
        _plan_progress_in_the_editor()
        _one_language_per_screen()
        protect_admin_exports()
        read_aloud_signals.connect()
        municipality_signals.connect()
        track_saves()
        parked_machine_drafts.connect()
