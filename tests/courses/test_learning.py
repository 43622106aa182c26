import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import AttendanceCheckpoint, AttendanceCodeEntry, BarAdmission, Enrollment, LessonProgress
from courses.selectors import completed_course_ids, dashboard_sections_for
from tests.factories import (
    BarAdmissionFactory,
    CourseAccreditationFactory,
    CoursePageFactory,
    CreditCategoryFactory,
    EnrollmentFactory,
    JurisdictionFactory,
    LessonPageFactory,
    VolunteerFactory,
    text_block,
)

pytestmark = pytest.mark.django_db


def test_heartbeats_credit_server_time_capped_and_ignore_client_claims(client_for, enrollment, lessons):
    client = client_for(enrollment.user)
    url = reverse("courses:heartbeat", args=[lessons[0].pk])
    assert client.post(url, {"engaged_seconds": 9999}).status_code == 200
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0])
    assert progress.engaged_seconds == 0  # the first beat only starts the clock

    start = timezone.now()
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start)
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start + timedelta(seconds=30))
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start + timedelta(seconds=30 + 80))
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start + timedelta(seconds=30 + 80 + 600))
    progress.refresh_from_db()
    # 30 s, then a late beat capped at 45 s, then nothing for a ten-minute absence.
    assert progress.engaged_seconds == 30 + 45
    assert progress.heartbeats == 5


def test_two_tabs_do_not_double_engaged_time(enrollment, lessons):
    start = timezone.now()
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start)
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[1], now=start + timedelta(seconds=1))
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[0], now=start + timedelta(seconds=30))
    services.lesson_heartbeat(enrollment=enrollment, lesson=lessons[1], now=start + timedelta(seconds=31))
    total = sum(LessonProgress.objects.filter(enrollment=enrollment).values_list("engaged_seconds", flat=True))
    assert total == 31


