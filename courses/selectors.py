"""Reads for courses: catalog, progress, completion requirements, dashboard sections."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from .evaluations import evaluation_status, evaluations_due_for
from .models import (
    INSTRUCTION_LANGUAGES,
    AttendanceCheckpoint,
    AttendanceCodeEntry,
    BarAdmission,
    CourseAccreditation,
    CourseIndexPage,
    CoursePage,
    CreditCategory,
    Enrollment,
    Jurisdiction,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)
from .sessions import sessions_for_course
from .vocabulary import ReliefType

# --- Catalog -------------------------------------------------------------------------------


def catalog_index() -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().order_by("path").first()


def catalog_for(*, index: CourseIndexPage, params, user) -> dict:
    """Live courses under the catalog, filtered by relief, jurisdiction with credit, language, category, text."""
    courses = list(
        CoursePage.objects.live().child_of(index).order_by("path").prefetch_related("accreditations__jurisdiction")
    )
    categories = CreditCategory.objects.select_related("jurisdiction").in_bulk()
    credits = {
        course.pk: [
            (acc.jurisdiction, lines, sum((hours for _c, hours in lines), Decimal("0")))
            for acc in course.accreditations.all()
            for lines in [acc.credit_lines(categories)]
        ]
        for course in courses
    }
    relief = params.get("relief", "")
    jurisdiction = params.get("jurisdiction", "")
    language = params.get("language", "")
    category = params.get("category", "")
    query = params.get("q", "").strip()[:200]

    if relief in ReliefType.values:
        courses = [course for course in courses if relief in course.relief_type_values()]
    else:
        relief = ""
    if language in dict(INSTRUCTION_LANGUAGES):
        courses = [course for course in courses if course.language == language]
    else:
        language = ""
    if jurisdiction:
        courses = [
            course
            for course in courses
            if any(rules.code == jurisdiction and total > 0 for rules, _lines, total in credits[course.pk])
        ]
    selected_category = categories.get(int(category)) if category.isdigit() else None
    if selected_category:
        courses = [
            course
            for course in courses
            if any(
                line_category.pk == selected_category.pk and hours > 0
                for _rules, lines, _total in credits[course.pk]
                for line_category, hours in lines
            )
        ]
    else:
        category = ""
    # Words only: quotes and operators are search syntax to the database's full-text engine.
    words = " ".join(re.findall(r"\w+", query))
    if query and not words:
        courses = []
    elif words:
        matching_ids = {page.pk for page in CoursePage.objects.live().child_of(index).search(words)}
        for lesson in LessonPage.objects.live().descendant_of(index).search(words):
            matching_ids.add(lesson.get_parent().pk)
        courses = [course for course in courses if course.pk in matching_ids]

    enrolled = {}
    if user.is_authenticated:
        enrolled = {
            enrollment.course_id: enrollment
            for enrollment in Enrollment.objects.filter(user=user, course__in=[c.pk for c in courses])
        }
    rows = [
        {
            "course": course,
            "enrollment": enrolled.get(course.pk),
            "credits": [(rules.code, total) for rules, _lines, total in credits[course.pk] if total > 0],
        }
        for course in courses
    ]
    return {
        "courses": rows,
        "filters": {
            "relief": relief,
            "jurisdiction": jurisdiction,
            "language": language,
            "category": category,
            "q": query,
        },
        "filtering": any([relief, jurisdiction, language, category, query]),
        "relief_choices": ReliefType.choices,
        "language_choices": INSTRUCTION_LANGUAGES,
        "jurisdiction_choices": list(Jurisdiction.objects.values_list("code", "name")),
        "category_choices": [
            (str(item.pk), f"{item.jurisdiction.code} — {item.name}")
            for item in sorted(categories.values(), key=lambda c: (c.jurisdiction.code, c.sort_order, c.name))
        ],
    }


# --- Progress and requirements ---------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    key: str
    label: str
    met: bool
    detail: str = ""
    # How much of it is done, 0 to 1, for the progress bar (None: all or nothing).
    fraction: float | None = None

    @property
    def done_fraction(self) -> float:
        if self.met:
            return 1.0
        return min(max(self.fraction or 0.0, 0.0), 1.0)


def course_lesson_ids(*, course: CoursePage) -> list[int]:
    return list(LessonPage.objects.child_of(course).live().order_by("path").values_list("pk", flat=True))


@dataclass
class ProgressFacts:
    """What an enrollment has done, as its course's completion rules ask."""

    lessons: list[LessonPage] = field(default_factory=list)  # the course's live lessons, in order
    done_lesson_ids: set[int] = field(default_factory=set)
    engaged_seconds: int = 0
    checkpoint_ids: set[int] = field(default_factory=set)
    correct_checkpoint_ids: set[int] = field(default_factory=set)
    final_scores: list[Decimal] = field(default_factory=list)
    final_passed: bool = False


