"""The deadline watch: emails to program staff as hard dates near, and the "filed" mark that ends them.

Staff are emailed at each threshold they set (``MatchingSettings.deadline_watch_days``, by
default 30, 14, 7, 3 and 1 days before), once per case date, date value and threshold, for every
date on the watch list (``selectors.deadlines``). Emails say only that a case needs attention
and how many days are left, with a link to the watch list: never a reference, initials, kind of
date or relief (S18).

Idempotency is the reminders' pattern: a ``ReminderSent`` row is inserted before the email goes
out and its unique key lets one insert win, so two runs, or two workers at once, send once; a
failed send deletes its rows so the next run tries again.

Two choices:
- Only the nearest threshold crossed is sent. A date first seen (or seen after the task was
  down) 5 days ahead gets the 7-day email alone, not the 30-, 14- and 7-day ones at once; the
  thresholds passed over are never sent later. A date already passed gets the smallest
  threshold's email once (its text says the date has passed).
- The date value is part of the key: a date moved (later or earlier) is a new deadline and
  its thresholds start again; removing the filed mark does not re-send what was sent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..models import CaseDate, MatchingSettings
from ..selectors.deadlines import deadline_watch_dates
from .cases import CaseError
from .reminders import email_update, reminder_claim, reminder_release, staff_users

logger = logging.getLogger(__name__)

KIND_DEADLINE_WATCH = "deadline_watch"
WATCH_ROUTE = "staff:deadline_watch"


class DeadlineError(CaseError):
    pass


# ---------------------------------------------------------------------------
# The "filed" mark


def case_date_mark_filed(*, case_date: CaseDate, by: User) -> CaseDate:
    """Staff or the placed attorney confirm that a hard date is dealt with (filed, or the hearing
    held); the date leaves the watch. Marking a marked date changes nothing."""
    with transaction.atomic():
        locked = CaseDate.objects.select_for_update().select_related("case").get(pk=case_date.pk)
        if not locked.is_hard:
            raise DeadlineError(_("Only hard dates (deadlines, merits hearings, expiries) are marked filed."))
        if locked.case.purged_at is not None:
            raise DeadlineError(_("The client details of this case were purged; it can no longer be edited."))
        if locked.filed_at is None:
            locked.filed_at = timezone.now()
            locked.filed_by = by
            locked.save(update_fields=["filed_at", "filed_by"])
            audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked.case, detail="date marked filed")
    return locked


def case_date_unmark_filed(*, case_date: CaseDate, by: User) -> CaseDate:
    """Take a filed mark back (given by mistake): the date is watched again."""
    with transaction.atomic():
        locked = CaseDate.objects.select_for_update().select_related("case").get(pk=case_date.pk)
        if locked.case.purged_at is not None:
            raise DeadlineError(_("The client details of this case were purged; it can no longer be edited."))
        if locked.filed_at is not None:
            locked.filed_at = None
            locked.filed_by = None
            locked.save(update_fields=["filed_at", "filed_by"])
            audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked.case, detail="date filed mark removed")
    return locked


# ---------------------------------------------------------------------------
# Emails to program staff


def due_threshold(*, days_left: int, thresholds: Sequence[int]) -> int | None:
    """The nearest threshold crossed (the smallest at or above ``days_left``), or None when the
    date is further away than every threshold."""
    crossed = [threshold for threshold in thresholds if days_left <= threshold]
    return min(crossed) if crossed else None


@dataclass(frozen=True)
class WatchAlert:
    object_key: str
    threshold: str
    days_left: int


def deadline_watch_alerts(*, today: datetime.date) -> list[WatchAlert]:
    """One alert per watched date that has crossed a threshold, at the nearest one crossed."""
    knobs = MatchingSettings.load()
    thresholds = [day for day in knobs.deadline_watch_days if isinstance(day, int) and day > 0]
    alerts = []
    for case_date in deadline_watch_dates(today=today, window_days=knobs.urgent_within_days):
        days_left = (case_date.date - today).days
        threshold = due_threshold(days_left=days_left, thresholds=thresholds)
        if threshold is None:
            continue
        key = f"casedate:{case_date.pk}:{case_date.date.isoformat()}"
        alerts.append(WatchAlert(object_key=key, threshold=f"{threshold}d", days_left=days_left))
    return sorted(alerts, key=lambda alert: (alert.days_left, alert.object_key))


def _claim(*, alert: WatchAlert, recipient: User) -> bool:
    return reminder_claim(
        kind=KIND_DEADLINE_WATCH, object_key=alert.object_key, threshold=alert.threshold, recipient=recipient
    )


def _release(*, alerts: Sequence[WatchAlert], recipient: User) -> None:
    for alert in alerts:
        reminder_release(
            kind=KIND_DEADLINE_WATCH, object_key=alert.object_key, threshold=alert.threshold, recipient=recipient
        )


def _alert_line(days_left: int) -> str:
    if days_left < 0:
        return ngettext(
            "A case needs attention: a hard date passed %(days)d day ago and is not marked filed.",
            "A case needs attention: a hard date passed %(days)d days ago and is not marked filed.",
            -days_left,
        ) % {"days": -days_left}
    if days_left == 0:
        return _("A case needs attention: a hard date is today.")
    return ngettext(
        "A case needs attention: a hard date is %(days)d day away.",
        "A case needs attention: a hard date is %(days)d days away.",
        days_left,
    ) % {"days": days_left}


def _email(*, recipient: User, alerts: Sequence[WatchAlert]) -> None:
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        lines = [_alert_line(alert.days_left) for alert in alerts]
        lines.append(_("Open the deadline watch to see which case and date."))
        subject = ngettext(
            "Deadline watch: a case needs attention",
            "Deadline watch: %(count)d hard dates need attention",
            len(alerts),
        ) % {"count": len(alerts)}
        email_update(user=recipient, subject=subject, message="\n".join(lines), route=WATCH_ROUTE)


def deadline_watch_send(*, today: datetime.date | None = None) -> int:
    """Email each active program staff member the watched dates that crossed a threshold since
    they were last told: one email per person and run, each date and threshold once. Returns the
    emails sent."""
    today = today or timezone.localdate()
    alerts = deadline_watch_alerts(today=today)
    if not alerts:
        return 0
    sent = 0
    for recipient in staff_users().order_by("pk"):
        claimed = [alert for alert in alerts if _claim(alert=alert, recipient=recipient)]
        if not claimed:
            continue
        try:
            _email(recipient=recipient, alerts=claimed)
        except OSError:  # smtplib errors are OSErrors too
            # Give the claims back so the next run tries again, and carry on with the others.
            _release(alerts=claimed, recipient=recipient)
            logger.warning("deadline watch email failed: recipient=%s", recipient.pk)
            continue
        sent += 1
    return sent