def test_attendance_code_is_absent_from_the_page_until_its_time_is_earned(client_for, enrollment, lessons):
    lesson = lessons[0]
    AttendanceCheckpoint.objects.create(lesson=lesson, code="KESTREL42", offset_minutes=1)
    client = client_for(enrollment.user)
    assert "KESTREL42" not in client.get(lesson.url).content.decode()
    beat = reverse("courses:heartbeat", args=[lesson.pk])
    assert client.post(beat).json()["codes"] == []

    start = timezone.now()
    services.lesson_heartbeat(enrollment=enrollment, lesson=lesson, now=start)
    services.lesson_heartbeat(enrollment=enrollment, lesson=lesson, now=start + timedelta(seconds=30))
    result = services.lesson_heartbeat(enrollment=enrollment, lesson=lesson, now=start + timedelta(seconds=60))
    assert [entry.expected_code for entry in result.revealed] == ["KESTREL42"]
    entry = AttendanceCodeEntry.objects.get(enrollment=enrollment)
    assert entry.revealed_at is not None

    response = client.post(
        reverse("courses:attendance_code", args=[lesson.pk]), {"entry": entry.pk, "code": "kestrel42"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.correct and entry.entered_at is not None


def test_unrevealed_code_cannot_be_entered(client_for, enrollment, lessons):
    AttendanceCheckpoint.objects.create(lesson=lessons[0], code="OWL", offset_minutes=30)
    services.lesson_visit(enrollment=enrollment, lesson=lessons[0])
    entry = AttendanceCodeEntry.objects.get(enrollment=enrollment)
    with pytest.raises(services.LearningError):
        services.attendance_code_enter(enrollment=enrollment, entry_id=entry.pk, value="OWL")
    entry.refresh_from_db()
    assert not entry.correct


def test_random_attendance_points_fall_inside_the_lesson(enrollment, lessons):
    AttendanceCheckpoint.objects.create(lesson=lessons[0], code="A1")
    services.lesson_visit(enrollment=enrollment, lesson=lessons[0])
    entry = AttendanceCodeEntry.objects.get(enrollment=enrollment)
    assert 60 <= entry.reveal_after_seconds <= 60 + max(lessons[0].estimated_minutes * 60 - 60, 120)


def test_lesson_requires_enrolment_and_records_the_resume_point(client_for, volunteer, course, lessons):
    client = client_for(volunteer)
    response = client.get(lessons[1].url)
    assert response.status_code == 302 and response["Location"] == course.url
    assert Client().get(lessons[1].url).status_code == 302

    assert client.post(reverse("courses:enroll", args=[course.pk])).status_code == 302
    enrollment = Enrollment.objects.get(user=volunteer, course=course)
    assert client.get(lessons[1].url).status_code == 200
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == lessons[1].pk
    response = client.get(reverse("courses:resume", args=[course.pk]))
    assert response["Location"] == lessons[1].url
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[1])
    assert progress.started_at is not None and progress.completed_at is None


def test_mark_complete_through_the_page_and_progress_bar(client_for, enrollment, lessons, course):
    client = client_for(enrollment.user)
    client.post(reverse("courses:lesson_complete", args=[lessons[0].pk]))
    html = client.get(course.url).content.decode()
    assert '<progress id="course-progress" max="100" value="50">' in html


def test_prerequisites_must_be_completed_before_enrolling(volunteer, course, lessons, catalog):
    advanced = CoursePageFactory(parent=catalog, title="Advanced", slug="advanced")
    advanced.prerequisites.set([course])
    advanced.save_revision().publish()
    advanced.refresh_from_db()
    with pytest.raises(services.LearningError):
        services.enrollment_create(user=volunteer, course=advanced)
    enrollment = services.enrollment_create(user=volunteer, course=course)
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    assert services.enrollment_create(user=volunteer, course=advanced).course_id == advanced.pk


def test_lesson_action_in_someone_elses_course_is_404(client_for, user, lessons):
    client = client_for(user)
    assert client.post(reverse("courses:lesson_complete", args=[lessons[0].pk])).status_code == 404
    assert client.post(reverse("courses:heartbeat", args=[lessons[0].pk])).status_code == 404


def test_catalog_filters_by_relief_jurisdiction_category_language_and_text(client, catalog, course, lessons):
    ny = JurisdictionFactory(code="NY")
    ethics = CreditCategoryFactory(jurisdiction=ny, code="ethics", name="Ethics and Professionalism")
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills")
    CourseAccreditationFactory(
        course=course,
        jurisdiction=ny,
        credit_hours=[{"type": "credit", "value": {"category": str(skills.pk), "hours": "1.5"}}],
    )
    u_visa = CoursePageFactory(
        parent=catalog,
        title="U visa basics",
        slug="u-visa",
        relief_types=["u_visa"],
        language="es",
        summary="Certification under Form I-918 Supplement B.",
    )
    LessonPageFactory(parent=u_visa, body=[text_block("<p>The substantial physical or mental abuse standard.</p>")])

    def titles(**params):
        response = client.get(catalog.url, params)
        assert response.status_code == 200
        return {row["course"].title for row in response.context["courses"]}

    assert titles() == {"Gender-based asylum", "U visa basics"}
    assert titles(relief="u_visa") == {"U visa basics"}
    assert titles(language="es") == {"U visa basics"}
    assert titles(jurisdiction="NY") == {"Gender-based asylum"}
    assert titles(category=str(skills.pk)) == {"Gender-based asylum"}
    assert titles(category=str(ethics.pk)) == set()
    assert titles(q="substantial physical") == {"U visa basics"}  # lesson text
    assert titles(q="Supplement B") == {"U visa basics"}  # course summary
    # Search syntax is read as plain words, never handed to the full-text engine.
    assert titles(q='"Supplement B') == {"U visa basics"}
    assert titles(q='"') == set()
    assert titles(relief="nonsense", language="xx", category="abc") == {"Gender-based asylum", "U visa basics"}


def test_catalog_route_redirects_to_the_live_catalog_keeping_filters(client, catalog):
    response = client.get(reverse("courses:catalog"), {"relief": "asylum"})
    assert response.status_code == 302
    assert response["Location"] == f"{catalog.url}?relief=asylum"


def test_credits_round_down_to_the_jurisdiction_increment():
    ny = JurisdictionFactory.build(code="NY")
    ca = JurisdictionFactory.build(code="CA")
    assert ny.credits_for_minutes(24) == 0
    assert ny.credits_for_minutes(75) == Decimal("1.50")
    assert ny.credits_for_minutes(74) == Decimal("1.00")
    assert ca.credits_for_minutes(75) == Decimal("1.25")
    assert ca.credits_for_minutes(59) == Decimal("0.75")


def test_accreditation_credit_lines_follow_category_order(course):
    ny = JurisdictionFactory(code="NY")
    ethics = CreditCategoryFactory(jurisdiction=ny, code="ethics", name="Ethics", sort_order=0)
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills", sort_order=1)
    accreditation = CourseAccreditationFactory(
        course=course,
        jurisdiction=ny,
        credit_hours=[
            {"type": "credit", "value": {"category": str(skills.pk), "hours": "1.0"}},
            {"type": "credit", "value": {"category": str(ethics.pk), "hours": "0.5"}},
        ],
    )
    assert accreditation.credit_lines() == [(ethics, Decimal("0.5")), (skills, Decimal("1.0"))]
    assert accreditation.total_hours() == Decimal("1.5")


def test_bar_admission_profile_add_edit_and_others_get_404(client_for, volunteer, user):
    ny = JurisdictionFactory(code="NY")
    client = client_for(volunteer)
    url = reverse("courses:bar_admissions")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"jurisdiction": ny.pk, "bar_number": "5123456", "status": "active", "admitted_on": "2025-01-15"}
    )
    assert response.status_code == 302
    admission = BarAdmission.objects.get(user=volunteer)
    assert admission.is_newly_admitted is (admission.admitted_on > timezone.localdate() - timedelta(days=730))

    duplicate = client.post(
        url, {"jurisdiction": ny.pk, "bar_number": "999", "status": "active", "admitted_on": "2020-01-15"}
    )
    assert duplicate.status_code == 200 and "already have an admission" in duplicate.content.decode()
    bad = client.post(url, {"jurisdiction": ny.pk, "bar_number": "1", "status": "active", "admitted_on": "not a date"})
    assert bad.status_code == 200 and BarAdmission.objects.count() == 1

    assert client_for(user).get(reverse("courses:bar_admission_edit", args=[admission.pk])).status_code == 404
    assert client_for(user).post(reverse("courses:bar_admission_delete", args=[admission.pk])).status_code == 404
    edit = client.post(
        reverse("courses:bar_admission_edit", args=[admission.pk]),
        {"jurisdiction": ny.pk, "bar_number": "5123457", "status": "retired", "admitted_on": "2010-01-15"},
    )
    assert edit.status_code == 302
    admission.refresh_from_db()
    assert admission.bar_number == "5123457" and not admission.is_newly_admitted


