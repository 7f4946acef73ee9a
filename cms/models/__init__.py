"""Wegwijs content: one module per concept, re-exported for Django's app registry."""

from ..feedback.models import FeedbackReason, PageFeedback  # noqa: F401
from .activities import ActivityIndexPage, ActivityOccurrence, ActivityPage  # noqa: F401
from .guides import GuideIndexPage, GuidePage  # noqa: F401
from .home import HomePage  # noqa: F401
from .membership import PartnerGroup, PartnerRole  # noqa: F401
from .partners import Partner  # noqa: F401
from .policy import PolicyAction, PolicyPlanPage, ProgressUpdate  # noqa: F401
from .questions import ContactMethod, Question, QuestionTopic, TopicResponsibility  # noqa: F401
from .surveys import (  # noqa: F401
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
)
from .taxonomy import BuildingBlock, Category  # noqa: F401
