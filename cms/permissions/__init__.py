"""Who may do what: the platform's roles and the rules that keep partners apart.

- ``roles``: membership (coordinator, a partner's editor or contributor).
- ``pages``: activities and guides belong to their organiser / author partner.
- ``policy``: partners report progress on the policy actions they are responsible for.
- ``coordinator_only``: what only coordinators handle (surveys, the contact point's routing).
- ``setup``: the groups, page permissions and moderation workflow behind the roles.

Every rule is a plain function here; ``cms/wagtail_hooks.py`` only plugs them
into Wagtail. Features kept in their own package hold their own rules:
``cms.contact_point.permissions`` (questions), ``cms.surveys.permissions``.
"""


def register_permission_policies() -> None:
    """Plug the rules into Wagtail; called from ``CmsConfig.ready`` before any view runs."""
    from wagtail.models import AbstractPage
    from wagtail.permissions import register_permission_policy

    from ..contact_point.permissions import QuestionPermissionPolicy
    from ..models import PolicyAction, Question, Survey, TopicResponsibility
    from .coordinator_only import CoordinatorOnlyPermissionPolicy
    from .pages import PartnerPagePermissionPolicy
    from .policy import PolicyActionPermissionPolicy

    register_permission_policy(AbstractPage, PartnerPagePermissionPolicy())
    register_permission_policy(PolicyAction, PolicyActionPermissionPolicy(PolicyAction))
    register_permission_policy(Question, QuestionPermissionPolicy(Question))
    register_permission_policy(
        TopicResponsibility, CoordinatorOnlyPermissionPolicy(TopicResponsibility)
    )
    register_permission_policy(Survey, CoordinatorOnlyPermissionPolicy(Survey))
