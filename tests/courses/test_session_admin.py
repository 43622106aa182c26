"""Editors schedule live sessions on the course's Live sessions tab, and answer questions to the faculty."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from accounts.models import User
from courses import questions, sessions
from courses.models import CoursePage, CourseSession, FacultyQuestion
from tests.conftest import login_client
from tests.factories import CourseSessionFactory, EnrollmentFactory, totp_enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(email="cms-admin@example.org", password="x" * 20, full_name="CMS Admin")
    totp_enrol(admin)
    client.force_login(admin)
    return client


def _edit_data(admin_client, course):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Live sessions" in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data["final_assessment-count"] = "0"
    data["action-publish"] = "action-publish"
    return data


SESSION = {
    "sessions-0-format": "webinar",
    "sessions-0-capacity": "30",
    "sessions-0-date": "2030-03-12",
    "sessions-0-start_time": "14:00",
    "sessions-0-end_time": "15:30",
    "sessions-0-time_zone": "America/Chicago",
    "sessions-0-location": "",
    "sessions-0-join_url": "https://meet.example/pba",
    "sessions-0-attendance_code": "HERON12",
    "sessions-0-ORDER": "1",
    "sessions-0-DELETE": "",
    "sessions-0-id": "",
}


def test_editor_schedules_a_webinar_on_the_live_sessions_tab(admin_client, course, lessons):
    data = _edit_data(admin_client, course)
    data["sessions-TOTAL_FORMS"] = "1"
    data.update(SESSION)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:2000]
    session = CourseSession.objects.get(course=course)
    assert session.starts_at == datetime.datetime(2030, 3, 12, 14, tzinfo=session.zone)
    assert session.attendance_code == "HERON12"


def test_a_webinar_without_a_link_or_with_an_unknown_zone_is_refused_with_a_form_error(admin_client, course, lessons):
    data = _edit_data(admin_client, course)
    data["sessions-TOTAL_FORMS"] = "1"
    data.update({**SESSION, "sessions-0-join_url": "", "sessions-0-time_zone": "Chicago"})
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), dict(data.lists()))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the link attendees use to join the webinar." in html
    assert "is not a time zone name" in html
    assert not CourseSession.objects.exists()


def test_a_session_with_registrations_cannot_be_deleted(admin_client, course, lessons, volunteer):
    session = CourseSessionFactory(course=course)
    course = CoursePage.objects.get(pk=course.pk)
    course.save_revision().publish()
    sessions.session_register(user=volunteer, session=session, now=datetime.datetime(2030, 3, 1, tzinfo=session.zone))
    data = _edit_data(admin_client, course)
    assert data["sessions-0-id"] == str(session.pk)
    data["sessions-0-DELETE"] = "1"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), dict(data.lists()))
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert CourseSession.objects.filter(pk=session.pk).exists()


def test_attorney_asks_the_faculty_from_a_lesson_and_sees_the_answer(admin_client, volunteer, course, lessons):
    EnrollmentFactory(user=volunteer, course=course)
    attorney = login_client(volunteer)
    lesson_html = attorney.get(lessons[0].url).content.decode()
    assert "do not include client names" in lesson_html
    response = attorney.post(
        reverse("courses:lesson_question", args=[lessons[0].pk]),
        {"question": "Does a particular social group need social distinction?"},
        follow=True,
    )
    assert "Question sent to the faculty" in response.content.decode()
    question = FacultyQuestion.objects.get()
    assert "Waiting for an answer" in attorney.get(lessons[0].url).content.decode()

    edit = reverse("wagtailsnippets_courses_facultyquestion:edit", args=[question.pk])
    form = querydict_from_html(admin_client.get(edit).content.decode(), form_id="w-editor-form")
    form["answer"] = "Yes: Matter of M-E-V-G- requires particularity and social distinction."
    assert admin_client.post(edit, dict(form.lists())).status_code == 302
    question.refresh_from_db()
    assert question.answered_at is not None and question.answered_by.email == "cms-admin@example.org"
    assert question.question.startswith("Does a particular")  # read-only in the admin
    assert "Matter of M-E-V-G-" in attorney.get(lessons[0].url).content.decode()


def test_an_empty_or_overlong_question_gets_a_clear_message(volunteer, course, lessons):
    enrollment = EnrollmentFactory(user=volunteer, course=course)
    with pytest.raises(questions.LearningError, match="Write your question"):
        questions.faculty_question_ask(enrollment=enrollment, lesson=lessons[0], text="  ")
    response = login_client(volunteer).post(
        reverse("courses:lesson_question", args=[lessons[0].pk]), {"question": "x" * 2001}, follow=True
    )
    assert response.status_code == 200
    assert not FacultyQuestion.objects.exists()


def test_questions_are_not_created_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_courses_facultyquestion:add"))
    assert response.status_code == 302
