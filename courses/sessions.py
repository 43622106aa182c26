"""Live and webinar sessions of a course: registration, attendance and the calendar entry.

Writes (services) and reads (selectors) for `CourseSession` and `SessionRegistration`.
Seats are counted under a row lock on the session, so two attorneys taking the last seat
at once end with one registration. Attendance is what the server records: the sign-in
and sign-out times, and the moment the code read out in the session was entered.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accounts.models import User

from .certificates.tasks import certificates_issue_for_session_task
from .models import CoursePage, CourseSession, Enrollment, SessionRegistration
from .services import LearningError, enrollment_create
from .tasks import session_attendance_record_task

# Attendees may sign in a little before the start, as they would at the door of a room.
SIGN_IN_OPENS_MINUTES = 15
CODE_TRIES_PER_WINDOW = 5
CODE_TRY_WINDOW_SECONDS = 10 * 60
ICS_UID_DOMAIN = "probono-academy"


# --- Pure rules ----------------------------------------------------------------------------


def attended_minutes(
    *,
    signed_in_at: datetime.datetime,
    signed_out_at: datetime.datetime | None,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
) -> int:
    """Whole minutes of overlap between sign-in..sign-out (the end when never signed out) and the session."""
    left = max(signed_in_at, starts_at)
    right = min(signed_out_at or ends_at, ends_at)
    if right <= left:
        return 0
    return int((right - left).total_seconds() // 60)


def session_state(*, session: CourseSession, now: datetime.datetime) -> str:
    """'upcoming', 'open' (sign-in open or in progress) or 'ended'."""
    if now >= session.ends_at:
        return "ended"
    if now >= session.starts_at - datetime.timedelta(minutes=SIGN_IN_OPENS_MINUTES):
        return "open"
    return "upcoming"


# --- Selectors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    session: CourseSession
    seats_taken: int
    registration: SessionRegistration | None
    state: str

    @property
    def seats_left(self) -> int:
        return max(self.session.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0


def seats_taken(*, session: CourseSession) -> int:
    return session.registrations.filter(cancelled_at__isnull=True).count()


def sessions_for_course(
    *, course: CoursePage, user, now: datetime.datetime | None = None, include_ended: bool = False
) -> list[SessionRow]:
    """The course's sessions in start order, with seats taken and the user's own registration."""
    now = now or timezone.now()
    sessions = list(
        CourseSession.objects.filter(course=course).annotate(
            taken=Count("registrations", filter=Q(registrations__cancelled_at__isnull=True))
        )
    )
    mine: dict[int, SessionRegistration] = {}
    if user is not None and user.is_authenticated:
        mine = {
            registration.session_id: registration
            for registration in SessionRegistration.objects.filter(user=user, session__in=sessions)
        }
    rows = []
    for session in sorted(sessions, key=lambda item: item.starts_at):
        state = session_state(session=session, now=now)
        registration = mine.get(session.pk)
        if state == "ended" and not include_ended and not (registration and registration.signed_in_at):
            continue
        rows.append(SessionRow(session=session, seats_taken=session.taken, registration=registration, state=state))
    return rows


def registration_for_user(*, user, session_id: int) -> SessionRegistration | None:
    return (
        SessionRegistration.objects.select_related("session", "session__course", "enrollment")
        .filter(user=user, session_id=session_id)
        .first()
    )


def session_attendance(*, session: CourseSession) -> list[SessionRegistration]:
    """Everyone registered for a session (cancelled ones too), for the faculty's attendance list."""
    return list(
        SessionRegistration.objects.filter(session=session).select_related("user").order_by("user__full_name", "pk")
    )


def sessions_for_report() -> list[CourseSession]:
    """Every session, the latest first, for the admin's attendance list."""
    sessions = CourseSession.objects.select_related("course").annotate(
        taken=Count("registrations", filter=Q(registrations__cancelled_at__isnull=True))
    )
    return sorted(sessions, key=lambda session: session.starts_at, reverse=True)


