"""Writing cases: intake, edits, key dates, and the status lifecycle with its history."""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..fields import keyed_hash
from ..models import (
    Case,
    CaseDate,
    CaseOffer,
    CaseStatus,
    CaseStatusChange,
    Mentorship,
    MentorshipStatus,
    OfferStatus,
    Placement,
)


class CaseError(ValueError):
    pass


CASE_FIELDS = (
    "client_initials",
    "country_of_origin",
    "languages",
    "min_ilr_level",
    "interpreter_arranged",
    "relief_types",
    "detained",
    "court",
    "location",
    "requires_bar_jurisdiction",
    "confidential_notes",
    "adverse_parties",
)

# Transitions staff may make by hand; offered and placed are reached only through offers.
MANUAL_TRANSITIONS = {
    CaseStatus.INTAKE: {CaseStatus.SEEKING, CaseStatus.CLOSED},
    CaseStatus.SEEKING: {CaseStatus.INTAKE, CaseStatus.CLOSED},
    CaseStatus.OFFERED: {CaseStatus.SEEKING, CaseStatus.CLOSED},
    CaseStatus.PLACED: {CaseStatus.SEEKING, CaseStatus.CLOSED},
    CaseStatus.CLOSED: {CaseStatus.INTAKE, CaseStatus.SEEKING},
}

_REFERENCE = re.compile(r"^PBA-(\d{4})-(\d{4,})$")


def _next_reference(year: int) -> str:
    prefix = f"PBA-{year}-"
    numbers = [
        int(m.group(2))
        for ref in Case.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        if (m := _REFERENCE.match(ref))
    ]
    return f"{prefix}{(max(numbers, default=0) + 1):04d}"


def _party_hashes(adverse_parties: str) -> list[str]:
    names = [line.strip() for line in (adverse_parties or "").splitlines() if line.strip()]
    return sorted({keyed_hash(name) for name in names})


def _record_status(*, case: Case, from_status: str, to_status: str, by: User | None, reason: str) -> None:
    CaseStatusChange.objects.create(
        case=case, from_status=from_status, to_status=to_status, changed_by=by, reason=reason[:200]
    )


def case_create(*, by: User, data: dict) -> Case:
    """Staff intake. The reference is assigned here: opaque, yearly sequence."""
    fields = {name: data[name] for name in CASE_FIELDS if name in data}
    fields["client_initials"] = fields.get("client_initials", "").upper()
    fields["adverse_party_hashes"] = _party_hashes(fields.get("adverse_parties", ""))
    year = timezone.localdate().year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                case = Case.objects.create(reference=_next_reference(year), created_by=by, **fields)
                if data.get("related_cases"):
                    case.related_cases.set(data["related_cases"])
                _record_status(case=case, from_status="", to_status=case.status, by=by, reason=_("Intake"))
                audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=case)
                return case
        except IntegrityError:
            # Two intakes took the same number at once: take the next one.
            continue
    raise CaseError(_("Could not assign a case reference; please try again."))


def case_update(*, case: Case, by: User, data: dict) -> Case:
    if case.purged_at is not None:
        raise CaseError(_("The client details of this case were purged; it can no longer be edited."))
    with transaction.atomic():
        for name in CASE_FIELDS:
            if name in data:
                setattr(case, name, data[name])
        case.client_initials = case.client_initials.upper()
        case.adverse_party_hashes = _party_hashes(case.adverse_parties)
        case.save()
        if "related_cases" in data:
            case.related_cases.set(data["related_cases"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=case)
    return case


def case_set_status(*, case: Case, to_status: str, by: User | None, reason: str = "") -> Case:
    """Move a case along its lifecycle and keep the change in its history.

    Used by the offer services for offered/placed; staff use ``case_change_status``.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == to_status:
        return case
    from_status = case.status
    case.status = to_status
    case.status_reason = reason[:200]
    case.save(update_fields=["status", "status_reason", "updated_at"])
    _record_status(case=case, from_status=from_status, to_status=to_status, by=by, reason=reason)
    return case


def case_change_status(*, case: Case, to_status: str, by: User, reason: str) -> Case:
    """A staff decision: closing, reopening, back to intake, back to the pool. A reason is required."""
    reason = " ".join(reason.split())
    if not reason:
        raise CaseError(_("Give a reason for the change."))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.purged_at is not None:
            raise CaseError(_("The client details of this case were purged; it stays closed."))
        if to_status not in MANUAL_TRANSITIONS.get(locked.status, set()):
            raise CaseError(_("That status change is not allowed from the current status."))
        now = timezone.now()
        for offer in CaseOffer.objects.select_for_update().filter(case=locked, status=OfferStatus.PENDING):
            offer.status = OfferStatus.WITHDRAWN
            offer.responded_at = now
            offer.save(update_fields=["status", "responded_at"])
        if locked.status == CaseStatus.PLACED:
            for placement in Placement.objects.select_for_update().filter(case=locked, closed_at__isnull=True):
                _placement_end(placement=placement, reason=reason, now=now)
        locked = case_set_status(case=locked, to_status=to_status, by=by, reason=reason)
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail=f"status={to_status}")
    return locked


def _placement_end(*, placement: Placement, reason: str, now: datetime.datetime) -> None:
    placement.closed_at = now
    placement.closed_reason = reason[:200]
    placement.save(update_fields=["closed_at", "closed_reason"])
    Mentorship.objects.filter(placement=placement, status=MentorshipStatus.ACTIVE).update(
        status=MentorshipStatus.ENDED, ended_at=now
    )
    if placement.offer_id:
        CaseOffer.objects.filter(pk=placement.offer_id, status=OfferStatus.ACCEPTED).update(status=OfferStatus.RELEASED)


def case_date_add(
    *, case: Case, by: User, kind: str, date: datetime.date, source: str = "", verified: bool = False
) -> CaseDate:
    with transaction.atomic():
        case_date = CaseDate.objects.create(
            case=case,
            kind=kind,
            date=date,
            source=source,
            verified_by=by if verified else None,
            verified_at=timezone.now() if verified else None,
        )
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=case, detail="date added")
    return case_date


def case_date_verify(*, case_date: CaseDate, by: User) -> CaseDate:
    with transaction.atomic():
        case_date.verified_by = by
        case_date.verified_at = timezone.now()
        case_date.save(update_fields=["verified_by", "verified_at"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=case_date.case, detail="date verified")
    return case_date


def case_date_delete(*, case_date: CaseDate, by: User) -> None:
    with transaction.atomic():
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=case_date.case, detail="date removed")
        case_date.delete()
