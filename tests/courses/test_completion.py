from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from courses import services
from courses.models import AttendanceCheckpoint, Enrollment, LessonProgress
from courses.selectors import enrollment_requirements
from tests.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue_task():
    with mock.patch("courses.certificates.tasks.certificates_issue_task") as task:
        yield task


def complete_lessons(enrollment, lessons):
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)


def test_all_lessons_rule_completes_on_the_last_lesson_and_queues_certificates_once(
    enrollment, lessons, issue_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    issue_task.delay.assert_not_called()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.lesson_complete(enrollment=enrollment, lesson=lessons[1])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert len(callbacks) == 1
    issue_task.delay.assert_called_once_with(enrollment.pk)

    first_completed_at = enrollment.completed_at
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.lesson_complete(enrollment=enrollment, lesson=lessons[1])
        assert services.enrollment_evaluate_completion(enrollment=Enrollment.objects.get(pk=enrollment.pk)) is False
    enrollment.refresh_from_db()
    assert enrollment.completed_at == first_completed_at
    assert callbacks == []
    issue_task.delay.assert_called_once()


def test_completion_is_not_reached_with_no_published_lessons(course, volunteer, issue_task):
    enrollment = EnrollmentFactory(user=volunteer, course=course)
    assert services.enrollment_evaluate_completion(enrollment=enrollment) is False


def test_minimum_engaged_time_rule_counts_only_server_measured_time(enrollment, lessons, course, issue_task):
    course.minimum_engaged_minutes = 1
    course.save_revision().publish()
    enrollment.refresh_from_db()
    # A lesson cannot be marked complete before its share of the minute (30 s each) is earned.
    with pytest.raises(services.LearningError):
        services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    time_req = next(req for req in enrollment_requirements(enrollment=enrollment) if req.key == "time")
    assert not time_req.met

    start = timezone.now()
    for seconds in (0, 30):
        services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start + timedelta(seconds=seconds))
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    for seconds in (31, 61):
        services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[1], now=start + timedelta(seconds=seconds))
    enrollment.refresh_from_db()
    assert LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0]).engaged_seconds == 30
    # Time alone does not re-run completion; the next event (a lesson completion) does.
    services.lesson_complete(enrollment=enrollment, lesson=lessons[1])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_attendance_code_rule_needs_every_code_entered_correctly(enrollment, lessons, course, issue_task):
    course.require_attendance_codes = True
    course.save_revision().publish()
    enrollment.refresh_from_db()
    checkpoint = AttendanceCheckpoint.objects.create(lesson=lessons[0], code="RIVER7", offset_minutes=0)
    complete_lessons(enrollment, lessons[1:])
    with pytest.raises(services.LearningError):
        services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    result = services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0])
    entry = result.revealed[0]
    assert entry.checkpoint_id == checkpoint.pk
    wrong = services.attendance_code_enter(enrollment=enrollment, entry_id=entry.pk, value="RIVER8")
    assert wrong.correct is False
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    right = services.attendance_code_enter(enrollment=enrollment, entry_id=entry.pk, value=" river7 ")
    assert right.correct is True and right.tries == 2
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_final_assessment_rule_completes_when_passed(final_course, lessons, volunteer, issue_task):
    from courses.models import QuizAttempt
    from tests.courses.test_quizzes import post_data

    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    complete_lessons(enrollment, lessons)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    services.quiz_attempt_submit(enrollment=enrollment, token=token, data=post_data({0: [0], 1: [0], 2: [0], 3: [0]}))
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    outcome = services.quiz_attempt_submit(
        enrollment=enrollment, token=token, data=post_data({0: [1], 1: [1], 2: [0, 1], 3: [2]})
    )
    assert outcome.attempt.passed and outcome.attempt.score_percent == 75
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_affirmation_rule_is_signed_last_and_keeps_the_text(enrollment, lessons, course, issue_task):
    course.require_affirmation = True
    course.affirmation_text = "I attended every minute."
    course.save_revision().publish()
    enrollment.refresh_from_db()

    with pytest.raises(services.LearningError):
        services.affirmation_sign(enrollment=enrollment)
    complete_lessons(enrollment, lessons)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    services.affirmation_sign(enrollment=enrollment)
    enrollment.refresh_from_db()
    assert enrollment.affirmation_signed_at is not None
    assert enrollment.affirmation_text == "I attended every minute."
    assert enrollment.completed_at is not None


def test_lesson_progress_survives_a_new_revision_of_the_lesson(enrollment, lessons):
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    lesson = lessons[0]
    lesson.title = "Particular social group (revised)"
    lesson.save_revision().publish()
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson_id=lesson.pk)
    assert progress.completed_at is not None
    req = next(req for req in enrollment_requirements(enrollment=enrollment) if req.key == "lessons")
    assert req.detail.startswith("1 of 2")


def test_affirmation_form_appears_only_when_everything_else_is_done(
    client_for, enrollment, lessons, course, issue_task
):
    course.require_affirmation = True
    course.save_revision().publish()
    client = client_for(enrollment.user)
    assert 'id="affirmation"' not in client.get(course.url).content.decode()
    complete_lessons(enrollment, lessons)
    assert 'id="affirmation"' in client.get(course.url).content.decode()