def progress_facts(*, enrollments: list[Enrollment]) -> dict[int, ProgressFacts]:
    """Enrollment id -> its ProgressFacts, for any number of enrollments in the same few queries."""
    facts = {enrollment.pk: ProgressFacts() for enrollment in enrollments}
    if not facts:
        return facts
    courses = {enrollment.course_id: enrollment.course for enrollment in enrollments}
    children = Q()
    for course in courses.values():
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    lessons_by_course: dict[int, list[LessonPage]] = defaultdict(list)
    course_id_by_path = {course.path: course.pk for course in courses.values()}
    for lesson in LessonPage.objects.live().filter(children).order_by("path"):
        lessons_by_course[course_id_by_path[lesson.path[: -Page.steplen]]].append(lesson)
    for enrollment in enrollments:
        facts[enrollment.pk].lessons = lessons_by_course[enrollment.course_id]

    ids = list(facts)
    progress = LessonProgress.objects.filter(enrollment_id__in=ids)
    for enrollment_id, lesson_id in progress.filter(completed_at__isnull=False).values_list(
        "enrollment_id", "lesson_id"
    ):
        facts[enrollment_id].done_lesson_ids.add(lesson_id)
    for row in progress.values("enrollment_id").annotate(total=Sum("engaged_seconds")).order_by():
        facts[row["enrollment_id"]].engaged_seconds = row["total"] or 0

    lesson_ids = [lesson.pk for lessons in lessons_by_course.values() for lesson in lessons]
    checkpoints_by_lesson: dict[int, set[int]] = defaultdict(set)
    for lesson_id, checkpoint_id in AttendanceCheckpoint.objects.filter(lesson_id__in=lesson_ids).values_list(
        "lesson_id", "pk"
    ):
        checkpoints_by_lesson[lesson_id].add(checkpoint_id)
    for enrollment in enrollments:
        own = facts[enrollment.pk]
        own.checkpoint_ids = set().union(*(checkpoints_by_lesson[lesson.pk] for lesson in own.lessons))
    for enrollment_id, checkpoint_id in AttendanceCodeEntry.objects.filter(
        enrollment_id__in=ids, correct=True, checkpoint_id__in=set().union(*checkpoints_by_lesson.values())
    ).values_list("enrollment_id", "checkpoint_id"):
        facts[enrollment_id].correct_checkpoint_ids.add(checkpoint_id)

    for enrollment_id, score, passed in QuizAttempt.objects.filter(
        enrollment_id__in=ids, kind=QuizAttempt.Kind.FINAL
    ).values_list("enrollment_id", "score_percent", "passed"):
        facts[enrollment_id].final_scores.append(score)
        facts[enrollment_id].final_passed |= passed
    return facts


