"""Celery tasks for CLE certificates: thin, idempotent, take ids, queued on commit."""

from botocore.exceptions import BotoCoreError, ClientError
from celery import shared_task

# A file system that failed, or object storage (S3) that did not answer: both pass, so try again.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


@shared_task(
    autoretry_for=STORAGE_ERRORS,
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
    reject_on_worker_lost=True,
)
def certificates_issue_task(enrollment_id: int) -> list[int]:
    """Issue (or find) the certificates a completed enrollment earns; safe to run twice.

    Queue it with `certificates_issue_task.delay_on_commit(enrollment_id)` (or
    `transaction.on_commit(lambda: certificates_issue_task.delay(enrollment_id))`).
    Returns the ids of the certificates that exist for the enrollment afterwards.
    """
    from .services import certificates_issue_for_enrollment

    certificates = certificates_issue_for_enrollment(enrollment_id=enrollment_id)
    return [certificate.pk for certificate in certificates]


@shared_task(
    autoretry_for=STORAGE_ERRORS,
    retry_backoff=True,
    max_retries=5,
    acks_late=True,
    reject_on_worker_lost=True,
)
def certificates_issue_for_session_task(registration_id: int) -> list[int]:
    """Issue (or find) the live certificates a recorded session attendance earns; safe to run twice."""
    from .services import certificates_issue_for_session

    certificates = certificates_issue_for_session(registration_id=registration_id)
    return [certificate.pk for certificate in certificates]
