"""Conflicts of interest: recording them and asking whether a pair is conflicted."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..fields import keyed_hash
from ..models import Case, CaseOffer, Conflict, OfferStatus


class ConflictError(ValueError):
    pass


def _firm_hash(firm_name: str) -> str:
    return keyed_hash(firm_name) if firm_name and firm_name.strip() else ""


def conflict_record(
    *,
    by: User,
    attorney: User | None = None,
    firm_name: str = "",
    case: Case | None = None,
    adverse_party: str = "",
    reason: str = "",
) -> Conflict:
    """Record that an attorney (or a firm) is conflicted out of a case or an adverse party."""
    firm_name = " ".join(firm_name.split())
    if attorney is None and not firm_name:
        raise ConflictError(_("Name an attorney or a firm."))
    if case is None and not adverse_party.strip():
        raise ConflictError(_("Name a case or an adverse party."))
    with transaction.atomic():
        conflict = Conflict.objects.create(
            attorney=attorney,
            firm_name=firm_name,
            firm_hash=_firm_hash(firm_name),
            case=case,
            adverse_party_hash=keyed_hash(adverse_party) if adverse_party.strip() else "",
            reason=reason.strip(),
            recorded_by=by,
        )
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=conflict)
    return conflict


def conflict_delete(*, conflict: Conflict, by: User) -> None:
    with transaction.atomic():
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=conflict)
        conflict.delete()


def _attorney_q(attorney: User) -> Q:
    q = Q(attorney=attorney)
    profile = getattr(attorney, "attorney_profile", None)
    firm_hash = _firm_hash(profile.firm_name) if profile is not None else ""
    if firm_hash:
        q |= Q(firm_hash=firm_hash)
    return q


def conflicts_for_attorney(*, attorney: User) -> QuerySet[Conflict]:
    return Conflict.objects.filter(_attorney_q(attorney))


def conflicted_case_ids(*, attorney: User, cases: QuerySet[Case] | None = None) -> set[int]:
    """Cases the attorney may never be proposed for: conflicts, and cases they declined."""
    conflicts = list(conflicts_for_attorney(attorney=attorney).values_list("case_id", "adverse_party_hash"))
    direct = {case_id for case_id, _h in conflicts if case_id}
    party_hashes = {h for _c, h in conflicts if h}
    declined = set(
        CaseOffer.objects.filter(attorney=attorney, status=OfferStatus.DECLINED).values_list("case_id", flat=True)
    )
    result = direct | declined
    if party_hashes:
        for case_id, hashes in (cases if cases is not None else Case.objects.all()).values_list(
            "pk", "adverse_party_hashes"
        ):
            if party_hashes.intersection(hashes or []):
                result.add(case_id)
    return result


def is_conflicted(*, attorney: User, case: Case) -> bool:
    return case.pk in conflicted_case_ids(attorney=attorney, cases=Case.objects.filter(pk=case.pk))
