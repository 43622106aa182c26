"""Writes for learning: enrolment, lesson progress, engaged time, attendance codes, quizzes, completion."""

from __future__ import annotations

import importlib.util
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .grading import GradeResult, answers_from_post, grade, questions_from_blocks
from .models import (
    AttendanceCodeEntry,
    BarAdmission,
    CoursePage,
    Enrollment,
    Jurisdiction,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)

logger = logging.getLogger(__name__)

# The page sends a heartbeat every ~30 s; the server credits the time since the previous
# one, at most HEARTBEAT_CAP_SECONDS, and nothing after a gap longer than
# HEARTBEAT_SESSION_GAP_SECONDS (the learner was away: hidden tab, idle, closed laptop).
HEARTBEAT_CAP_SECONDS = 45
HEARTBEAT_SESSION_GAP_SECONDS = 90
QUIZ_TOKEN_SALT = "courses.quiz-attempt"  # noqa: S105 (a signing namespace, not a secret)
QUIZ_TOKEN_MAX_AGE = 12 * 60 * 60
KNOWLEDGE_CHECK_PASS_MARK = 100


class LearningError(Exception):
    """A learner action that cannot be done; the message is safe to show."""


# --- Enrolment -----------------------------------------------------------------------------


def enrollment_create(*, user: User, course: CoursePage) -> Enrollment:
    """Enrol a user in a live course (idempotent); prerequisites must be complete first."""
    if not course.live:
        raise LearningError(_("This course is not open for enrolment."))
    missing = [
        prerequisite.title
        for prerequisite in course.prerequisites.all()
        if not Enrollment.objects.filter(user=user, course=prerequisite, completed_at__isnull=False).exists()
    ]
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if missing:
        raise LearningError(_("Complete these courses first: %(titles)s.") % {"titles": ", ".join(missing)})
    try:
        with transaction.atomic():
            return Enrollment.objects.create(user=user, course=course, affirmation_text="")
    except IntegrityError:
        return Enrollment.objects.get(user=user, course=course)


def _lock(enrollment: Enrollment) -> Enrollment:
    return Enrollment.objects.select_for_update().get(pk=enrollment.pk)


# --- Lessons, engaged time and attendance codes ----------------------------------------------


def _random_reveal_seconds(lesson: LessonPage) -> int:
    """A random point within the lesson's expected time, never in the first minute."""
    span = max(lesson.estimated_minutes * 60 - 60, 120)
    return 60 + secrets.randbelow(span)


def lesson_visit(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """Record the first visit (start time), the resume point and the attendance codes to come."""
    if lesson.get_parent().pk != enrollment.course_id:
        raise LearningError(_("This lesson belongs to another course."))
    with transaction.atomic():
        progress, _created = LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
        Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson)
        enrollment.last_lesson = lesson
        existing = set(
            AttendanceCodeEntry.objects.filter(enrollment=enrollment, lesson=lesson).values_list(
                "checkpoint_id", flat=True
            )
        )
        for number, checkpoint in enumerate(lesson.attendance_codes.all(), start=1):
            if checkpoint.pk in existing:
                continue
            reveal = (
                checkpoint.offset_minutes * 60
                if checkpoint.offset_minutes is not None
                else _random_reveal_seconds(lesson)
            )
            try:
                with transaction.atomic():
                    AttendanceCodeEntry.objects.create(
                        enrollment=enrollment,
                        lesson=lesson,
                        checkpoint=checkpoint,
                        prompt=_("%(lesson)s — attendance code %(number)s")
                        % {"lesson": lesson.title, "number": number},
                        expected_code=checkpoint.code,
                        reveal_after_seconds=reveal,
                    )
            except IntegrityError:
                continue
    return progress


@dataclass(frozen=True)
class HeartbeatResult:
    credited_seconds: int
    lesson_engaged_seconds: int
    course_engaged_seconds: int
    revealed: list[AttendanceCodeEntry]


