"""Course evaluations: the attorney is asked after completion; editors see answers per course, never who gave them.

Accredited providers must offer every attendee an evaluation form (the State Bar of
California's provider administration requirements: forms available to all attorneys,
returned forms kept one year; New York per the issue, its rule not confirmed yet). The
certificate never waits on it: completion and issue read nothing here.

Anonymity rests on three things: CourseEvaluation has no user, enrolment or timestamp
(only the month, and a random key); EvaluationSubmitted, which records who answered so
nobody is asked twice, carries nothing about the answers and no time; and the report
shows a course's figures and comments only once it has EVALUATION_MIN_RESPONSES answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .models import (
    EVALUATION_COMMENT_MAX_LENGTH,
    EVALUATION_QUESTIONS,
    CourseEvaluation,
    CoursePage,
    Enrollment,
    EvaluationSubmitted,
)
from .services import LearningError

# Below this many answers a course's figures and comments could point at a person.
EVALUATION_MIN_RESPONSES = 3


class EvaluationError(LearningError):
    """An evaluation that cannot be saved; the message is safe to show and nothing was written."""


def _clean_answers(answers: dict) -> dict[str, int]:
    cleaned: dict[str, int] = {}
    for name, _label in EVALUATION_QUESTIONS:
        raw = answers.get(name)
        if raw in (None, ""):
            raise EvaluationError(_("Answer every statement (1 to 5) before sending the evaluation."))
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise EvaluationError(_("Each answer must be a number from 1 to 5.")) from None
        if not 1 <= value <= 5:
            raise EvaluationError(_("Each answer must be a number from 1 to 5."))
        cleaned[name] = value
    return cleaned


def _completed_enrollment(*, user: User, course: CoursePage) -> Enrollment:
    enrollment = Enrollment.objects.filter(user=user, course=course, completed_at__isnull=False).first()
    if enrollment is None:
        raise EvaluationError(_("The evaluation opens once you have completed the course."))
    return enrollment


def course_evaluation_submit(*, user: User, course: CoursePage, answers: dict, comment: str = "") -> CourseEvaluation:
    """Save one anonymous evaluation and mark the attorney as having answered; refuse a second one.

    The marker is written first under its unique constraint, so two submissions at once
    give one evaluation; a refused submission writes nothing.
    """
    _completed_enrollment(user=user, course=course)
    cleaned = _clean_answers(answers)
    comment = (comment or "").strip()
    if len(comment) > EVALUATION_COMMENT_MAX_LENGTH:
        raise EvaluationError(
            _("Keep the comment to %(limit)s characters or fewer (it has %(length)s).")
            % {"limit": EVALUATION_COMMENT_MAX_LENGTH, "length": len(comment)}
        )
    already = _("You have already sent your evaluation of this course. Thank you.")
    try:
        with transaction.atomic():
            # An attorney who said "no thanks" earlier may still answer, once.
            reopened = EvaluationSubmitted.objects.filter(user=user, course=course, declined=True).update(
                declined=False
            )
            if not reopened:
                EvaluationSubmitted.objects.create(user=user, course=course)
            return CourseEvaluation.objects.create(
                course=course, month=timezone.localdate().replace(day=1), comment=comment, **cleaned
            )
    except IntegrityError:
        raise EvaluationError(already) from None


def course_evaluation_decline(*, user: User, course: CoursePage) -> None:
    """The attorney does not want to be asked again for this course (they can still answer later)."""
    _completed_enrollment(user=user, course=course)
    try:
        with transaction.atomic():
            EvaluationSubmitted.objects.get_or_create(user=user, course=course, defaults={"declined": True})
    except IntegrityError:
        pass  # A submission or decline at the same moment already recorded it.


# --- Reads ----------------------------------------------------------------------------------


def evaluation_status(*, user: User, course: CoursePage) -> str:
    """Where the attorney stands: closed (not completed), due, declined or answered."""
    if (
        not user.is_authenticated
        or not Enrollment.objects.filter(user=user, course=course, completed_at__isnull=False).exists()
    ):
        return "closed"
    marker = EvaluationSubmitted.objects.filter(user=user, course=course).first()
    if marker is None:
        return "due"
    return "declined" if marker.declined else "answered"


def evaluations_due_for(*, user: User) -> QuerySet[CoursePage]:
    """Completed live courses the attorney has neither evaluated nor declined to evaluate."""
    answered = EvaluationSubmitted.objects.filter(user=user).values("course_id")
    completed = Enrollment.objects.filter(user=user, completed_at__isnull=False).values("course_id")
    return CoursePage.objects.live().filter(pk__in=completed).exclude(pk__in=answered).order_by("title")


@dataclass
class QuestionAverage:
    label: str
    average: Decimal


@dataclass
class EvaluationReportRow:
    course: CoursePage
    responses: int
    suppressed: bool
    averages: list[QuestionAverage] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def evaluation_report(*, course_id: int | None = None) -> list[EvaluationReportRow]:
    """Per course: number of answers, the average of each statement and the comments.

    Courses with fewer than EVALUATION_MIN_RESPONSES answers show only that; comments are
    listed in a fixed order unrelated to when they were sent.
    """
    evaluations = CourseEvaluation.objects.all()
    if course_id is not None:
        evaluations = evaluations.filter(course_id=course_id)
    aggregates = {
        row["course_id"]: row
        for row in evaluations.values("course_id").annotate(
            responses=Count("id"), **{name: Avg(name) for name, _label in EVALUATION_QUESTIONS}
        )
    }
    courses = CoursePage.objects.filter(pk__in=aggregates).order_by("title")
    rows = []
    for course in courses:
        data = aggregates[course.pk]
        row = EvaluationReportRow(
            course=course, responses=data["responses"], suppressed=data["responses"] < EVALUATION_MIN_RESPONSES
        )
        if not row.suppressed:
            row.averages = [
                QuestionAverage(
                    label=str(label),
                    average=Decimal(str(data[name])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
                )
                for name, label in EVALUATION_QUESTIONS
            ]
            row.comments = sorted(
                evaluations.filter(course=course).exclude(comment="").values_list("comment", flat=True)
            )
        rows.append(row)
    return rows
