"""The lesson page's heartbeat script in a real browser: time counted by the server, codes revealed and entered."""

import pytest

from courses.models import AttendanceCheckpoint, AttendanceCodeEntry, LessonProgress
from tests.factories import CoursePageFactory, EnrollmentFactory, LessonPageFactory, VolunteerFactory, catalog_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_heartbeat_reveals_the_due_code_and_the_learner_enters_it(page, sign_in):
    course = CoursePageFactory(parent=catalog_page(), title="Browser course", slug="browser-course")
    lesson = LessonPageFactory(parent=course, title="Browser lesson", slug="browser-lesson")
    AttendanceCheckpoint.objects.create(lesson=lesson, code="HERON55", offset_minutes=0)
    user = VolunteerFactory()
    enrollment = EnrollmentFactory(user=user, course=course)
    sign_in(user)

    page.goto(lesson.url)
    code = page.locator("[data-code-list] [data-code]")
    code.wait_for(timeout=10000)
    assert code.inner_text() == "HERON55"
    assert LessonProgress.objects.get(enrollment=enrollment, lesson=lesson).heartbeats >= 1

    page.fill("[data-code-list] input[name=code]", code.inner_text())
    page.click("[data-code-list] button[type=submit]")
    page.wait_for_selector("text=Attendance code accepted.")
    entry = AttendanceCodeEntry.objects.get(enrollment=enrollment)
    assert entry.correct and entry.entered_value == "HERON55"