def lesson_heartbeat(*, enrollment: Enrollment, lesson: LessonPage, now: datetime | None = None) -> HeartbeatResult:
    """Credit engaged time measured by the server: min(time since the last heartbeat, cap).

    The last heartbeat is kept per enrollment, so two tabs on the same course do not
    double the time. Codes whose offset has been reached are revealed in the result.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(enrollment)
        progress = lesson_visit(enrollment=locked, lesson=lesson)
        credited = 0
        if locked.last_heartbeat_at is not None and now > locked.last_heartbeat_at:
            gap = int((now - locked.last_heartbeat_at).total_seconds())
            credited = min(gap, HEARTBEAT_CAP_SECONDS) if gap <= HEARTBEAT_SESSION_GAP_SECONDS else 0
        Enrollment.objects.filter(pk=locked.pk).update(last_heartbeat_at=now)
        enrollment.last_heartbeat_at = now
        LessonProgress.objects.filter(pk=progress.pk).update(
            engaged_seconds=F("engaged_seconds") + credited,
            heartbeats=F("heartbeats") + 1,
            last_heartbeat_at=now,
        )
        progress.refresh_from_db()
        due = AttendanceCodeEntry.objects.filter(
            enrollment=locked,
            lesson=lesson,
            revealed_at__isnull=True,
            reveal_after_seconds__lte=progress.engaged_seconds,
        )
        due.update(revealed_at=now)
        revealed = list(
            AttendanceCodeEntry.objects.filter(
                enrollment=locked, lesson=lesson, revealed_at__isnull=False, correct=False
            )
        )
        course_seconds = sum(LessonProgress.objects.filter(enrollment=locked).values_list("engaged_seconds", flat=True))
    return HeartbeatResult(
        credited_seconds=credited,
        lesson_engaged_seconds=progress.engaged_seconds,
        course_engaged_seconds=course_seconds,
        revealed=revealed,
    )


def lesson_complete(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson complete (the first completion time is kept), then evaluate the course.

    Refused, saying what is missing, until the lesson meets what the course requires of it: its
    share of the engaged time and its attendance codes (selectors.lesson_requirements).
    """
    from .selectors import lesson_requirements

    with transaction.atomic():
        progress = lesson_visit(enrollment=enrollment, lesson=lesson)
        if progress.completed_at is None:
            unmet = [req for req in lesson_requirements(enrollment=enrollment, lesson=lesson) if not req.met]
            if unmet:
                raise LearningError(
                    _("This lesson is not complete yet. Still to do: %(missing)s.")
                    % {"missing": "; ".join(f"{req.label} ({req.detail})" for req in unmet)}
                )
        LessonProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=timezone.now())
        progress.refresh_from_db()
        enrollment_evaluate_completion(enrollment=enrollment)
    return progress


def attendance_code_enter(*, enrollment: Enrollment, entry_id: int, value: str) -> AttendanceCodeEntry:
    """Check a code the learner typed. Only revealed codes can be entered; a correct entry is final."""
    value = (value or "").strip()[:40]
    with transaction.atomic():
        _lock(enrollment)
        entry = AttendanceCodeEntry.objects.select_for_update().filter(pk=entry_id, enrollment=enrollment).first()
        if entry is None or entry.revealed_at is None:
            raise LearningError(_("That attendance code is not due yet."))
        if entry.correct:
            return entry
        entry.tries += 1
        entry.entered_value = value
        entry.entered_at = timezone.now()
        entry.correct = value.upper() == entry.expected_code.strip().upper()
        entry.save(update_fields=["tries", "entered_value", "entered_at", "correct"])
        if entry.correct:
            enrollment_evaluate_completion(enrollment=enrollment)
    return entry


# --- Quizzes -------------------------------------------------------------------------------


def _quiz_key(kind: str, lesson_id: int | None, block_id: str) -> dict:
    return {"k": kind, "l": lesson_id, "b": block_id}


def quiz_token_issue(*, enrollment: Enrollment, kind: str, lesson: LessonPage | None = None, block_id: str = "") -> str:
    """A signed, single-use attempt token for a quiz form; its nonce becomes the attempt's key."""
    payload = {
        "e": enrollment.pk,
        **_quiz_key(kind, lesson.pk if lesson else None, block_id),
        "n": uuid.uuid4().hex,
        "s": timezone.now().isoformat(),
    }
    return signing.dumps(payload, salt=QUIZ_TOKEN_SALT)


