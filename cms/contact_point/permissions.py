"""Questions to the contact point: each partner sees only the questions routed to it.

- a partner's **editors** see, answer and close the questions routed to their
  partner; they cannot re-route them, nor see any other question;
- **regional coordinators** see every question (and handle the ones no partner
  is responsible for), re-route them, may delete spam, and set the routing;
- a **municipality coordinator** does the same for the questions asked on their
  municipality's site, and for no other (``cms.permissions.municipal``);
- contributors and everyone else: nothing. A question may hold what the asker
  would not tell their employer, so the rule is "who needs it", not "who
  works on the platform".

Questions are only created by the public (API and site), never in the admin.
The policies decide from roles alone, not from Django model permissions, so no
group needs a permission to be granted or repaired for this to hold.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from ..models.membership import PartnerRole
from ..permissions.municipal import coordinated_rows
from ..permissions.roles import (
    COORDINATORS_GROUP,
    User,
    coordinated_municipality_ids,
    coordinates,
    editor_partner_ids,
    is_coordinator,
)
from .models import Question

HANDLING_ACTIONS = frozenset({"view", "change"})


def handles_questions(user: User) -> bool:
    """Does the user answer questions at all (a coordinator, or a partner's editor)?"""
    return (
        is_coordinator(user)
        or bool(coordinated_municipality_ids(user))
        or bool(editor_partner_ids(user))
    )


def questions_for(user: User, questions: QuerySet[Question] | None = None) -> QuerySet[Question]:
    """The questions the user may see and answer."""
    questions = Question.objects.all() if questions is None else questions
    if is_coordinator(user):
        return questions
    own = editor_partner_ids(user)
    if not coordinated_municipality_ids(user):
        return questions.filter(routed_partner__in=own) if own else questions.none()
    coordinated = coordinated_rows(user, questions)
    if not own:
        return coordinated
    return questions.filter(Q(routed_partner__in=own) | Q(pk__in=coordinated.values("pk")))


def coordinates_question(user: User, question: Question) -> bool:
    """Is the question asked in a municipality the user coordinates (as stored)?"""
    if is_coordinator(user):
        return True
    if question.pk is None:
        return False
    stored = Question.objects.filter(pk=question.pk).values_list("municipality_id", flat=True)
    return coordinates(user, stored.first())


def may_handle(user: User, question: Question) -> bool:
    """May the user see, answer and close this question (as routed now, in the database)?"""
    if coordinates_question(user, question):
        return True
    if question.pk is None:
        return False
    stored = Question.objects.filter(pk=question.pk).values_list("routed_partner_id", flat=True)
    partner_id = stored.first()
    return partner_id is not None and partner_id in editor_partner_ids(user)


def question_handlers() -> QuerySet:
    """Every active user who handles questions (for Wagtail's "who may" lists)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__name=COORDINATORS_GROUP)
            | Q(groups__coordinated_municipality__isnull=False)
            | Q(groups__partner_group__role=PartnerRole.EDITOR)
        )
        .distinct()
    )


class QuestionPermissionPolicy(BasePermissionPolicy):
    """View and change (answer, close) for handlers, per routed partner; delete for coordinators
    (a municipality's coordinators: their municipality's questions)."""

    def user_has_permission(self, user, action) -> bool:
        if action in HANDLING_ACTIONS:
            return handles_questions(user)
        if action == "delete":
            return is_coordinator(user) or bool(coordinated_municipality_ids(user))
        return False  # "add": questions come from the public only

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action == "delete":
            return coordinates_question(user, instance)
        return may_handle(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return Question.objects.none()
        return questions_for(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        return question_handlers()
