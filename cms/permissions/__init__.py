"""Who may do what: the platform's roles and the rules that keep partners apart.

- ``roles``: membership (coordinator, a partner's editor or contributor).
- ``pages``: activities and guides belong to their organiser / author partner.
- ``policy``: partners report progress on the policy actions they are responsible for.
- ``surveys``: needs surveys and their results are for coordinators only.
- ``questions``: a partner's editors see only the questions routed to their partner.
- ``cms.taking_part.permissions``: sign-ups and buddy lists, per partner.
- ``setup``: the groups, page permissions and moderation workflow behind the roles.

Every rule is a plain function here; ``cms/wagtail_hooks.py`` only plugs them
into Wagtail.
"""


def register_permission_policies() -> None:
    """Plug the rules into Wagtail; called from ``CmsConfig.ready`` before any view runs."""
    from wagtail.models import AbstractPage
    from wagtail.permissions import register_permission_policy

    from ..models import PolicyAction, Question, Survey, TopicResponsibility
    from .coordinator_only import CoordinatorOnlyPermissionPolicy
    from .pages import PartnerPagePermissionPolicy
    from .policy import PolicyActionPermissionPolicy
    from .questions import QuestionPermissionPolicy

    register_permission_policy(AbstractPage, PartnerPagePermissionPolicy())
    register_permission_policy(PolicyAction, PolicyActionPermissionPolicy(PolicyAction))
    register_permission_policy(Question, QuestionPermissionPolicy(Question))
    register_permission_policy(
        TopicResponsibility, CoordinatorOnlyPermissionPolicy(TopicResponsibility)
    )
    register_permission_policy(Survey, CoordinatorOnlyPermissionPolicy(Survey))

    from ..models import BuddyMatch, BuddyOffer, BuddyProject, BuddyRequest, Signup
    from ..taking_part.permissions import PartnerPeoplePermissionPolicy

    for model in (Signup, BuddyOffer, BuddyRequest, BuddyMatch):
        register_permission_policy(model, PartnerPeoplePermissionPolicy(model))
    register_permission_policy(BuddyProject, CoordinatorOnlyPermissionPolicy(BuddyProject))
