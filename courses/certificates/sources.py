"""Facts about an enrollment, a course's accreditations and a bar admission, read from `courses`.

The only module of this app that reads the course models: it turns them into the plain
dataclasses `snapshot.py` freezes, so a change in `courses` is absorbed here.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from .snapshot import AccreditationFacts, AdmissionFacts, CodeEntry, CreditLine, EnrollmentFacts, SessionFacts

__all__ = [
    "AccreditationFacts",
    "EnrollmentFacts",
    "accreditations_for",
    "active_admission",
    "bar_number_now",
    "certificate_settings",
    "enrollment_facts",
    "session_attendance_facts",
    "enrollment_completed_by_session",
]

LOCATION_BY_FORMAT = {
    "on_demand": "Online, on demand",
    "webcast": "Online, live webcast",
    "live": "In person",
    "self_study": "Online, self-study",
}
SESSION_FORMAT_LABELS = {"in_person": "Live, in person", "webinar": "Live webinar"}
LIVE_FORMATS = ("live", "webcast")


def enrollment_facts(*, enrollment_id: int) -> EnrollmentFacts | None:
    """What the certificate needs from a completed enrollment, or None if it is not complete."""
    from courses.models import Enrollment, QuizAttempt

    enrollment = Enrollment.objects.select_related("user", "course").filter(pk=enrollment_id).first()
    if enrollment is None or enrollment.completed_at is None:
        return None
    seconds = enrollment.lesson_progress.aggregate(total=Sum("engaged_seconds"))["total"] or 0
    first_visit = enrollment.lesson_progress.order_by("started_at").values_list("started_at", flat=True).first()
    entries = list(enrollment.attendance_entries.all())
    passed_final = enrollment.quiz_attempts.filter(kind=QuizAttempt.Kind.FINAL, passed=True).exists()
    local = timezone.localtime
    return EnrollmentFacts(
        enrollment_id=enrollment.pk,
        user_id=enrollment.user_id,
        course_id=enrollment.course_id,
        attorney_name=enrollment.user.full_name or enrollment.user.email,
        course_title=enrollment.course.title,
        started_on=local(first_visit or enrollment.enrolled_at).date(),
        completed_at=local(enrollment.completed_at),
        engaged_minutes=seconds // 60,
        affirmation_signed_at=local(enrollment.affirmation_signed_at) if enrollment.affirmation_signed_at else None,
        affirmation_text=enrollment.affirmation_text,
        codes_required=len(entries),
        codes_entered=tuple(
            CodeEntry(label=entry.prompt, entered_at=local(entry.entered_at) if entry.entered_at else None)
            for entry in entries
            if entry.correct
        ),
        assessment_passed=passed_final or None,
        course_language=enrollment.course.language,
    )


def _provider_defaults() -> dict[int, object]:
    config = certificate_settings()
    return {row.jurisdiction_id: row for row in config.provider_numbers.all()}


def accreditations_for(*, course_id: int, formats: tuple[str, ...] | None = None) -> list[AccreditationFacts]:
    """The course's accreditations (of the given formats only, when given), in the editors' order."""
    from courses.models import CourseAccreditation

    config = certificate_settings()
    defaults = _provider_defaults()
    facts = []
    rows = CourseAccreditation.objects.filter(course_id=course_id).select_related("jurisdiction").order_by("sort_order")
    if formats is not None:
        rows = rows.filter(format__in=formats)
    for row in rows:
        jurisdiction = row.jurisdiction
        fallback = defaults.get(jurisdiction.pk)
        lines = tuple(
            CreditLine(
                category=category.name,
                hours=Decimal(hours),
                code=category.code,
                newly_admitted=category.counts_for_newly_admitted(
                    format=row.format,
                    accreditation_approved=row.counts_for_newly_admitted,
                    on_demand_allowed=jurisdiction.on_demand_counts_for_newly_admitted,
                ),
            )
            for category, hours in row.credit_lines()
        )
        facts.append(
            AccreditationFacts(
                jurisdiction_id=jurisdiction.pk,
                jurisdiction_code=jurisdiction.code,
                jurisdiction_name=jurisdiction.name,
                credit_hour_minutes=jurisdiction.credit_hour_minutes,
                credit_increment=jurisdiction.credit_increment,
                minimum_minutes=jurisdiction.minimum_minutes_for_credit,
                provider_name=row.provider_name or getattr(fallback, "provider_name", "") or config.provider_name,
                provider_number=row.provider_number or getattr(fallback, "provider_number", ""),
                provider_contact=row.provider_contact
                or getattr(fallback, "provider_contact", "")
                or config.provider_contact,
                course_number=row.course_number,
                format=row.format,
                format_label=str(row.get_format_display()),
                location=LOCATION_BY_FORMAT.get(row.format, ""),
                counts_for_newly_admitted=any(line.newly_admitted for line in lines) if lines else False,
                verification_method=row.verification_method,
                lines=lines,
                approved_from=row.approved_from,
                approved_to=row.approved_to,
                rounding=jurisdiction.rounding,
                certificate_language=jurisdiction.certificate_language,
            )
        )
    return facts


def active_admission(*, user_id: int, jurisdiction_id: int) -> AdmissionFacts | None:
    from courses.models import BarAdmission

    admission = BarAdmission.objects.filter(
        user_id=user_id, jurisdiction_id=jurisdiction_id, status=BarAdmission.Status.ACTIVE
    ).first()
    if admission is None:
        return None
    return AdmissionFacts(bar_number=admission.bar_number, is_newly_admitted=admission.is_newly_admitted)


def bar_number_now(*, user_id: int, jurisdiction_id: int, default: str) -> str:
    from courses.models import BarAdmission

    number = (
        BarAdmission.objects.filter(user_id=user_id, jurisdiction_id=jurisdiction_id)
        .values_list("bar_number", flat=True)
        .first()
    )
    return number or default


def certificate_settings():
    from .models import CertificateSettings

    return CertificateSettings.load()


def enrollment_completed_by_session(*, enrollment_id: int) -> bool:
    """Whether the enrollment was completed by attending a live session (not by the on-demand lessons)."""
    from courses.models import SessionRegistration

    return SessionRegistration.objects.filter(enrollment_id=enrollment_id, completed_course=True).exists()


def session_registration_ids(*, enrollment_id: int) -> list[int]:
    from courses.models import SessionRegistration

    return list(
        SessionRegistration.objects.filter(
            enrollment_id=enrollment_id, code_entered_at__isnull=False, attended_minutes__gt=0
        ).values_list("pk", flat=True)
    )


def session_attendance_facts(*, registration_id: int) -> tuple[EnrollmentFacts, SessionFacts, str] | None:
    """What a live certificate needs from a recorded attendance (with the code entered), and the
    accreditation format it earns credit under; None while it does not qualify."""
    from courses.models import SessionRegistration

    registration = (
        SessionRegistration.objects.select_related("session", "session__course", "enrollment", "user")
        .filter(pk=registration_id, cancelled_at__isnull=True)
        .first()
    )
    if (
        registration is None
        or registration.code_entered_at is None
        or registration.signed_in_at is None
        or registration.signed_out_at is None
        or not registration.attended_minutes
    ):
        return None
    session = registration.session
    zone = session.zone
    signed_out = registration.signed_out_at.astimezone(zone)
    location = session.location if session.format == session.Format.IN_PERSON else "Online, live webinar"
    facts = EnrollmentFacts(
        enrollment_id=registration.enrollment_id,
        user_id=registration.user_id,
        course_id=session.course_id,
        attorney_name=registration.user.full_name or registration.user.email,
        course_title=session.course.title,
        started_on=session.date,
        completed_at=signed_out,
        engaged_minutes=registration.attended_minutes,
        affirmation_signed_at=None,
        affirmation_text="",
        codes_required=1,
        codes_entered=(
            CodeEntry(label="Session attendance code", entered_at=registration.code_entered_at.astimezone(zone)),
        ),
        course_language=session.course.language,
    )
    session_facts = SessionFacts(
        session_id=session.pk,
        format=session.format,
        format_label=SESSION_FORMAT_LABELS.get(session.format, session.format),
        date=session.date,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        time_zone=session.time_zone,
        location=location,
        attended_minutes=registration.attended_minutes,
        signed_in_at=registration.signed_in_at.astimezone(zone),
        signed_out_at=signed_out,
        code_entered_at=registration.code_entered_at.astimezone(zone),
    )
    return facts, session_facts, session.accreditation_format
