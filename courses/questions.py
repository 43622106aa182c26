"""Questions attorneys ask the course faculty from a lesson, and the faculty's answers.

Illinois asks every delivery method, on-demand included, to have interactivity as a key
component, "including the opportunity for participants to ask questions and have them
answered by the course faculty or other qualified commentators" (Ill. S. Ct. R. 795(a)(7)).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .models import FACULTY_QUESTION_MAX_LENGTH, Enrollment, FacultyQuestion, LessonPage
from .services import LearningError

OPEN_QUESTIONS_PER_ENROLLMENT = 20


def faculty_question_ask(*, enrollment: Enrollment, lesson: LessonPage, text: str) -> FacultyQuestion:
    """Keep the attorney's question for the faculty (a few open questions at most per course)."""
    text = (text or "").strip()
    if not text:
        raise LearningError(_("Write your question first."))
    if len(text) > FACULTY_QUESTION_MAX_LENGTH:
        raise LearningError(
            _("Keep your question under %(limit)s characters.") % {"limit": FACULTY_QUESTION_MAX_LENGTH}
        )
    if lesson.get_parent().pk != enrollment.course_id:
        raise LearningError(_("This lesson belongs to another course."))
    with transaction.atomic():
        Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        unanswered = FacultyQuestion.objects.filter(enrollment=enrollment, answered_at__isnull=True).count()
        if unanswered >= OPEN_QUESTIONS_PER_ENROLLMENT:
            raise LearningError(_("You have many questions waiting for an answer. Please wait for the faculty."))
        return FacultyQuestion.objects.create(enrollment=enrollment, lesson=lesson, question=text)


def faculty_question_answered(*, question: FacultyQuestion, by: User) -> FacultyQuestion:
    """Note who answered and when, after an editor saved an answer in the admin (first answer's time kept)."""
    if question.answer.strip() and question.answered_at is None:
        FacultyQuestion.objects.filter(pk=question.pk, answered_at__isnull=True).update(
            answered_at=timezone.now(), answered_by=by
        )
        question.refresh_from_db()
    return question


def faculty_questions_for(*, enrollment: Enrollment, lesson: LessonPage) -> QuerySet[FacultyQuestion]:
    return FacultyQuestion.objects.filter(enrollment=enrollment, lesson=lesson).order_by("asked_at")