def _questions_for(*, enrollment: Enrollment, kind: str, lesson: LessonPage | None, block_id: str):
    if kind == QuizAttempt.Kind.FINAL:
        course = enrollment.course
        return questions_from_blocks(block.value for block in course.final_assessment), course.pass_mark_percent
    if lesson is None:
        raise LearningError(_("This knowledge check no longer exists."))
    for block in lesson.body:
        if block.block_type == "knowledge_check" and block.id == block_id:
            return questions_from_blocks(block.value["questions"]), KNOWLEDGE_CHECK_PASS_MARK
    raise LearningError(_("This knowledge check no longer exists."))


def final_attempts_remaining(*, enrollment: Enrollment) -> int:
    used = QuizAttempt.objects.filter(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL).count()
    return max(enrollment.course.max_attempts - used, 0)


@dataclass(frozen=True)
class AttemptOutcome:
    attempt: QuizAttempt
    created: bool


def quiz_attempt_submit(*, enrollment: Enrollment, token: str, data) -> AttemptOutcome:
    """Grade a submitted quiz on the server and keep the attempt.

    The same token submitted twice records one attempt (unique token under the enrollment
    row lock); the final assessment refuses attempts past the course's limit.
    """
    try:
        payload = signing.loads(token, salt=QUIZ_TOKEN_SALT, max_age=QUIZ_TOKEN_MAX_AGE)
        nonce = uuid.UUID(payload["n"])
        started_at = datetime.fromisoformat(payload["s"])
        kind, lesson_id, block_id = payload["k"], payload["l"], payload["b"]
    except (signing.BadSignature, KeyError, ValueError, TypeError) as error:
        raise LearningError(_("This form has expired. Please reload the page and try again.")) from error
    if payload.get("e") != enrollment.pk or kind not in QuizAttempt.Kind.values:
        raise LearningError(_("This form has expired. Please reload the page and try again."))

    with transaction.atomic():
        _lock(enrollment)
        existing = QuizAttempt.objects.filter(token=nonce).first()
        if existing is not None:
            return AttemptOutcome(attempt=existing, created=False)
        lesson = None
        if kind == QuizAttempt.Kind.KNOWLEDGE_CHECK:
            lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
            if lesson is None or lesson.get_parent().pk != enrollment.course_id:
                raise LearningError(_("This knowledge check no longer exists."))
        questions, pass_mark = _questions_for(enrollment=enrollment, kind=kind, lesson=lesson, block_id=block_id)
        if not questions:
            raise LearningError(_("There are no questions to answer."))
        previous = QuizAttempt.objects.filter(enrollment=enrollment, kind=kind, lesson=lesson, block_id=block_id)
        used = previous.count()
        if kind == QuizAttempt.Kind.FINAL:
            if previous.filter(passed=True).exists():
                raise LearningError(_("You have already passed the final assessment."))
            if used >= enrollment.course.max_attempts:
                raise LearningError(_("You have used all your attempts at the final assessment."))
        result: GradeResult = grade(
            questions=questions, answers=answers_from_post(data, len(questions)), pass_mark_percent=pass_mark
        )
        try:
            with transaction.atomic():
                attempt = QuizAttempt.objects.create(
                    enrollment=enrollment,
                    kind=kind,
                    lesson=lesson,
                    block_id=block_id,
                    token=nonce,
                    number=used + 1,
                    started_at=started_at,
                    score_percent=result.score_percent,
                    passed=result.passed,
                    answers=result.as_json(),
                )
        except IntegrityError:
            # A concurrent request with the same token won the race (databases without row locks).
            return AttemptOutcome(attempt=QuizAttempt.objects.get(token=nonce), created=False)
        if kind == QuizAttempt.Kind.FINAL and attempt.passed:
            enrollment_evaluate_completion(enrollment=enrollment)
    return AttemptOutcome(attempt=attempt, created=True)


# --- Affirmation and completion --------------------------------------------------------------


