import io
import math

import pytest

from courses import demo
from courses.models import AttendanceCheckpoint, BarAdmission, CoursePage, Enrollment, LessonPage, QuizAttempt
from courses.selectors import course_cle_warnings, enrollment_requirements
from home.services import demo_people_ensure

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    from django.apps import apps

    return {model.__name__: model.objects.count() for model in apps.get_app_config("courses").get_models()}


def test_demo_track_is_complete_accredited_and_idempotent():
    people = demo_people_ensure()
    demo.seed(people=people, stdout=io.StringIO())
    first = counts()
    demo.seed(people=people, stdout=io.StringIO())
    assert counts() == first

    courses = list(CoursePage.objects.live())
    assert {course.slug for course in courses} == {
        "gender-based-asylum",
        "u-visa",
        "t-visa",
        "vawa-self-petitions",
        "sijs",
        "trauma-informed-interviewing",
        "working-with-interpreters",
    }
    for course in courses:
        lessons = list(course.lessons())
        assert 2 <= len(lessons) <= 4
        assert course.has_final_assessment()
        assert {acc.jurisdiction.code for acc in course.accreditations.all()} == {"IL", "NY", "CA"}
        assert all(acc.total_hours() > 0 for acc in course.accreditations.all())
        assert course_cle_warnings(course=course) == [], course.slug
        ny = course.accreditations.get(jurisdiction__code="NY", format="on_demand").jurisdiction
        codes = AttendanceCheckpoint.objects.filter(lesson__in=lessons).count()
        assert codes >= math.ceil(course.estimated_minutes / ny.attendance_code_interval_minutes)
        for lesson in lessons:
            text = " ".join(str(block.value) for block in lesson.body if block.block_type == "text")
            assert text.count("<p>") >= 2 and len(text) > 1200, lesson.title

    # Live attendees complete by the session, not by the on-demand rules (see the test below).
    completed = Enrollment.objects.filter(completed_at__isnull=False).exclude(
        session_registrations__completed_course=True
    )
    assert completed.count() == sum(1 for *_rest, stage in demo.HISTORIES if stage == "complete")
    for enrollment in completed:
        assert all(req.met for req in enrollment_requirements(enrollment=enrollment))
        assert enrollment.affirmation_signed_at is not None
    assert Enrollment.objects.filter(completed_at__isnull=True).exists()
    assert QuizAttempt.objects.filter(kind=QuizAttempt.Kind.FINAL, passed=False).exists()
    assert BarAdmission.objects.filter(user=people["att_garcia"]).exists()
    assert LessonPage.objects.live().count() >= 14


def test_demo_has_an_upcoming_webinar_and_a_past_in_person_session_with_a_live_certificate(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    from django.utils import timezone

    from courses.certificates.models import Certificate
    from courses.models import CourseSession, FacultyQuestion, SessionRegistration

    settings.PRIVATE_STORAGE_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": tmp_path}}}  # fmt: skip
    people = demo_people_ensure()
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(people=people, stdout=io.StringIO())
    sessions = {session.format: session for session in CourseSession.objects.all()}
    assert sessions["webinar"].starts_at > timezone.now() > sessions["in_person"].ends_at
    attended = SessionRegistration.objects.get(session=sessions["in_person"])
    assert attended.attended_minutes == 88 and attended.completed_course
    certificate = Certificate.objects.get(user=attended.user, course=sessions["in_person"].course)
    assert certificate.snapshot["session"]["format_label"] == "Live, in person"
    assert certificate.snapshot["course"]["format"] == "live"
    assert SessionRegistration.objects.filter(session=sessions["webinar"], user=people["att_garcia"]).exists()
    assert FacultyQuestion.objects.filter(answered_at__isnull=False).exists()