def registrations_of_enrollment(*, enrollment_id: int) -> list[SessionRegistration]:
    return list(SessionRegistration.objects.filter(enrollment_id=enrollment_id).select_related("session"))


# --- Calendar entry ------------------------------------------------------------------------


def session_ics(*, session: CourseSession, course_url: str, now: datetime.datetime | None = None) -> bytes:
    """An RFC 5545 calendar with one event, in the session's own time zone (with its VTIMEZONE).

    It states the course, the time, where or how to join and the course's address: never the
    attendance code and nothing about the attorney or any client.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Pro Bono Academy//Live sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"course-session-{session.pk}@{ICS_UID_DOMAIN}")
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", f"{session.course.title} ({session.get_format_display()})")
    if session.format == CourseSession.Format.IN_PERSON:
        event.add("location", session.location)
    else:
        event.add("location", session.join_url)
        event.add("url", session.join_url)
    event.add(
        "description",
        _("Live CLE session. Sign in on the course page during the session: %(url)s") % {"url": course_url},
    )
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


# --- Services ------------------------------------------------------------------------------


def _locked_registration(registration: SessionRegistration) -> SessionRegistration:
    return SessionRegistration.objects.select_for_update().select_related("session").get(pk=registration.pk)


def session_register(
    *, user: User, session: CourseSession, now: datetime.datetime | None = None
) -> SessionRegistration:
    """Take a seat (enrolling in the course if needed). Registering again is a no-op; a cancelled seat
    is taken again if one is free. Open until the session ends."""
    now = now or timezone.now()
    with transaction.atomic():
        # The lock on the session row serialises every seat count for this session.
        locked = CourseSession.objects.select_for_update().get(pk=session.pk)
        if session_state(session=locked, now=now) == "ended":
            raise LearningError(_("This session has already taken place; registration is closed."))
        existing = SessionRegistration.objects.filter(session=locked, user=user).first()
        if existing is not None and existing.cancelled_at is None:
            return existing
        if seats_taken(session=locked) >= locked.capacity:
            raise LearningError(_("This session is full. Choose another session or take the course on demand."))
        # Enrolled only once a seat is sure, so a refused registration leaves nothing behind.
        enrollment = enrollment_create(user=user, course=locked.course)
        if existing is not None:
            existing.cancelled_at = None
            existing.registered_at = now
            existing.save(update_fields=["cancelled_at", "registered_at"])
            return existing
        try:
            with transaction.atomic():
                return SessionRegistration.objects.create(
                    session=locked, user=user, enrollment=enrollment, registered_at=now
                )
        except IntegrityError:
            return SessionRegistration.objects.get(session=locked, user=user)


def session_cancel(*, registration: SessionRegistration, now: datetime.datetime | None = None) -> SessionRegistration:
    """Give the seat back, before signing in; the row stays (cancelled) for the record."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_registration(registration)
        if locked.cancelled_at is not None:
            return locked
        if locked.signed_in_at is not None or session_state(session=locked.session, now=now) == "ended":
            raise LearningError(_("You have already attended this session; it can no longer be cancelled."))
        locked.cancelled_at = now
        locked.save(update_fields=["cancelled_at"])
    return locked


def _queue(callback) -> None:
    transaction.on_commit(callback)


