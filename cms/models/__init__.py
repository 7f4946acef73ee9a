"""Wegwijs content: one module per concept, re-exported for Django's app registry.

Features with several parts (the contact point, surveys, calendar import,
taking part, account links, readers' feedback) keep their models beside their
logic, in their own package; they are imported here so that ``cms.models``
stays the one list of the app's models.
"""

from ..accounts.models import EmailChange, Invitation  # noqa: F401
from ..calendars.models import CalendarEvent, CalendarImport  # noqa: F401
from ..contact_point.models import (  # noqa: F401
    ContactMethod,
    Question,
    QuestionTopic,
    TopicResponsibility,
)
from ..feedback.models import FeedbackReason, PageFeedback  # noqa: F401
from ..glossary.models import GlossaryTerm  # noqa: F401
from ..municipalities.models import Municipality, Village  # noqa: F401
from ..permissions.approval import MunicipalApprovalTask  # noqa: F401
from ..surveys.models import (  # noqa: F401
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
)
from ..taking_part.buddy_models import (  # noqa: F401
    BuddyMatch,
    BuddyOffer,
    BuddyProject,
    BuddyRequest,
)
from ..taking_part.models import Signup, SignupList  # noqa: F401
from ..translation.machine.budget import MachineCharacters  # noqa: F401
from ..translation.municipal import MunicipalTranslationSettings  # noqa: F401
from ..translation.records import (  # noqa: F401
    SourceText,
    TranslationDraft,
    TranslationRecord,
    TranslationSubmission,
)
from ..translation.translators import TranslatorAssignment  # noqa: F401
from ..venues.models import Venue  # noqa: F401
from .activities import ActivityIndexPage, ActivityOccurrence, ActivityPage  # noqa: F401
from .content_version import ContentVersion  # noqa: F401
from .guides import GuideIndexPage, GuidePage  # noqa: F401
from .home import HomePage  # noqa: F401
from .membership import PartnerGroup, PartnerRole  # noqa: F401
from .partners import Partner  # noqa: F401
from .policy import PolicyAction, PolicyPlanPage, ProgressUpdate  # noqa: F401
from .taxonomy import BuildingBlock, Category  # noqa: F401
