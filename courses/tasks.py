"""Celery tasks for courses: thin, idempotent, take ids, queued on commit."""

from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def session_attendance_record_task(registration_id: int) -> None:
    """Record a live attendance at the session's end for an attorney who did not sign out; safe to run twice."""
    from .models import SessionRegistration
    from .sessions import session_attendance_record

    registration = SessionRegistration.objects.filter(pk=registration_id).first()
    if registration is not None:
        session_attendance_record(registration=registration)
