"""The lesson page's heartbeat script in a real browser: time counted by the server, codes revealed and entered."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from courses.models import AttendanceCheckpoint, AttendanceCodeEntry, LessonProgress
from tests.browser.conftest import browser, page  # noqa: F401 (fixtures)
from tests.factories import CoursePageFactory, EnrollmentFactory, LessonPageFactory, VolunteerFactory, catalog_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(page, live_server, user):  # noqa: F811
    """A session cookie made directly, so no sign-in audit row is written (audit rows cannot be flushed)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
    )


def test_heartbeat_reveals_the_due_code_and_the_learner_enters_it(page, live_server):  # noqa: F811
    course = CoursePageFactory(parent=catalog_page(), title="Browser course", slug="browser-course")
    lesson = LessonPageFactory(parent=course, title="Browser lesson", slug="browser-lesson")
    AttendanceCheckpoint.objects.create(lesson=lesson, code="HERON55", offset_minutes=0)
    user = VolunteerFactory()
    enrollment = EnrollmentFactory(user=user, course=course)
    signed_in(page, live_server, user)

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
