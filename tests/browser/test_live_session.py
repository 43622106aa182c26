"""A webinar from scheduling to certificate: an editor adds it in the Wagtail admin, an attorney registers,
signs in, enters the code read out, signs out and gets a certificate marked live webinar."""

from decimal import Decimal

import pytest

from accounts.models import User
from courses.certificates.models import Certificate
from courses.models import CourseAccreditation, CourseSession, SessionRegistration
from tests.factories import (
    CoursePageFactory,
    CreditCategoryFactory,
    JurisdictionFactory,
    LessonPageFactory,
    VolunteerFactory,
    bar_admission_make,
    catalog_page,
    running_session_times,
    totp_enrol,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_schedules_a_webinar_and_the_attorney_attends_and_gets_a_live_webinar_certificate(
    page, sign_in, private_storage
):
    ny = JurisdictionFactory(code="NY")
    skills = CreditCategoryFactory(jurisdiction=ny, code="skills", name="Skills")
    course = CoursePageFactory(parent=catalog_page(), title="Asylum interviews live", slug="asylum-live")
    LessonPageFactory(parent=course, title="Preparing the client", slug="preparing")
    CourseAccreditation.objects.create(
        course=course,
        jurisdiction=ny,
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        course_number="PBA-NY-WEB-7",
        format=CourseAccreditation.Format.WEBCAST,
        credit_hours=[("credit", {"category": str(skills.pk), "hours": Decimal("1.0")})],
    )
    editor = User.objects.create_superuser(email="editor@probono.example", password="x" * 20, full_name="Ed Itor")
    totp_enrol(editor)
    times = running_session_times(started_minutes_ago=40, minutes=60)

    # The editor schedules the webinar on the course's Live sessions tab and publishes.
    sign_in(editor)
    page.goto(f"/cms/pages/{course.pk}/edit/")
    page.get_by_role("tab", name="Live sessions").click()
    page.get_by_role("button", name="Add live session").click()
    page.fill("#id_sessions-0-date", times["date"].isoformat())
    page.fill("#id_sessions-0-start_time", times["start_time"].strftime("%H:%M"))
    page.fill("#id_sessions-0-end_time", times["end_time"].strftime("%H:%M"))
    page.select_option("#id_sessions-0-format", "webinar")
    page.fill("#id_sessions-0-capacity", "25")
    page.fill("#id_sessions-0-time_zone", times["time_zone"])
    page.fill("#id_sessions-0-join_url", "https://meet.example/pba-asylum")
    page.fill("#id_sessions-0-attendance_code", "Heron77")
    # Wagtail's date and time pickers can stay open over the footer after a typed value.
    page.evaluate("document.querySelectorAll('.xdsoft_datetimepicker').forEach(el => { el.remove(); })")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/cms/pages/*/")
    session = CourseSession.objects.get(course=course)
    assert session.time_zone == times["time_zone"] and session.attendance_code == "Heron77"

    # The attorney registers on the course page and attends.
    attorney = VolunteerFactory(full_name="Lucía García")
    bar_admission_make(user=attorney, jurisdiction=ny, bar_number="5512345")
    sign_in(attorney)
    page.goto(course.url)
    assert "Heron77" not in page.content()
    page.get_by_role("button", name="Register for this session").click()
    page.wait_for_selector("text=You are registered.")
    assert page.get_by_role("link", name="Add to calendar (.ics)").is_visible()
    page.get_by_role("button", name="Sign in to the session").click()
    page.wait_for_selector("text=Signed in.")
    # As if the attorney had signed in when the session began, 40 minutes ago (New York needs 25 for credit).
    SessionRegistration.objects.filter(user=attorney).update(signed_in_at=session.starts_at)
    page.fill("input[name=code]", "HERON 76")
    page.get_by_role("button", name="Submit the code").click()
    page.wait_for_selector("text=That is not the session code.")
    page.fill("input[name=code]", "heron77")
    page.get_by_role("button", name="Submit the code").click()
    page.wait_for_selector("text=Session code accepted.")
    page.get_by_role("button", name="Sign out of the session").click()
    page.wait_for_selector("text=Signed out.")

    certificate = Certificate.objects.get(user=attorney)
    assert certificate.snapshot["session"]["format_label"] == "Live webinar"
    page.goto("/certificates/")
    assert "Live webinar" in page.inner_text("main")
    page.goto(f"/certificates/verify/{certificate.code}/")
    facts = page.inner_text(".verify__facts")
    assert "Live webinar" in facts and times["date"].isoformat() in facts and "Minutes attended" in facts
    assert certificate.snapshot["session"]["attended_minutes"] >= 40
    assert Decimal(certificate.snapshot["credits"]["total"]) > 0