def session_sign_in(*, registration: SessionRegistration, now: datetime.datetime | None = None) -> SessionRegistration:
    """Record the sign-in time (the first one counts), from shortly before the start until the end."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_registration(registration)
        if locked.cancelled_at is not None:
            raise LearningError(_("Your registration was cancelled. Register again to attend."))
        state = session_state(session=locked.session, now=now)
        if state == "upcoming":
            raise LearningError(
                _("Sign-in opens %(minutes)s minutes before the session starts.") % {"minutes": SIGN_IN_OPENS_MINUTES}
            )
        if state == "ended":
            raise LearningError(_("This session has ended; sign-in is closed."))
        if locked.signed_in_at is None:
            locked.signed_in_at = now
            locked.save(update_fields=["signed_in_at"])
            ends_at = locked.session.ends_at
            # Attorneys who never sign out are recorded when the session ends.
            _queue(lambda: session_attendance_record_task.apply_async(args=[locked.pk], eta=ends_at))
    return locked


def _code_key(registration: SessionRegistration, now: datetime.datetime) -> str:
    window = int(now.timestamp() // CODE_TRY_WINDOW_SECONDS)
    return f"session-code:{registration.pk}:{window}"


def session_code_enter(*, registration: SessionRegistration, value: str, now: datetime.datetime | None = None) -> bool:
    """Check the code read out in the session (case and spaces ignored). Returns whether it matched."""
    now = now or timezone.now()
    value = "".join((value or "").split())[:40].upper()
    with transaction.atomic():
        locked = _locked_registration(registration)
        session = locked.session
        if locked.signed_in_at is None or locked.cancelled_at is not None:
            raise LearningError(_("Sign in to the session first."))
        if locked.code_entered_at is not None:
            return True
        if session_state(session=session, now=now) != "open" or now < session.starts_at:
            raise LearningError(_("The session code can be entered only while the session is running."))
        key = _code_key(locked, now)
        if (cache.get(key) or 0) >= CODE_TRIES_PER_WINDOW:
            raise LearningError(
                _("Too many wrong codes. Wait a few minutes, then try again, or ask the session's staff for help.")
            )
        locked.code_tries += 1
        correct = value == "".join(session.attendance_code.split()).upper()
        fields = ["code_tries"]
        if correct:
            locked.code_entered_at = now
            fields.append("code_entered_at")
        locked.save(update_fields=fields)
        if not correct and not cache.add(key, 1, timeout=CODE_TRY_WINDOW_SECONDS + 5):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=CODE_TRY_WINDOW_SECONDS + 5)
        if correct and locked.signed_out_at is not None:
            session_attendance_record(registration=locked, now=now)
    registration.code_entered_at = locked.code_entered_at
    return correct


def session_sign_out(*, registration: SessionRegistration, now: datetime.datetime | None = None) -> SessionRegistration:
    """Record the sign-out time (capped at the session's end) and the attendance."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_registration(registration)
        if locked.signed_in_at is None:
            raise LearningError(_("You have not signed in to this session."))
        if locked.signed_out_at is None:
            locked.signed_out_at = min(now, locked.session.ends_at)
            locked.save(update_fields=["signed_out_at"])
        return session_attendance_record(registration=locked, now=now)


def session_attendance_record(
    *, registration: SessionRegistration, now: datetime.datetime | None = None
) -> SessionRegistration:
    """Once the attorney has signed out or the session has ended: attended minutes, and with the code
    entered, completion of the course and its live certificates (queued on commit). Safe to run twice."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_registration(registration)
        session = locked.session
        if locked.signed_in_at is None or locked.cancelled_at is not None:
            return locked
        if locked.signed_out_at is None:
            if now < session.ends_at:
                return locked
            locked.signed_out_at = session.ends_at
        locked.attended_minutes = attended_minutes(
            signed_in_at=locked.signed_in_at,
            signed_out_at=locked.signed_out_at,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
        )
        fields = ["signed_out_at", "attended_minutes"]
        if locked.code_entered_at is not None and locked.attended_minutes > 0:
            # A live attendee has met the course: the on-demand lesson rules are for those who take it alone.
            completed = Enrollment.objects.filter(pk=locked.enrollment_id, completed_at__isnull=True).update(
                completed_at=locked.signed_out_at
            )
            if completed:
                locked.completed_course = True
                fields.append("completed_course")
            registration_id = locked.pk
            _queue(lambda: certificates_issue_for_session_task.delay(registration_id))
        locked.save(update_fields=fields)
    return locked
