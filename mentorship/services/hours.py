"""Writing pro bono hours: an attorney logs time spent on a case they are placed on."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from .. import policy
from ..models import Case, HoursEntry

MIN_HOURS = Decimal("0.25")
MAX_HOURS = Decimal("24")
QUARTER = Decimal("0.25")


class HoursError(ValidationError):
    pass


def hours_log(*, case: Case, by: User, worked_on: datetime.date, hours: Decimal, description: str = "") -> HoursEntry:
    """One day's hours on one case, in quarter hours, not in the future."""
    if not policy.can_log_hours(by, case):
        raise HoursError(_("You can log hours only on cases you are placed on."))
    try:
        hours = Decimal(hours)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise HoursError(_("Enter a number of hours.")) from exc
    if not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        raise HoursError(_("Hours must be between 0.25 and 24."))
    if hours % QUARTER:
        raise HoursError(_("Log hours in quarter hours (0.25, 0.5, 0.75 ...)."))
    if worked_on > timezone.localdate():
        raise HoursError(_("Hours cannot be logged for a future day."))
    with transaction.atomic():
        entry = HoursEntry.objects.create(
            case=case, attorney=by, worked_on=worked_on, hours=hours, description=" ".join(description.split())[:200]
        )
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=entry)
    return entry


def hours_delete(*, entry: HoursEntry, by: User) -> None:
    """An attorney removes their own entry (a typo, a wrong case) until staff have approved it."""
    if entry.attorney_id != by.pk:
        raise HoursError(_("You can remove only your own entries."))
    with transaction.atomic():
        # Read the decision under a lock: staff may have approved it since the page was shown.
        locked = HoursEntry.objects.select_for_update().filter(pk=entry.pk).first()
        if locked is None:
            raise HoursError(_("This entry was already removed."))
        if locked.approved_at is not None:
            raise HoursError(_("Approved hours count toward CLE and cannot be removed; ask program staff."))
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=locked)
        locked.delete()


def _pending_locked(entry: HoursEntry) -> HoursEntry:
    locked = HoursEntry.objects.select_for_update().get(pk=entry.pk)
    if locked.approved_at is not None:
        raise HoursError(_("These hours were already approved."))
    if locked.rejected_at is not None:
        raise HoursError(_("These hours were already rejected."))
    return locked


def hours_approve(*, entry: HoursEntry, by: User) -> HoursEntry:
    """Staff affirm the hours were served through this program; from now on they count toward CLE."""
    if not policy.is_staff(by):
        raise HoursError(_("Only program staff can approve hours."))
    with transaction.atomic():
        locked = _pending_locked(entry)
        locked.approved_at = timezone.now()
        locked.approved_by = by
        locked.save(update_fields=["approved_at", "approved_by"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="hours approved")
    return locked


def hours_reject(*, entry: HoursEntry, by: User, reason: str) -> HoursEntry:
    """Staff decline hours (not pro bono, not on this case ...); the attorney sees the reason."""
    if not policy.is_staff(by):
        raise HoursError(_("Only program staff can reject hours."))
    reason = " ".join((reason or "").split())[:200]
    if not reason:
        raise HoursError(_("Say why the hours are rejected; the attorney sees the reason."))
    with transaction.atomic():
        locked = _pending_locked(entry)
        locked.rejected_at = timezone.now()
        locked.rejection_reason = reason
        locked.save(update_fields=["rejected_at", "rejection_reason"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="hours rejected")
    return locked