def test_is_newly_admitted_uses_two_years():
    recent = BarAdmissionFactory.build(admitted_on=timezone.localdate() - timedelta(days=300))
    old = BarAdmissionFactory.build(admitted_on=datetime.date(2001, 1, 1))
    assert recent.is_newly_admitted and not old.is_newly_admitted


def test_completed_course_ids_and_dashboard_sections(rf, volunteer, mentor, enrollment, lessons, course):
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    other = EnrollmentFactory(course=course)
    assert completed_course_ids(user_ids=[volunteer.pk, other.user_id]) == {
        volunteer.pk: {course.pk},
        other.user_id: set(),
    }
    request = rf.get("/dashboard/")
    request.user = volunteer
    [(template, context)] = dashboard_sections_for(request=request)
    assert template == "courses/dashboard_section.html"
    assert context["progress_rows"][0].percent == 100
    request.user = mentor
    assert dashboard_sections_for(request=request) == []


def test_dashboard_page_shows_my_courses(client_for, enrollment):
    html = client_for(enrollment.user).get(reverse("dashboard")).content.decode()
    assert "My courses" in html and enrollment.course.title in html


def test_editors_see_where_a_course_falls_short_of_new_york_rules(client_for, course, lessons, catalog):
    from courses.selectors import course_cle_warnings
    from tests.factories import EditorFactory

    ny = JurisdictionFactory(code="NY")
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills")
    CourseAccreditationFactory(
        course=course,
        jurisdiction=ny,
        credit_hours=[{"type": "credit", "value": {"category": str(skills.pk), "hours": "1.5"}}],
    )
    warnings = course_cle_warnings(course=course)
    assert any("attendance codes" in warning for warning in warnings)
    assert any("affirmation" in warning for warning in warnings)
    assert any("engaged minutes" in warning for warning in warnings)
    # 60 minutes earn 1.0 credit at 50 minutes per credit in half-credit steps, not 1.5.
    assert any("exceed the 1.00" in warning for warning in warnings)

    editor_html = client_for(EditorFactory()).get(course.url).content.decode()
    assert "CLE rules this course does not yet meet" in editor_html
    learner_html = client_for(VolunteerFactory()).get(course.url).content.decode()
    assert "CLE rules this course does not yet meet" not in learner_html