def affirmation_sign(*, enrollment: Enrollment) -> Enrollment:
    """The attorney affirms attendance (once every other requirement is met); the text is kept as signed."""
    from .selectors import enrollment_requirements

    with transaction.atomic():
        locked = _lock(enrollment)
        if locked.affirmation_signed_at is None:
            unmet = [req for req in enrollment_requirements(enrollment=locked) if not req.met and req.key != "affirm"]
            if unmet:
                raise LearningError(_("Finish the other requirements before signing the affirmation."))
            locked.affirmation_signed_at = timezone.now()
            locked.affirmation_text = locked.course.affirmation_text
            locked.save(update_fields=["affirmation_signed_at", "affirmation_text"])
        enrollment.affirmation_signed_at = locked.affirmation_signed_at
        enrollment.affirmation_text = locked.affirmation_text
        enrollment_evaluate_completion(enrollment=locked)
        enrollment.completed_at = locked.completed_at
    return enrollment


def law_update_take(*, enrollment: Enrollment) -> Enrollment:
    """The attorney has read what changed in the course's law: the completion counts again.

    Taking it twice, or when no update is due, changes nothing.
    """
    from accounts.audit import audit_record
    from accounts.models import AuditEvent

    with transaction.atomic():
        locked = _lock(enrollment)
        if locked.completed_at is None:
            raise LearningError(_("Complete the course first; the update is for attorneys who completed it earlier."))
        if locked.update_required:
            locked.law_update_taken_at = timezone.now()
            locked.save(update_fields=["law_update_taken_at"])
            audit_record(actor=locked.user, action=AuditEvent.Action.CHANGE, obj=locked, detail="law update taken")
        enrollment.law_update_taken_at = locked.law_update_taken_at
    return enrollment


def _queue_certificates(enrollment_id: int) -> None:
    if importlib.util.find_spec("courses.certificates.tasks") is None:
        logger.warning("Certificates task module is missing; enrollment %s completed without issue.", enrollment_id)
        return
    from courses.certificates.tasks import certificates_issue_task

    transaction.on_commit(lambda: certificates_issue_task.delay(enrollment_id))


def enrollment_evaluate_completion(*, enrollment: Enrollment) -> bool:
    """Set completed_at exactly once when every requirement is met, then queue certificates on commit.

    Returns True only for the call that completed the enrollment.
    """
    from .selectors import enrollment_requirements

    if enrollment.completed_at is not None:
        return False
    if not all(requirement.met for requirement in enrollment_requirements(enrollment=enrollment)):
        return False
    now = timezone.now()
    with transaction.atomic():
        updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(completed_at=now)
        if not updated:
            return False
        enrollment.completed_at = now
        _queue_certificates(enrollment.pk)
    return True


# --- Bar admissions --------------------------------------------------------------------------


def bar_admission_save(
    *,
    user: User,
    jurisdiction: Jurisdiction,
    bar_number: str,
    status: str,
    admitted_on,
    admission: BarAdmission | None = None,
    birth_date=None,
    roll_surname: str = "",
) -> BarAdmission:
    """Create or update one of the user's bar admissions (one per jurisdiction)."""
    if admission is not None and admission.user_id != user.pk:
        raise LearningError(_("Not found."))
    clash = BarAdmission.objects.filter(user=user, jurisdiction=jurisdiction)
    if admission is not None:
        clash = clash.exclude(pk=admission.pk)
    if clash.exists():
        raise LearningError(_("You already have an admission in that jurisdiction."))
    admission = admission or BarAdmission(user=user)
    admission.jurisdiction = jurisdiction
    admission.bar_number = bar_number.strip()
    admission.status = status
    admission.admitted_on = admitted_on
    admission.birth_date = birth_date
    admission.roll_surname = roll_surname.strip()
    try:
        with transaction.atomic():
            admission.save()
    except IntegrityError as error:
        raise LearningError(_("You already have an admission in that jurisdiction.")) from error
    return admission


def bar_admission_delete(*, user: User, admission: BarAdmission) -> None:
    if admission.user_id != user.pk:
        raise LearningError(_("Not found."))
    admission.delete()
