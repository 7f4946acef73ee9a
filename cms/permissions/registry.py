"""The rules plugged into Wagtail: one permission policy per model that needs its own.

Called once from ``CmsConfig.ready``, before any view runs. Kept out of the
package's ``__init__`` because it reads the models, and the models are built
from ``pages`` and ``policy`` of this package: registering in ``__init__``
would make every import of ``cms.permissions.pages`` load the models first.
"""

from __future__ import annotations

from wagtail.models import AbstractPage
from wagtail.permissions import register_permission_policy

from ..contact_point.permissions import QuestionPermissionPolicy
from ..models import (
    BuddyMatch,
    BuddyOffer,
    BuddyProject,
    BuddyRequest,
    GlossaryTerm,
    Municipality,
    PolicyAction,
    Question,
    Signup,
    Survey,
    TopicResponsibility,
    Venue,
)
from ..taking_part.permissions import PartnerPeoplePermissionPolicy
from ..translation.municipal import MunicipalTranslationSettings
from ..translation.translators import TranslatorAssignment
from ..venues.permissions import VenuePermissionPolicy
from .coordinator_only import CoordinatorOnlyPermissionPolicy
from .municipal_rows import MunicipalRowsPermissionPolicy
from .pages import PartnerPagePermissionPolicy
from .policy import PolicyActionPermissionPolicy


def register_permission_policies() -> None:
    register_permission_policy(AbstractPage, PartnerPagePermissionPolicy())
    register_permission_policy(PolicyAction, PolicyActionPermissionPolicy(PolicyAction))
    register_permission_policy(Question, QuestionPermissionPolicy(Question))
    # What each municipality holds: its coordinators' (``municipal_rows``).
    register_permission_policy(
        TopicResponsibility, MunicipalRowsPermissionPolicy(TopicResponsibility)
    )
    register_permission_policy(Survey, MunicipalRowsPermissionPolicy(Survey))
    # The region itself (hosts, villages, languages): the regional coordinators'.
    register_permission_policy(Municipality, CoordinatorOnlyPermissionPolicy(Municipality))
    register_permission_policy(GlossaryTerm, CoordinatorOnlyPermissionPolicy(GlossaryTerm))
    for model in (Signup, BuddyOffer, BuddyRequest, BuddyMatch):
        register_permission_policy(model, PartnerPeoplePermissionPolicy(model))
    register_permission_policy(BuddyProject, CoordinatorOnlyPermissionPolicy(BuddyProject))
    register_permission_policy(Venue, VenuePermissionPolicy(Venue))
    register_permission_policy(
        TranslatorAssignment, CoordinatorOnlyPermissionPolicy(TranslatorAssignment)
    )
    register_permission_policy(
        MunicipalTranslationSettings,
        CoordinatorOnlyPermissionPolicy(MunicipalTranslationSettings),
    )
