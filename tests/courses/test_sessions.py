"""Live sessions: registration and seats, the calendar entry, sign-in, the session code, attended minutes."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from courses import sessions
from courses.models import CourseSession, Enrollment, SessionRegistration
from courses.services import LearningError
from tests.conftest import login_client
from tests.factories import CourseSessionFactory, VolunteerFactory, running_session_times

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


def at(hour: int, minute: int = 0, day: int = 12) -> datetime.datetime:
    """A moment on the factory session's day (12 March 2030), Chicago time."""
    return datetime.datetime(2030, 3, day, hour, minute, tzinfo=CHICAGO)


@pytest.fixture
def session(course):
    return CourseSessionFactory(course=course)


@pytest.fixture
def registration(volunteer, session):
    return sessions.session_register(user=volunteer, session=session, now=at(9))


# --- Attended minutes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signed_in", "signed_out", "expected"),
    [
        (at(13, 50), at(15, 40), 90),  # early and late: capped to the session
        (at(14, 10), at(15, 0), 50),
        (at(14, 10), None, 80),  # never signed out: counted to the end
        (at(15, 40), None, 0),  # after the end
        (at(14, 0), at(13, 0), 0),
    ],
)
def test_attended_minutes_are_the_overlap_with_the_session(signed_in, signed_out, expected):
    assert (
        sessions.attended_minutes(
            signed_in_at=signed_in, signed_out_at=signed_out, starts_at=at(14), ends_at=at(15, 30)
        )
        == expected
    )


def test_session_times_are_wall_clock_in_the_session_time_zone(session):
    assert session.starts_at == at(14)
    assert session.starts_at.utcoffset() == datetime.timedelta(hours=-5)  # CDT from 10 March 2030
    assert session.minutes == 90
    assert session.accreditation_format == "webcast"


# --- Registration --------------------------------------------------------------------------


def test_registering_enrols_in_the_course_and_takes_a_seat(volunteer, session):
    registration = sessions.session_register(user=volunteer, session=session, now=at(9))
    assert registration.enrollment == Enrollment.objects.get(user=volunteer, course=session.course)
    assert sessions.seats_taken(session=session) == 1
    again = sessions.session_register(user=volunteer, session=session, now=at(9))
    assert again.pk == registration.pk
    assert SessionRegistration.objects.count() == 1


def test_a_full_session_refuses_with_a_clear_message_and_a_cancellation_frees_the_seat(session):
    session.capacity = 1
    session.save()
    first, second = VolunteerFactory(), VolunteerFactory()
    taken = sessions.session_register(user=first, session=session, now=at(9))
    with pytest.raises(LearningError, match="full"):
        sessions.session_register(user=second, session=session, now=at(9))
    assert not Enrollment.objects.filter(user=second).exists(), "a refused registration enrols no one"
    sessions.session_cancel(registration=taken, now=at(10))
    assert sessions.seats_taken(session=session) == 0
    sessions.session_register(user=second, session=session, now=at(10))
    with pytest.raises(LearningError, match="full"):
        sessions.session_register(user=first, session=session, now=at(11))


def test_a_past_session_cannot_be_registered_for(volunteer, session):
    with pytest.raises(LearningError, match="already taken place"):
        sessions.session_register(user=volunteer, session=session, now=at(16))
    assert not SessionRegistration.objects.exists()


def test_cancelled_registration_can_be_taken_again_when_a_seat_is_free(volunteer, session, registration):
    sessions.session_cancel(registration=registration, now=at(10))
    again = sessions.session_register(user=volunteer, session=session, now=at(11))
    assert again.pk == registration.pk and again.cancelled_at is None


def test_registering_through_the_course_page_shows_the_session_and_refuses_when_full(volunteer, session):
    session.capacity = 1
    session.save()
    sessions.session_register(user=VolunteerFactory(), session=session, now=at(9))
    client = login_client(volunteer)
    page = client.get(session.course.url)
    assert "Live webinar" in page.content.decode() and "Full" in page.content.decode()
    assert "LANTERN42" not in page.content.decode(), "the attendance code is never shown"
    response = client.post(reverse("courses:session_register", args=[session.pk]), follow=True)
    assert "This session is full" in response.content.decode()
    assert not SessionRegistration.objects.filter(user=volunteer).exists()


# --- Calendar entry ------------------------------------------------------------------------


