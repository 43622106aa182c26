"""Certificates for a live session: the accreditation of the session's format, credit from the attended minutes."""

import datetime
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse

from courses import sessions
from courses.certificates.models import Certificate
from courses.certificates.rendering import certificate_html
from courses.certificates.reports import attendance_csv, attendance_record
from courses.models import CourseAccreditation, CourseSession, Enrollment
from tests.conftest import login_client
from tests.factories import CourseSessionFactory, bar_admission_make


def _live_accreditation(world, fmt: str, number: str):
    return CourseAccreditation.objects.create(
        course=world.course,
        jurisdiction=world.ny,
        provider_name="Pro Bono Academy",
        provider_number="NY-PB-0421",
        course_number=number,
        format=fmt,
        verification_method="Sign-in and sign-out times and a code read out by the faculty",
        credit_hours=[
            ("credit", {"category": str(world.ny_skills.pk), "hours": Decimal("2.0")}),
            ("credit", {"category": str(world.ny_ethics.pk), "hours": Decimal("1.0")}),
        ],
        sort_order=5,
    )


@pytest.fixture
def webinar(world):
    _live_accreditation(world, CourseAccreditation.Format.WEBCAST, "PBA-NY-WEB-1")
    _live_accreditation(world, CourseAccreditation.Format.LIVE, "PBA-NY-LIVE-1")
    return CourseSessionFactory(course=world.course, start_time=datetime.time(14), end_time=datetime.time(16, 30))


def _at(session: CourseSession, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(session.date, datetime.time(hour, minute), tzinfo=session.zone)


def _attend(user, session, *, signed_in=(14, 0), signed_out=(16, 30), code="lantern42"):
    """Register, sign in, enter the code and sign out, running what is queued on commit (the certificate task)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration = sessions.session_register(user=user, session=session, now=_at(session, 9))
        sessions.session_sign_in(registration=registration, now=_at(session, *signed_in))
        sessions.session_code_enter(registration=registration, value=code, now=_at(session, 15))
        return sessions.session_sign_out(registration=registration, now=_at(session, *signed_out))


def test_a_webinar_attendance_issues_a_live_webinar_certificate_with_credit_from_the_minutes(attorney, world, webinar):
    _attend(attorney, webinar, signed_in=(14, 10), signed_out=(16, 0))  # 110 minutes
    certificate = Certificate.objects.get(user=attorney)
    snapshot = certificate.snapshot
    assert certificate.jurisdiction == world.ny
    assert snapshot["course"]["format"] == "webcast"
    assert snapshot["course"]["number"] == "PBA-NY-WEB-1"
    assert snapshot["course"]["location"] == "Online, live webinar"
    assert snapshot["session"]["format"] == "webinar"
    assert snapshot["session"]["format_label"] == "Live webinar"
    assert snapshot["session"]["date"] == "2030-03-12"
    assert snapshot["session"]["time_zone"] == "America/Chicago"
    assert snapshot["session"]["attended_minutes"] == 110
    assert snapshot["completion"]["engaged_minutes"] == 110
    # New York: 50 minutes a credit, half credits, rounded down: 110 minutes earn 2.0.
    assert snapshot["credits"]["total"] == "2.0"
    assert snapshot["completion"]["completed_on"] == "2030-03-12"
    assert "1 of 1 attendance codes entered" in snapshot["verification"]["method"]
    html = certificate_html(snapshot=snapshot)
    assert "Live webinar" in html and "110" in html and "2030-03-12" in html


def test_the_verify_page_and_my_certificates_show_the_live_format_date_and_minutes(attorney, webinar, client):
    _attend(attorney, webinar)
    certificate = Certificate.objects.get(user=attorney)
    page = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "Live webinar" in page and "2030-03-12" in page and "150" in page
    assert "signed_in" not in page
    mine = login_client(attorney).get(reverse("certificates:mine")).content.decode()
    assert "Live webinar" in mine and "150 minutes attended" in mine


def test_an_in_person_session_earns_the_live_accreditation(attorney, world, webinar):
    room = CourseSessionFactory(
        course=world.course,
        format=CourseSession.Format.IN_PERSON,
        location="Room 4B, 100 Main Street, Chicago",
        join_url="",
        start_time=datetime.time(9),
        end_time=datetime.time(10),
        date=datetime.date(2030, 4, 2),
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration = sessions.session_register(user=attorney, session=room, now=_at(room, 8))
        sessions.session_sign_in(registration=registration, now=_at(room, 9))
        sessions.session_code_enter(registration=registration, value="LANTERN42", now=_at(room, 9, 30))
        sessions.session_sign_out(registration=registration, now=_at(room, 10))
    snapshot = Certificate.objects.get(user=attorney).snapshot
    assert snapshot["course"]["number"] == "PBA-NY-LIVE-1"
    assert snapshot["session"]["format_label"] == "Live, in person"
    assert snapshot["course"]["location"] == "Room 4B, 100 Main Street, Chicago"
    assert snapshot["credits"]["total"] == "1.0"


def test_live_attendees_do_not_get_on_demand_certificates_and_on_demand_completers_no_live_ones(
    attorney, world, webinar
):
    ca_admission = bar_admission_make(user=attorney, jurisdiction=world.ca)
    _attend(attorney, webinar)
    # California has only an on-demand approval: no certificate there for a webinar.
    assert list(Certificate.objects.filter(user=attorney).values_list("jurisdiction__code", flat=True)) == ["NY"]
    enrollment = Enrollment.objects.get(user=attorney, course=world.course)
    from courses.certificates.services import certificates_issue_for_enrollment

    certificates_issue_for_enrollment(enrollment_id=enrollment.pk)  # e.g. "issue missing" run by staff
    assert Certificate.objects.filter(user=attorney).count() == 1
    assert ca_admission.pk


def test_on_demand_completion_issues_only_the_on_demand_approvals(completed, webinar):
    from courses.certificates.services import certificates_issue_for_enrollment

    certificates = certificates_issue_for_enrollment(enrollment_id=completed.pk)
    assert [c.snapshot["course"]["format"] for c in certificates] == ["on_demand"]
    assert "session" not in certificates[0].snapshot


def test_too_few_minutes_for_the_jurisdiction_earn_no_certificate(attorney, webinar):
    registration = _attend(attorney, webinar, signed_in=(16, 10), signed_out=(16, 30))  # 20 minutes, NY needs 25
    assert registration.attended_minutes == 20
    assert not Certificate.objects.filter(user=attorney).exists()


def test_attending_twice_issues_one_certificate(attorney, world, webinar):
    _attend(attorney, webinar)
    second = CourseSessionFactory(course=world.course, date=datetime.date(2030, 5, 1))
    _attend(attorney, second)
    assert Certificate.objects.filter(user=attorney).count() == 1


def test_the_attendance_record_shows_the_session_and_its_minutes(attorney, world, webinar):
    _attend(attorney, webinar, signed_in=(14, 10), signed_out=(16, 0))
    rows = attendance_record(course_id=world.course.pk)
    (row,) = rows
    assert row.minutes_engaged == 110
    assert row.session.startswith("Live webinar 2030-03-12")
    assert row.signed_in == "2030-03-12 14:10" and row.signed_out == "2030-03-12 16:00"
    content = attendance_csv(rows=rows)
    assert "live_session,signed_in,signed_out" in content.splitlines()[0]
