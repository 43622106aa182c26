"""The one place that decides who may see or do what with cases, offers, mentorships and check-ins.

Deny by default. Views, exports, feeds and emails all ask here. An object the user may not
see answers 404 (``Http404``), never 403, so its existence does not leak; the denial is audited.

Case view levels, from least to most:

- ``none``: nothing at all.
- ``summary``: an offered attorney before the conflict check: no identifying detail.
- ``parties``: the offered attorney has asked for the party names for their conflict check.
- ``mentor``: a mentor of the placed attorney: the case without confidential notes or adverse parties.
- ``full``: the placed attorney, or the offered attorney once they confirmed no conflict.
- ``staff``: program staff: everything, plus the history and offers log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .models import (
    Case,
    CaseOffer,
    CheckIn,
    Mentorship,
    MentorshipStatus,
    OfferStatus,
    Placement,
)

if TYPE_CHECKING:
    from django.http import HttpRequest

NONE = "none"
SUMMARY = "summary"
PARTIES = "parties"
MENTOR = "mentor"
FULL = "full"
STAFF = "staff"

_RANK = {NONE: 0, SUMMARY: 1, PARTIES: 2, MENTOR: 3, FULL: 4, STAFF: 5}


def _signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_staff(user) -> bool:
    return _signed_in(user) and user.is_program_staff


def is_attorney(user) -> bool:
    return _signed_in(user) and user.is_volunteer


def is_mentor(user) -> bool:
    return _signed_in(user) and user.is_mentor


# ---------------------------------------------------------------------------
# Cases


def _pending_offer_q(user) -> Q:
    return Q(offers__attorney=user, offers__status=OfferStatus.PENDING, offers__expires_at__gt=timezone.now())


def cases_visible_to(user) -> QuerySet[Case]:
    """Every case the user may open at some level."""
    if not _signed_in(user):
        return Case.objects.none()
    if is_staff(user):
        return Case.objects.all()
    q = Q(placements__attorney=user, placements__closed_at__isnull=True)
    if user.is_volunteer:
        q |= _pending_offer_q(user)
    if user.is_mentor:
        q |= Q(mentorships__mentor=user, mentorships__status=MentorshipStatus.ACTIVE)
    ids = Case.objects.filter(q).values("pk")
    return Case.objects.filter(pk__in=ids)


def live_offer_for(user, case: Case) -> CaseOffer | None:
    return (
        CaseOffer.objects.filter(case=case, attorney=user, status=OfferStatus.PENDING, expires_at__gt=timezone.now())
        .order_by("-offered_at")
        .first()
    )


def case_view_level(user, case: Case) -> str:
    if not _signed_in(user) or case is None:
        return NONE
    if is_staff(user):
        return STAFF
    if Placement.objects.filter(case=case, attorney=user, closed_at__isnull=True).exists():
        return FULL
    if user.is_volunteer:
        offer = live_offer_for(user, case)
        if offer is not None:
            if offer.conflict_check_confirmed_at:
                return FULL
            if offer.party_names_viewed_at:
                return PARTIES
            return SUMMARY
    if user.is_mentor and Mentorship.objects.filter(case=case, mentor=user, status=MentorshipStatus.ACTIVE).exists():
        return MENTOR
    return NONE


def level_at_least(level: str, minimum: str) -> bool:
    return _RANK[level] >= _RANK[minimum]


def can_see_identifying(level: str) -> bool:
    """Client initials, dates and court: everything except the summary stage."""
    return level in {MENTOR, FULL, STAFF}


def can_see_confidential_notes(level: str) -> bool:
    return level in {FULL, STAFF}


def can_see_adverse_parties(level: str) -> bool:
    return level in {PARTIES, FULL, STAFF}


def can_manage_cases(user) -> bool:
    return is_staff(user)


def can_log_hours(user, case: Case) -> bool:
    return _signed_in(user) and Placement.objects.filter(case=case, attorney=user, closed_at__isnull=True).exists()


# ---------------------------------------------------------------------------
# Offers


def offers_visible_to(user) -> QuerySet[CaseOffer]:
    if not _signed_in(user):
        return CaseOffer.objects.none()
    if is_staff(user):
        return CaseOffer.objects.all()
    if user.is_volunteer:
        return CaseOffer.objects.filter(attorney=user)
    return CaseOffer.objects.none()


def can_respond_to_offer(user, offer: CaseOffer) -> bool:
    return (
        is_attorney(user)
        and offer.attorney_id == user.pk
        and offer.status == OfferStatus.PENDING
        and not offer.is_expired()
    )


def can_manage_offers(user) -> bool:
    return is_staff(user)


def can_browse_open_cases(user) -> bool:
    return is_attorney(user)


# ---------------------------------------------------------------------------
# Mentorships and check-ins


def mentorships_visible_to(user) -> QuerySet[Mentorship]:
    if not _signed_in(user):
        return Mentorship.objects.none()
    if is_staff(user):
        return Mentorship.objects.all()
    return Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user))


def can_view_mentorship(user, mentorship: Mentorship) -> bool:
    return is_staff(user) or (_signed_in(user) and user.pk in {mentorship.mentor_id, mentorship.mentee_id})


def can_manage_mentorships(user) -> bool:
    return is_staff(user)


def can_log_checkin(user, mentorship: Mentorship) -> bool:
    return (
        _signed_in(user)
        and mentorship.status == MentorshipStatus.ACTIVE
        and user.pk in {mentorship.mentor_id, mentorship.mentee_id}
    )


def checkins_visible_to(user) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(mentorship__in=mentorships_visible_to(user))


def can_view_checkin(user, checkin: CheckIn) -> bool:
    return can_view_mentorship(user, checkin.mentorship)


def can_see_checkin_notes(user, checkin: CheckIn) -> bool:
    """Notes stay between the pair and program staff."""
    return can_view_checkin(user, checkin)


def can_edit_checkin(user, checkin: CheckIn) -> bool:
    return _signed_in(user) and checkin.logged_by_id == user.pk


# ---------------------------------------------------------------------------
# Fetch-or-404 helpers for views: each audits the read, or the denial.


def deny(request: HttpRequest, *, object_type: str, object_id) -> Http404:
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.DENIED,
        object_type=object_type,
        object_id=object_id,
        request=request,
    )
    return Http404()


def require_staff(request: HttpRequest) -> None:
    if not is_staff(request.user):
        raise deny(request, object_type="mentorship.staff_area", object_id="")


def require_attorney(request: HttpRequest) -> None:
    if not is_attorney(request.user):
        raise deny(request, object_type="mentorship.attorney_area", object_id="")


def require_mentor(request: HttpRequest) -> None:
    if not is_mentor(request.user):
        raise deny(request, object_type="mentorship.mentor_area", object_id="")


def case_for_request(
    request: HttpRequest, pk: int, *, minimum: str = SUMMARY, action: str = AuditEvent.Action.READ, audit: bool = True
) -> tuple[Case, str]:
    """The case and the user's view level, or 404; the read (or denial) is audited once."""
    case = cases_visible_to(request.user).filter(pk=pk).first()
    level = case_view_level(request.user, case) if case is not None else NONE
    if case is None or not level_at_least(level, minimum):
        raise deny(request, object_type="mentorship.case", object_id=pk)
    if audit:
        audit_record(actor=request.user, action=action, obj=case, request=request, detail=f"level={level}")
    return case, level


def offer_for_request(request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.READ) -> CaseOffer:
    offer = offers_visible_to(request.user).select_related("case").filter(pk=pk).first()
    if offer is None:
        raise deny(request, object_type="mentorship.caseoffer", object_id=pk)
    audit_record(actor=request.user, action=action, obj=offer, request=request)
    return offer


def mentorship_for_request(request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.READ) -> Mentorship:
    mentorship = mentorships_visible_to(request.user).filter(pk=pk).first()
    if mentorship is None:
        raise deny(request, object_type="mentorship.mentorship", object_id=pk)
    audit_record(actor=request.user, action=action, obj=mentorship, request=request)
    return mentorship


def checkin_for_request(request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.READ) -> CheckIn:
    checkin = checkins_visible_to(request.user).select_related("mentorship").filter(pk=pk).first()
    if checkin is None:
        raise deny(request, object_type="mentorship.checkin", object_id=pk)
    audit_record(actor=request.user, action=action, obj=checkin, request=request)
    return checkin


def audit_export(request: HttpRequest, *, object_type: str, count: int) -> None:
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type=object_type,
        request=request,
        detail=f"rows={count}",
    )
