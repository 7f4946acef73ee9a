"""What is waiting, per partner or for the platform: small queries the start page shows.

Each function answers one question a club secretary or a coordinator asks on
Monday morning; each costs one query (coverage: two), so the start page stays
quick however much content there is. The coordinator's questions take
``municipalities``: ``None`` for the regional coordinator (everything), the
pks a municipality's coordinator coordinates otherwise.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..calendars.models import CalendarImport
from ..models import (
    ActivityOccurrence,
    ActivityPage,
    GuidePage,
    Question,
    Signup,
    SignupList,
    SurveyResponse,
)
from ..municipalities.lookup import is_regional
from ..taking_part.capacity import signup_capacity
from ..translation.languages import language_codes
from ..translation.report import gap_summary, translation_gaps
from ..translation.status import TranslationStatus

UNANSWERED_AFTER = timedelta(days=3)
REVIEW_EVERY = timedelta(days=365)

Municipalities = Collection[int] | None


def in_municipalities(items: QuerySet, field: str, municipalities: Municipalities) -> QuerySet:
    """``items`` whose ``field`` (a foreign key or many-to-many to Municipality) is one of these.

    Through a subquery on the pks, so a page published to two of them counts
    once. Nothing is filtered for the regional coordinator (``None``) nor on an
    install with one municipality, where content need not name it
    (``cms.municipalities.scoping``).
    """
    if municipalities is None or not is_regional():
        return items
    inside = items.model._default_manager.filter(**{f"{field}__in": municipalities})
    return items.filter(pk__in=inside.values("pk"))


def upcoming_activities(partners: Collection[int], now: datetime, limit: int = 8) -> list:
    """The partners' activities that still have a date ahead, soonest first (``next_start``)."""
    next_start = (
        ActivityOccurrence.objects.filter(activity=OuterRef("pk"), starts_at__gte=now)
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return list(
        ActivityPage.objects.filter(organiser_id__in=partners)
        .annotate(next_start=Subquery(next_start))
        .filter(next_start__isnull=False)
        .order_by("next_start")
        .only("id", "title", "live", "slug")[:limit]
    )


def translation_todo(partners: Collection[int]) -> dict[str, dict[str, int]]:
    """``{language: {"missing": n, "outdated": n}}`` over the partners' activities and guides."""
    pages = [
        *ActivityPage.objects.filter(organiser_id__in=partners).select_related("organiser"),
        *GuidePage.objects.filter(author_id__in=partners).select_related("author"),
    ]
    todo: dict[str, dict[str, int]] = {}
    for per_language in gap_summary(translation_gaps(pages)).values():
        for code, counts in per_language.items():
            row = todo.setdefault(code, {"missing": 0, "outdated": 0})
            row["missing"] += counts["missing"]
            row["outdated"] += counts["outdated"]
    return dict(sorted(todo.items(), key=lambda item: language_codes().index(item[0])))


def waiting_questions(partners: Collection[int] | None) -> QuerySet:
    """New questions for these partners; ``None``: every new question (coordinators)."""
    questions = Question.objects.filter(status=Question.Status.NEW)
    if partners is not None:
        questions = questions.filter(routed_partner_id__in=partners)
    return questions


def overdue_questions(now: datetime, municipalities: Municipalities = None) -> int:
    """Questions nobody answered within three days: the coordinator steps in."""
    overdue = waiting_questions(None).filter(created_at__lt=now - UNANSWERED_AFTER)
    return in_municipalities(overdue, "municipality", municipalities).count()


def pages_awaiting_approval(
    partners: Collection[int] | None = None, municipalities: Municipalities = None
) -> list:
    """Activities and guides in a workflow (submitted, not yet approved)."""
    in_review = Q(_specific_workflow_states__status="in_progress")
    activities = in_municipalities(
        ActivityPage.objects.filter(in_review), "municipalities", municipalities
    )
    guides = in_municipalities(
        GuidePage.objects.filter(in_review), "municipalities", municipalities
    )
    if partners is not None:
        activities = activities.filter(organiser_id__in=partners)
        guides = guides.filter(author_id__in=partners)
    return [*activities.only("id", "title"), *guides.only("id", "title")]


def translation_coverage(municipalities: Municipalities = None) -> dict[str, int]:
    """Per language: the percentage of live activities and guides translated and current."""
    pages = [
        *in_municipalities(ActivityPage.objects.live(), "municipalities", municipalities),
        *in_municipalities(GuidePage.objects.live(), "municipalities", municipalities),
    ]
    if not pages:
        return {}
    complete: dict[str, int] = {}
    for page in pages:
        for code, status in page.translation_statuses().items():
            complete[code] = complete.get(code, 0) + (status == TranslationStatus.COMPLETE)
    return {
        code: round(100 * complete.get(code, 0) / len(pages))
        for code in language_codes()
        if code != settings.SOURCE_LANGUAGE
    }


def survey_responses_since(day, municipalities: Municipalities = None) -> int:
    answers = SurveyResponse.objects.filter(answered_on__gte=day)
    return in_municipalities(answers, "survey__municipality", municipalities).count()


def guides_to_review(
    today, limit: int = 8, municipalities: Municipalities = None
) -> tuple[int, list]:
    """Live guides not checked for a year (or never): how many, and the oldest few."""
    stale = in_municipalities(
        GuidePage.objects.live().filter(
            Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=today - REVIEW_EVERY)
        ),
        "municipalities",
        municipalities,
    )
    oldest = list(stale.order_by("last_reviewed").only("id", "title", "last_reviewed")[:limit])
    return stale.count(), oldest


def failed_calendars(municipalities: Municipalities = None) -> QuerySet:
    """The partners' calendar imports that failed last time, with the partner."""
    failed = CalendarImport.objects.filter(status=CalendarImport.Status.FAILED)
    return in_municipalities(failed, "partner__municipalities", municipalities).select_related(
        "partner"
    )


def _people(status: str) -> Coalesce:
    return Coalesce(Sum("signups__people", filter=Q(signups__status=status)), 0)


def upcoming_signups(partners: Collection[int], now: datetime, limit: int = 8) -> list[dict]:
    """The sign-up lists of the partners' activities still ahead: people coming, people waiting.

    A list per date ends on its date; a list for the whole activity while the
    activity has a date ahead. Counts are people (a sign-up may bring several),
    never names: the names are on the sign-ups screen the panel links to.
    """
    ahead = ActivityOccurrence.objects.filter(activity=OuterRef("activity"), starts_at__gte=now)
    lists = (
        SignupList.objects.filter(activity__organiser_id__in=partners)
        .filter(Q(date__gte=timezone.localdate(now)) | Q(Exists(ahead), date__isnull=True))
        .annotate(
            next_start=Subquery(ahead.order_by("starts_at").values("starts_at")[:1]),
            confirmed=_people(Signup.Status.CONFIRMED),
            waiting=_people(Signup.Status.WAITING),
        )
        .select_related("activity")
        .order_by("date", "next_start")[:limit]
    )
    return [
        {
            "list": signup_list,
            "activity": signup_list.activity,
            "date": signup_list.date or signup_list.next_start,
            "confirmed": signup_list.confirmed,
            "waiting": signup_list.waiting,
            "capacity": signup_capacity(signup_list.activity),
        }
        for signup_list in lists
    ]