def test_the_calendar_entry_is_in_the_session_time_zone_and_holds_no_code_or_personal_data(volunteer, registration):
    client = login_client(volunteer)
    response = client.get(reverse("courses:session_calendar", args=[registration.session_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "DTSTART;TZID=America/Chicago:20300312T140000" in body
    assert "DTEND;TZID=America/Chicago:20300312T153000" in body
    assert "BEGIN:VTIMEZONE" in body and "TZID:America/Chicago" in body
    assert "LANTERN42" not in body
    assert volunteer.email not in body and volunteer.full_name not in body
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event["UID"] == f"course-session-{registration.session_id}@probono-academy"
    assert event.decoded("DTSTART") == at(14)
    assert str(event["LOCATION"]) == "https://meet.example/pba-live"


def test_the_calendar_entry_is_only_for_registered_attorneys(session):
    response = login_client(VolunteerFactory()).get(reverse("courses:session_calendar", args=[session.pk]))
    assert response.status_code == 404


# --- Sign-in, code, sign-out ------------------------------------------------------------------


def test_sign_in_opens_shortly_before_the_start_and_closes_at_the_end(registration):
    with pytest.raises(LearningError, match="opens 15 minutes"):
        sessions.session_sign_in(registration=registration, now=at(13, 40))
    with pytest.raises(LearningError, match="ended"):
        sessions.session_sign_in(registration=registration, now=at(15, 30))
    signed = sessions.session_sign_in(registration=registration, now=at(13, 50))
    assert signed.signed_in_at == at(13, 50)
    # The first sign-in counts.
    assert sessions.session_sign_in(registration=registration, now=at(14, 20)).signed_in_at == at(13, 50)


def test_the_code_needs_a_sign_in_and_is_checked_without_regard_to_case_or_spaces(registration):
    with pytest.raises(LearningError, match="Sign in"):
        sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(14, 30))
    sessions.session_sign_in(registration=registration, now=at(14, 5))
    assert sessions.session_code_enter(registration=registration, value="lantern 41", now=at(14, 30)) is False
    assert sessions.session_code_enter(registration=registration, value=" lantern42 ", now=at(14, 31)) is True
    registration.refresh_from_db()
    assert registration.code_entered_at == at(14, 31) and registration.code_tries == 2


def test_wrong_codes_are_limited(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 5))
    for _try in range(sessions.CODE_TRIES_PER_WINDOW):
        assert sessions.session_code_enter(registration=registration, value="WRONG", now=at(14, 30)) is False
    with pytest.raises(LearningError, match="Too many wrong codes"):
        sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(14, 30))
    registration.refresh_from_db()
    assert registration.code_entered_at is None


def test_the_code_cannot_be_entered_before_the_session_starts(registration):
    sessions.session_sign_in(registration=registration, now=at(13, 50))
    with pytest.raises(LearningError, match="while the session is running"):
        sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(13, 55))


def test_sign_out_is_capped_at_the_end_and_records_the_minutes(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 10))
    sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(14, 40))
    recorded = sessions.session_sign_out(registration=registration, now=at(15, 45))
    assert recorded.signed_out_at == at(15, 30)
    assert recorded.attended_minutes == 80
    assert recorded.completed_course
    assert Enrollment.objects.get(pk=registration.enrollment_id).completed_at == at(15, 30)


def test_leaving_early_counts_the_minutes_until_sign_out(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 10))
    sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(14, 40))
    assert sessions.session_sign_out(registration=registration, now=at(15, 0)).attended_minutes == 50


def test_an_attendee_who_never_signs_out_is_counted_to_the_end(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 0))
    sessions.session_code_enter(registration=registration, value="LANTERN42", now=at(14, 40))
    assert sessions.session_attendance_record(registration=registration, now=at(15, 0)).attended_minutes is None
    recorded = sessions.session_attendance_record(registration=registration, now=at(18, 0))
    assert recorded.signed_out_at == at(15, 30) and recorded.attended_minutes == 90


def test_attendance_without_the_code_does_not_complete_the_course(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 0))
    recorded = sessions.session_sign_out(registration=registration, now=at(15, 30))
    assert recorded.attended_minutes == 90 and not recorded.completed_course
    assert Enrollment.objects.get(pk=registration.enrollment_id).completed_at is None


def test_an_attended_session_cannot_be_cancelled(registration):
    sessions.session_sign_in(registration=registration, now=at(14, 0))
    with pytest.raises(LearningError, match="already attended"):
        sessions.session_cancel(registration=registration, now=at(14, 5))


def test_session_page_actions_answer_with_messages(volunteer, course):
    session = CourseSessionFactory(course=course, **running_session_times())
    client = login_client(volunteer)
    client.post(reverse("courses:session_register", args=[session.pk]))
    page = client.post(reverse("courses:session_sign_in", args=[session.pk]), follow=True).content.decode()
    assert "Signed in" in page
    wrong = client.post(reverse("courses:session_code", args=[session.pk]), {"code": "nope"}, follow=True)
    assert "That is not the session code" in wrong.content.decode()
    right = client.post(reverse("courses:session_code", args=[session.pk]), {"code": "lantern42"}, follow=True)
    assert "Session code accepted" in right.content.decode()
    out = client.post(reverse("courses:session_sign_out", args=[session.pk]), follow=True).content.decode()
    assert "Signed out" in out and "Attended:" in out


# --- Editors ---------------------------------------------------------------------------------


def test_session_validation_asks_for_a_link_or_a_room_and_a_real_time_zone(course):
    from django.core.exceptions import ValidationError

    webinar = CourseSession(course=course, format="webinar", date=datetime.date(2030, 3, 12),
                            start_time=datetime.time(15), end_time=datetime.time(14), time_zone="Mars/Olympus",
                            capacity=5, attendance_code="X")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        webinar.full_clean()
    assert {"end_time", "join_url", "time_zone"} <= set(error.value.message_dict)
    in_person = CourseSession(course=course, format="in_person", date=datetime.date(2030, 3, 12),
                              start_time=datetime.time(14), end_time=datetime.time(15), time_zone="America/Chicago",
                              capacity=5, attendance_code="X")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        in_person.full_clean()
    assert set(error.value.message_dict) == {"location"}


def test_the_session_attendance_report_lists_the_registrations(staff, registration):
    from tests.factories import EditorFactory

    editor = EditorFactory()
    sessions.session_sign_in(registration=registration, now=at(14, 2))
    response = login_client(editor).get(reverse("courses_session_attendance") + f"?session={registration.session_id}")
    assert response.status_code == 200
    html = response.content.decode()
    assert registration.user.email in html and "14:02" in html
