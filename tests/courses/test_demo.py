import io
import math
from decimal import Decimal

import pytest
from django.utils.html import strip_tags

from courses import demo
from courses.models import (
    AttendanceCheckpoint,
    BarAdmission,
    CoursePage,
    Enrollment,
    Jurisdiction,
    LessonPage,
    QuizAttempt,
)
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
        "autopeticiones-vawa",
    }
    spanish = CoursePage.objects.get(slug="autopeticiones-vawa")
    assert spanish.language == "es"
    assert spanish.translation_of.slug == "vawa-self-petitions"
    assert [len(lesson.attendance_codes.all()) for lesson in spanish.lessons()] == [
        len(lesson.attendance_codes.all()) for lesson in spanish.translation_of.specific.lessons()
    ]
    for course in courses:
        lessons = list(course.lessons())
        assert 2 <= len(lessons) <= 4
        assert course.has_final_assessment()
        # Minutes fit the content, and credit is claimed only where those minutes earn it.
        assert (
            course.estimated_minutes
            == course.minimum_engaged_minutes
            == sum(lesson.estimated_minutes for lesson in lessons)
        )
        # On-demand credit follows the minutes; a live session's accreditation follows its own length.
        accredited = {acc.jurisdiction.code: acc for acc in course.accreditations.filter(format="on_demand")}
        for jurisdiction in Jurisdiction.objects.all():
            earned = jurisdiction.credits_for_minutes(course.estimated_minutes)
            if earned:
                assert accredited[jurisdiction.code].total_hours() == earned, (course.slug, jurisdiction.code)
            else:
                assert jurisdiction.code not in accredited, (course.slug, jurisdiction.code)
        assert course_cle_warnings(course=course) == [], course.slug
        ny = Jurisdiction.objects.get(code="NY")
        codes = AttendanceCheckpoint.objects.filter(lesson__in=lessons).count()
        assert codes >= math.ceil(course.estimated_minutes / ny.attendance_code_interval_minutes)
        for lesson in lessons:
            # No more minutes than the lesson holds: its words at 100 a minute, two minutes a question.
            words = sum(
                len(strip_tags(str(block.value)).split()) for block in lesson.body if block.block_type == "text"
            ) + sum(
                len(strip_tags(f"{block.value['heading']} {block.value['text']}").split())
                for block in lesson.body
                if block.block_type == "callout"
            )
            questions = sum(
                len(block.value["questions"]) for block in lesson.body if block.block_type == "knowledge_check"
            )
            assert lesson.estimated_minutes <= math.ceil(words / 100 + 2 * questions) + 2, lesson.slug
            assert all(
                checkpoint.offset_minutes is None or checkpoint.offset_minutes < lesson.estimated_minutes
                for checkpoint in lesson.attendance_codes.all()
            ), lesson.slug
        for lesson in lessons:
            text = " ".join(str(block.value) for block in lesson.body if block.block_type == "text")
            assert text.count("<p>") >= 2 and len(text) > 1200, lesson.title

    # Live attendees complete by the session, not by the on-demand rules (see the test below).
    completed = Enrollment.objects.filter(completed_at__isnull=False).exclude(
        session_registrations__completed_course=True
    )
    assert completed.count() == sum(1 for *_rest, stage in demo.HISTORIES if stage in demo.COMPLETE_STAGES)
    for enrollment in completed:
        assert all(req.met for req in enrollment_requirements(enrollment=enrollment))
        assert enrollment.affirmation_signed_at is not None
    assert Enrollment.objects.filter(completed_at__isnull=True).exists()
    assert QuizAttempt.objects.filter(kind=QuizAttempt.Kind.FINAL, passed=False).exists()
    assert BarAdmission.objects.filter(user=people["att_garcia"]).exists()
    assert LessonPage.objects.live().count() >= 14


def test_the_demo_asylum_course_marks_its_law_changed_and_one_attorney_learned_it_before(client):
    """The asylum course's law changed with Matter of K-E-S-G- (BIA, July 18, 2025); Novak completed
    it two months earlier, on the clock, so her certificates say so and she sees "update required"."""
    from courses.certificates import demo as certificates_demo
    from courses.certificates.models import Certificate

    people = demo_people_ensure()
    demo.seed(people=people, stdout=io.StringIO())
    certificates_demo.seed(people=people, stdout=io.StringIO())
    course = CoursePage.objects.get(slug="gender-based-asylum")
    assert str(course.law_changed_on) == "2025-07-18"
    assert "K-E-S-G-" in course.law_change_summary

    novak = Enrollment.objects.get(user=people["att_novak"], course=course)
    assert novak.completed_at.date() < course.law_changed_on
    assert novak.update_required
    certificates = Certificate.objects.filter(enrollment=novak)
    assert certificates.exists()
    assert all(certificate.completed_on < course.law_changed_on for certificate in certificates)
    garcia = Enrollment.objects.get(user=people["att_garcia"], course=course)
    assert not garcia.update_required

    client.force_login(people["att_novak"])
    assert "Update required" in client.get("/learn/").content.decode()


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
    # 88 minutes of a 90-minute session: 1.5 New York credits (50-minute hours, halves, rounded down).
    assert Decimal(certificate.credit_total) > 0
    assert SessionRegistration.objects.filter(session=sessions["webinar"], user=people["att_garcia"]).exists()
    assert FacultyQuestion.objects.filter(answered_at__isnull=False).exists()