def enrollment_requirements(*, enrollment: Enrollment, facts: ProgressFacts | None = None) -> list[Requirement]:
    """Each completion rule the course sets, and whether this enrollment meets it now."""
    if facts is None:
        facts = progress_facts(enrollments=[enrollment])[enrollment.pk]
    course = enrollment.course
    requirements: list[Requirement] = []
    lesson_ids = [lesson.pk for lesson in facts.lessons]
    if course.require_all_lessons:
        done = len(facts.done_lesson_ids.intersection(lesson_ids))
        requirements.append(
            Requirement(
                "lessons",
                _("Complete every lesson"),
                bool(lesson_ids) and done >= len(lesson_ids),
                _("%(done)s of %(total)s lessons") % {"done": done, "total": len(lesson_ids)},
                done / len(lesson_ids) if lesson_ids else 0.0,
            )
        )
    if course.minimum_engaged_minutes:
        seconds = facts.engaged_seconds
        requirements.append(
            Requirement(
                "time",
                ngettext(
                    "Spend at least %(minutes)s minute engaged",
                    "Spend at least %(minutes)s minutes engaged",
                    course.minimum_engaged_minutes,
                )
                % {"minutes": course.minimum_engaged_minutes},
                seconds >= course.minimum_engaged_minutes * 60,
                ngettext("%(minutes)s minute so far", "%(minutes)s minutes so far", seconds // 60)
                % {"minutes": seconds // 60},
                seconds / (course.minimum_engaged_minutes * 60),
            )
        )
    if course.require_attendance_codes:
        checkpoint_ids = facts.checkpoint_ids
        correct = facts.correct_checkpoint_ids & checkpoint_ids
        requirements.append(
            Requirement(
                "codes",
                _("Enter every attendance code"),
                checkpoint_ids <= correct,
                _("%(done)s of %(total)s codes") % {"done": len(correct), "total": len(checkpoint_ids)},
                len(correct) / len(checkpoint_ids) if checkpoint_ids else 1.0,
            )
        )
    if course.has_final_assessment():
        requirements.append(
            Requirement(
                "assessment",
                _("Pass the final assessment (%(mark)s%%)") % {"mark": course.pass_mark_percent},
                facts.final_passed,
                _("Best score %(score)s%%") % {"score": floatformat(max(facts.final_scores), -1)}
                if facts.final_scores
                else _("Not attempted"),
            )
        )
    if course.require_affirmation:
        requirements.append(
            Requirement(
                "affirm",
                _("Sign the affirmation of attendance"),
                enrollment.affirmation_signed_at is not None,
            )
        )
    return requirements


def lesson_engaged_seconds_required(*, course: CoursePage, lesson: LessonPage) -> int:
    """The lesson's share of the course's minimum engaged time, in proportion to its estimated minutes.

    The shares are rounded up, so a learner who meets every lesson's share meets the course's minimum.
    """
    if not course.minimum_engaged_minutes:
        return 0
    estimates = dict(LessonPage.objects.child_of(course).live().values_list("pk", "estimated_minutes"))
    estimates.setdefault(lesson.pk, lesson.estimated_minutes)
    total = sum(estimates.values())
    required = course.minimum_engaged_minutes * 60
    if total:
        return math.ceil(required * estimates[lesson.pk] / total)
    return math.ceil(required / len(estimates))


def lesson_requirements(*, enrollment: Enrollment, lesson: LessonPage) -> list[Requirement]:
    """What the course asks of this lesson before it can be marked complete: its share of the
    engaged time and its attendance codes, each only when the course requires it."""
    course = enrollment.course
    requirements: list[Requirement] = []
    required_seconds = lesson_engaged_seconds_required(course=course, lesson=lesson)
    if required_seconds:
        seconds = (
            LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson)
            .values_list("engaged_seconds", flat=True)
            .first()
            or 0
        )
        requirements.append(
            Requirement(
                "time",
                ngettext(
                    "Spend at least %(minutes)s minute engaged in this lesson",
                    "Spend at least %(minutes)s minutes engaged in this lesson",
                    math.ceil(required_seconds / 60),
                )
                % {"minutes": math.ceil(required_seconds / 60)},
                seconds >= required_seconds,
                ngettext("%(minutes)s minute so far", "%(minutes)s minutes so far", seconds // 60)
                % {"minutes": seconds // 60},
                seconds / required_seconds,
            )
        )
    if course.require_attendance_codes:
        checkpoint_ids = set(AttendanceCheckpoint.objects.filter(lesson=lesson).values_list("pk", flat=True))
        if checkpoint_ids:
            correct = set(
                AttendanceCodeEntry.objects.filter(
                    enrollment=enrollment, checkpoint_id__in=checkpoint_ids, correct=True
                ).values_list("checkpoint_id", flat=True)
            )
            requirements.append(
                Requirement(
                    "codes",
                    _("Enter this lesson's attendance codes as they appear"),
                    checkpoint_ids <= correct,
                    _("%(done)s of %(total)s codes") % {"done": len(correct), "total": len(checkpoint_ids)},
                    len(correct) / len(checkpoint_ids),
                )
            )
    return requirements


@dataclass(frozen=True)
class CourseProgress:
    enrollment: Enrollment
    lessons_total: int
    lessons_done: int
    resume_lesson: LessonPage | None
    # The mean of the completion requirements' done fractions (0 to 1).
    requirements_done: float = 0.0

    @property
    def percent(self) -> int:
        """What share of the course's requirements is met: 100 only once the course is complete."""
        if self.enrollment.completed_at:
            return 100
        return min(math.floor(100 * self.requirements_done), 99)


def enrollment_progress(*, enrollment: Enrollment, facts: ProgressFacts | None = None) -> CourseProgress:
    if facts is None:
        facts = progress_facts(enrollments=[enrollment])[enrollment.pk]
    lessons = facts.lessons
    done_ids = facts.done_lesson_ids
    resume = next((lesson for lesson in lessons if lesson.pk not in done_ids), None)
    if enrollment.last_lesson_id and enrollment.last_lesson_id not in done_ids:
        resume = next((lesson for lesson in lessons if lesson.pk == enrollment.last_lesson_id), resume)
    requirements = [] if enrollment.completed_at else enrollment_requirements(enrollment=enrollment, facts=facts)
    return CourseProgress(
        enrollment=enrollment,
        lessons_total=len(lessons),
        lessons_done=len([lesson for lesson in lessons if lesson.pk in done_ids]),
        # Every lesson done but the course not complete: what is left is on the course page, not in a lesson.
        resume_lesson=resume or (lessons[0] if lessons and enrollment.completed_at else None),
        requirements_done=(
            sum(requirement.done_fraction for requirement in requirements) / len(requirements) if requirements else 0.0
        ),
    )


def enrollments_for(*, user) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(user=user).select_related("course").order_by("completed_at", "-enrolled_at")


def learning_overview(*, user) -> dict:
    enrollments = list(enrollments_for(user=user))
    facts = progress_facts(enrollments=enrollments)
    rows = [enrollment_progress(enrollment=enrollment, facts=facts[enrollment.pk]) for enrollment in enrollments]
    return {
        "progress_rows": rows,
        "overall_percent": math.floor(sum(row.percent for row in rows) / len(rows)) if rows else 0,
        "courses_completed": sum(1 for row in rows if row.enrollment.completed_at),
        "evaluations_due": list(evaluations_due_for(user=user)),
    }


def course_page_context(*, course: CoursePage, user, preview: bool = False) -> dict:
    enrollment = None
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course=course).first()
    facts = progress_facts(enrollments=[enrollment])[enrollment.pk] if enrollment else None
    lessons = facts.lessons if facts else list(course.lessons())
    done_ids = facts.done_lesson_ids if facts else set()
    requirements = enrollment_requirements(enrollment=enrollment, facts=facts) if enrollment else []
    return {
        "evaluation_status": evaluation_status(user=user, course=course) if enrollment else "closed",
        "enrollment": enrollment,
        "progress": enrollment_progress(enrollment=enrollment, facts=facts) if enrollment else None,
        "requirements": requirements,
        "can_affirm": bool(requirements) and all(req.met for req in requirements if req.key != "affirm"),
        "lesson_rows": [{"lesson": lesson, "done": lesson.pk in done_ids} for lesson in lessons],
        "accreditations": list(course.accreditations.select_related("jurisdiction")),
        "faculty": list(course.faculty.all()),
        "cle_warnings": course_cle_warnings(course=course)
        if preview or (user.is_authenticated and (user.is_superuser or user.is_content_editor or user.is_program_staff))
        else [],
        "prerequisites": [prerequisite for prerequisite in course.prerequisites.all() if prerequisite.live],
        "session_rows": sessions_for_course(course=course, user=user),
    }


def course_cle_warnings(*, course: CoursePage) -> list[str]:
    """Where a course's settings fall short of the rules of a jurisdiction it is accredited in (for editors)."""
    warnings: list[str] = []
    lesson_ids = course_lesson_ids(course=course)
    codes = AttendanceCheckpoint.objects.filter(lesson_id__in=lesson_ids).count()
    # A live or webcast accreditation is earned by a session's length, an on-demand one by the course's.
    session_minutes: dict[str, int] = {}
    for session in course.sessions.all():
        fmt = session.accreditation_format
        session_minutes[fmt] = max(session_minutes.get(fmt, 0), session.minutes)
    for accreditation in course.accreditations.select_related("jurisdiction"):
        rules = accreditation.jurisdiction
        names = {"code": rules.code}
        hours = accreditation.total_hours()
        if accreditation.format == CourseAccreditation.Format.ON_DEMAND:
            minutes = course.estimated_minutes
        else:
            minutes = session_minutes.get(accreditation.format, 0)
        earned = rules.credits_for_minutes(minutes)
        if hours > earned:
            warnings.append(
                _("%(code)s: %(hours)s credit hours exceed the %(earned)s that %(minutes)s minutes earn.")
                % {**names, "hours": hours, "earned": earned, "minutes": minutes}
            )
        if hours % rules.credit_increment:
            warnings.append(
                _("%(code)s: %(hours)s is not a multiple of the %(step)s credit increment.")
                % {**names, "hours": hours, "step": rules.credit_increment}
            )
        if any(category.jurisdiction_id != rules.pk for category, _hours in accreditation.credit_lines()):
            warnings.append(_("%(code)s: a credit category belongs to another jurisdiction.") % names)
        if accreditation.approved_to and accreditation.approved_to < timezone.localdate():
            warnings.append(
                _("%(code)s: the approval ended on %(date)s.") % {**names, "date": accreditation.approved_to}
            )
        if accreditation.format != CourseAccreditation.Format.ON_DEMAND:
            continue
        if rules.attendance_code_interval_minutes:
            needed = math.ceil(course.estimated_minutes / rules.attendance_code_interval_minutes)
            if codes < needed or not course.require_attendance_codes:
                warnings.append(
                    _(
                        "%(code)s: on-demand credit needs at least %(needed)s required attendance codes; this course has %(codes)s."
                    )
                    % {**names, "needed": needed, "codes": codes if course.require_attendance_codes else 0}
                )
        if rules.requires_affirmation and not course.require_affirmation:
            warnings.append(_("%(code)s: on-demand credit needs a signed affirmation of attendance.") % names)
        needed_minutes = rules.minutes_for_credits(hours)
        if course.minimum_engaged_minutes < needed_minutes:
            warnings.append(
                _(
                    "%(code)s: %(hours)s credit hours need at least %(minutes)s engaged minutes; the course requires %(set)s."
                )
                % {
                    **names,
                    "hours": hours,
                    "minutes": needed_minutes,
                    "set": course.minimum_engaged_minutes,
                }
            )
    return warnings


def page_has_learning_records(*, page) -> bool:
    """Whether deleting this page (and its subtree) would destroy learners' CLE records."""
    from wagtail.models import Page

    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    return (
        Enrollment.objects.filter(course_id__in=ids).exists()
        or LessonProgress.objects.filter(lesson_id__in=ids).exists()
        or AttendanceCodeEntry.objects.filter(lesson_id__in=ids).exists()
        or QuizAttempt.objects.filter(lesson_id__in=ids).exists()
    )


def page_own_sibling_at_slug(*, parent: Page, slug: str, user) -> Page | None:
    """The page this user already created under parent at this slug (a create sent twice), if any."""
    if not slug or not user.is_authenticated:
        return None
    return parent.get_children().filter(slug=slug, owner=user).specific().first()


def lesson_neighbours(*, lesson: LessonPage) -> tuple[LessonPage | None, LessonPage | None]:
    siblings = list(LessonPage.objects.sibling_of(lesson).live().order_by("path"))
    ids = [sibling.pk for sibling in siblings]
    if lesson.pk not in ids:
        return None, None
    position = ids.index(lesson.pk)
    previous = siblings[position - 1] if position > 0 else None
    following = siblings[position + 1] if position + 1 < len(siblings) else None
    return previous, following


def knowledge_check_results(*, enrollment: Enrollment, lesson: LessonPage) -> dict[str, QuizAttempt]:
    """The latest attempt per knowledge check block of the lesson."""
    latest: dict[str, QuizAttempt] = {}
    for attempt in QuizAttempt.objects.filter(
        enrollment=enrollment, kind=QuizAttempt.Kind.KNOWLEDGE_CHECK, lesson=lesson
    ).order_by("number"):
        latest[attempt.block_id] = attempt
    return latest


# --- For other apps ------------------------------------------------------------------------


def completed_course_ids(*, user_ids) -> dict[int, set[int]]:
    """Course page ids each user has completed (users with none are present with an empty set)."""
    result: dict[int, set[int]] = defaultdict(set)
    user_ids = list(user_ids)
    for user_id in user_ids:
        result[user_id] = set()
    for user_id, course_id in Enrollment.objects.filter(user_id__in=user_ids, completed_at__isnull=False).values_list(
        "user_id", "course_id"
    ):
        result[user_id].add(course_id)
    return dict(result)


def dashboard_sections_for(*, request) -> list[tuple[str, dict]]:
    user = request.user
    if not user.is_authenticated or not user.is_volunteer:
        return []
    context = learning_overview(user=user)
    context["catalog"] = catalog_index()
    return [("courses/dashboard_section.html", context)]


def user_has_bar_admission(user) -> bool:
    return BarAdmission.objects.filter(user=user).exists()


def user_has_enrollment(user) -> bool:
    return Enrollment.objects.filter(user=user).exists()
