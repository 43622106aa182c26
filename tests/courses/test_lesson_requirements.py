"""A lesson is done only when it meets what the course requires, and progress means the requirements."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import AttendanceCheckpoint, LessonProgress
from courses.selectors import enrollment_progress, lesson_requirements

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed_course(course, lessons):
    """40 engaged minutes over two 20-minute lessons, and attendance codes required."""
    course.minimum_engaged_minutes = 40
    course.require_attendance_codes = True
    course.save_revision().publish()
    AttendanceCheckpoint.objects.create(lesson=lessons[0], code="HERON12", offset_minutes=5)
    course.refresh_from_db()
    return course


def beat(enrollment, lesson, *, minutes: int, start=None):
    """Heartbeats every 30 s for `minutes` minutes of engaged time."""
    start = start or timezone.now()
    for step in range(minutes * 2 + 1):
        result = services.lesson_heartbeat(
            enrollment=enrollment, lesson=lesson, now=start + timedelta(seconds=30 * step)
        )
    return result


def test_mark_complete_at_zero_minutes_is_refused_with_what_is_missing(client_for, enrollment, lessons, timed_course):
    client = client_for(enrollment.user)
    client.get(lessons[0].url)
    response = client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))

    assert response.status_code == 302 and response["Location"] == lessons[0].url
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0])
    assert progress.completed_at is None
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "20 minutes" in message and "0 minutes so far" in message
    assert "attendance code" in message
    html = client.get(lessons[0].url).content.decode()
    assert "Lesson complete" not in html
    assert "Mark this lesson complete" in html


def test_lesson_completes_once_its_time_share_and_codes_are_met(enrollment, lessons, timed_course):
    with pytest.raises(services.LearningError):
        services.lesson_complete(enrollment=enrollment, lesson=lessons[0])

    result = beat(enrollment, lessons[0], minutes=20)
    # Time is met, the code was revealed but is not entered yet.
    assert [req.key for req in lesson_requirements(enrollment=enrollment, lesson=lessons[0]) if not req.met] == [
        "codes"
    ]
    with pytest.raises(services.LearningError, match="attendance code"):
        services.lesson_complete(enrollment=enrollment, lesson=lessons[0])

    services.attendance_code_enter(enrollment=enrollment, entry_id=result.revealed[0].pk, value="HERON12")
    progress = services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    assert progress.completed_at is not None


def test_a_lesson_without_time_or_code_rules_completes_at_once(enrollment, lessons):
    assert lesson_requirements(enrollment=enrollment, lesson=lessons[0]) == []
    assert services.lesson_complete(enrollment=enrollment, lesson=lessons[0]).completed_at is not None


def test_every_lesson_done_but_requirements_unmet_is_not_100_percent(client_for, enrollment, lessons, course):
    course.require_affirmation = True
    course.save_revision().publish()
    enrollment.refresh_from_db()
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    progress = enrollment_progress(enrollment=enrollment)
    assert progress.lessons_done == progress.lessons_total == 2
    assert progress.percent < 100
    # Resume leads to the course page, which says what is left, not back into a finished lesson.
    client = client_for(enrollment.user)
    assert client.get(reverse("courses:resume", args=[course.pk]))["Location"] == course.url
    html = client.get(reverse("dashboard")).content.decode()
    assert "100%" not in html

    services.affirmation_sign(enrollment=enrollment)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment_progress(enrollment=enrollment).percent == 100
