"""Celery tasks for mentorship: thin, idempotent, acks late."""

from __future__ import annotations

from celery import shared_task

from .services.deadlines import deadline_watch_send
from .services.offers import offers_expire_due
from .services.reminders import case_digest_send, reminders_send
from .services.retention import cases_purge_due


@shared_task(acks_late=True)
def offers_expire_task() -> int:
    """Expire pending offers past their deadline (and cascade); running it twice changes nothing."""
    return offers_expire_due()


@shared_task(acks_late=True)
def reminders_send_task() -> int:
    """Overdue check-ins and case dates 7 and 1 days ahead; each reminder goes out once."""
    return reminders_send()


@shared_task(acks_late=True)
def deadline_watch_send_task() -> int:
    """Email program staff as unfiled hard dates cross their thresholds; each date and threshold once."""
    return deadline_watch_send()


@shared_task(acks_late=True)
def case_digest_send_task() -> int:
    """The weekly email telling attorneys how many new cases may fit them; once per week each."""
    return case_digest_send()


@shared_task(acks_late=True)
def case_retention_purge_task() -> int:
    """Purge the client details of cases closed longer than the retention period; purged cases are skipped."""
    return cases_purge_due()
