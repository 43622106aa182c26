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

Case documents: program staff see every one; the attorney of the open placement every one of
their case; the case's current mentor those shared with the mentor and their own uploads.

Mentorships follow their status: a mentor's access to a pairing (its check-ins, plan, case,
dates, calendar entries, reminders and dashboard rows) ends when the pairing ends; the
attorney keeps a read-only history of it; staff read all of it, audited.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from .models import (
    Case,
    CaseDocument,
    CaseOffer,
    CheckIn,
    DocumentVersion,
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
    q = Q(pk__in=cases_worked_on_by(user).values("pk"))
    if user.is_volunteer:
        q |= _pending_offer_q(user)
    ids = Case.objects.filter(q).values("pk")
    return Case.objects.filter(pk__in=ids)


def cases_worked_on_by(user) -> QuerySet[Case]:
    """The cases the user works on now: their open placements and the cases of the pairings they
    currently mentor (calendar feed, reminders). Offers and staff access are not included."""
    if not _signed_in(user):
        return Case.objects.none()
    placed = Placement.objects.filter(attorney=user, closed_at__isnull=True).values("case_id")
    return Case.objects.filter(Q(pk__in=placed) | Q(pk__in=mentorships_mentored_by(user).values("case_id")))


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
    if mentorships_mentored_by(user).filter(case=case).exists():
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


def can_see_placement_override(level: str) -> bool:
    """An override of hard constraints behind a placement, with staff's reason: the placed
    attorney, their mentor and staff (the reason carries no client details by instruction)."""
    return level in {MENTOR, FULL, STAFF}


def can_log_hours(user, case: Case) -> bool:
    return _signed_in(user) and Placement.objects.filter(case=case, attorney=user, closed_at__isnull=True).exists()


# ---------------------------------------------------------------------------
# Offers


def can_mark_filed(user, case: Case) -> bool:
    """Program staff, or the attorney placed on the case (the people who log hours on it); a
    mentor reads the "filed" mark of a hard date but does not set it."""
    return is_staff(user) or can_log_hours(user, case)


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


# ---------------------------------------------------------------------------
# Mentorships and check-ins


# A pairing is current while it is active and its placement (if any) is open. A mentor sees
# a pairing, its check-ins, plan, case and dates, and is reminded about them, only while it is
# current: ending it (or closing the placement) ends all of that at once. The attorney keeps a
# read-only history of their own pairings, ended or not; program staff read everything, and
# every read is audited by the ``*_for_request`` helpers below. Nobody writes to an ended pairing.


def _current_q() -> Q:
    return Q(status=MentorshipStatus.ACTIVE) & (Q(placement__isnull=True) | Q(placement__closed_at__isnull=True))


def mentorship_is_current(mentorship: Mentorship) -> bool:
    if mentorship.status != MentorshipStatus.ACTIVE:
        return False
    return mentorship.placement_id is None or mentorship.placement.closed_at is None


def mentorships_current() -> QuerySet[Mentorship]:
    """Every current pairing (for the reminder run, which then asks who may hear of each)."""
    return Mentorship.objects.filter(_current_q())


def mentorships_mentored_by(user) -> QuerySet[Mentorship]:
    """The current pairings the user mentors: the mentor's side of every list, feed and reminder."""
    if not is_mentor(user):
        return Mentorship.objects.none()
    return Mentorship.objects.filter(_current_q(), mentor=user)


def mentorships_of_mentee(user, *, include_ended: bool = False) -> QuerySet[Mentorship]:
    """The attorney's pairings: current ones, or with ``include_ended`` their whole history."""
    if not _signed_in(user):
        return Mentorship.objects.none()
    pairings = Mentorship.objects.filter(mentee=user)
    return pairings if include_ended else pairings.filter(_current_q())


def mentorships_current_for(user) -> QuerySet[Mentorship]:
    """Current pairings the user is part of, on either side (calendar feed, reminders)."""
    return Mentorship.objects.filter(
        Q(pk__in=mentorships_mentored_by(user).values("pk")) | Q(pk__in=mentorships_of_mentee(user).values("pk"))
    )


def mentorships_visible_to(user) -> QuerySet[Mentorship]:
    if not _signed_in(user):
        return Mentorship.objects.none()
    if is_staff(user):
        return Mentorship.objects.all()
    return Mentorship.objects.filter(
        Q(pk__in=mentorships_mentored_by(user).values("pk"))
        | Q(pk__in=mentorships_of_mentee(user, include_ended=True).values("pk"))
    )


def _is_current_mentor(user, mentorship: Mentorship) -> bool:
    return is_mentor(user) and mentorship.mentor_id == user.pk and mentorship_is_current(mentorship)


def can_view_mentorship(user, mentorship: Mentorship) -> bool:
    if not _signed_in(user):
        return False
    return is_staff(user) or mentorship.mentee_id == user.pk or _is_current_mentor(user, mentorship)


def can_log_checkin(user, mentorship: Mentorship) -> bool:
    """Check-ins are logged by the pair, while the pairing is current."""
    if not (_signed_in(user) and mentorship_is_current(mentorship)):
        return False
    return mentorship.mentee_id == user.pk or _is_current_mentor(user, mentorship)


def can_change_plan(user, mentorship: Mentorship) -> bool:
    """Goals are set by the pair or program staff, while the pairing is current."""
    return can_log_checkin(user, mentorship) or (is_staff(user) and mentorship_is_current(mentorship))


def checkins_visible_to(user) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(mentorship__in=mentorships_visible_to(user))


def can_view_checkin(user, checkin: CheckIn) -> bool:
    return can_view_mentorship(user, checkin.mentorship)


def can_see_checkin_notes(user, checkin: CheckIn) -> bool:
    """Notes stay between the pair and program staff."""
    return can_view_checkin(user, checkin)


def may_be_reminded_of_checkin(user, mentorship: Mentorship) -> bool:
    """Reminders about a due check-in go to those who may log it (so never to a former mentor)."""
    return can_log_checkin(user, mentorship)


def people_reminded_of_case(case: Case) -> list[User]:
    """Who hears that a date on the case is near: its attorney and its current mentors, as the
    case's own access rule (``case_view_level``) confirms for each; never a former mentor."""
    ids = set(Placement.objects.filter(case=case, closed_at__isnull=True).values_list("attorney_id", flat=True))
    ids |= set(Mentorship.objects.filter(_current_q(), case=case).values_list("mentor_id", flat=True))
    people = User.objects.filter(pk__in=ids, is_active=True).order_by("pk")
    return [user for user in people if level_at_least(case_view_level(user, case), MENTOR)]


def can_edit_checkin(user, checkin: CheckIn) -> bool:
    return can_view_checkin(user, checkin) and checkin.logged_by_id == user.pk


# Long enough to fix a slip after the next meeting; short enough that the record of a pairing
# staff rely on does not keep moving.
CHECKIN_CHANGE_DAYS = 14


def can_change_checkin(user, checkin: CheckIn) -> bool:
    """The author may correct or delete a check-in while the pairing is current, for a while."""
    return (
        can_edit_checkin(user, checkin)
        and can_log_checkin(user, checkin.mentorship)
        and timezone.now() - checkin.created_at <= datetime.timedelta(days=CHECKIN_CHANGE_DAYS)
    )


# ---------------------------------------------------------------------------
# Fetch-or-404 helpers for views: each audits the read, or the denial.


# ---------------------------------------------------------------------------
# Conversations: one per placement, between its attorney, its current mentor and program staff


def conversations_visible_to(user) -> QuerySet[Placement]:
    """Placements whose conversation the user takes part in: staff every one; the attorney while
    the placement is open; the mentor while the mentorship is current (a former mentor none)."""
    if not _signed_in(user):
        return Placement.objects.none()
    if is_staff(user):
        return Placement.objects.all()
    allowed = Q(pk__in=[])
    if is_attorney(user):
        allowed |= Q(attorney=user)
    if is_mentor(user):
        allowed |= Q(pk__in=Mentorship.objects.filter(_current_q(), mentor=user).values("placement_id"))
    return Placement.objects.filter(allowed, closed_at__isnull=True)


def conversation_for_request(request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.READ) -> Placement:
    """The placement whose conversation is asked for, or the audited 404; the read is audited."""
    placement = conversations_visible_to(request.user).select_related("case", "attorney").filter(pk=pk).first()
    if placement is None:
        raise deny(request, object_type="mentorship.conversation", object_id=pk)
    audit_record(actor=request.user, action=action, obj=placement, request=request, detail="conversation")
    return placement


# ---------------------------------------------------------------------------
# Case documents: program staff, the placed attorney while the placement is open, and the
# case's current mentor for what is shared with them (and what they uploaded themselves)

DOCUMENTS_STAFF = "staff"
DOCUMENTS_ATTORNEY = "attorney"
DOCUMENTS_MENTOR = "mentor"


def _attorney_placed_on(user, case: Case) -> bool:
    return is_attorney(user) and Placement.objects.filter(case=case, attorney=user, closed_at__isnull=True).exists()


def document_role(user, case: Case | None) -> str | None:
    """How the user comes to a case's documents, or None: staff see every one; the attorney of
    the open placement every one; the current mentor those shared with them or their own. An
    offered attorney, a former mentor and the attorney of an ended placement have none."""
    if case is None or not _signed_in(user):
        return None
    if is_staff(user):
        return DOCUMENTS_STAFF
    if _attorney_placed_on(user, case):
        return DOCUMENTS_ATTORNEY
    if mentorships_mentored_by(user).filter(case=case).exists():
        return DOCUMENTS_MENTOR
    return None


def documents_visible_to(user, case: Case | None = None) -> QuerySet[CaseDocument]:
    """The documents the user may see (of one case, when given)."""
    if not _signed_in(user):
        return CaseDocument.objects.none()
    if is_staff(user):
        documents = CaseDocument.objects.all()
    else:
        allowed = Q(pk__in=[])
        if is_attorney(user):
            open_placements = Placement.objects.filter(attorney=user, closed_at__isnull=True)
            allowed |= Q(case__in=open_placements.values("case_id"))
        if is_mentor(user):
            mentored = mentorships_mentored_by(user).values("case_id")
            allowed |= Q(case__in=mentored) & (Q(shared_with_mentor=True) | Q(created_by=user))
        documents = CaseDocument.objects.filter(allowed)
    return documents if case is None else documents.filter(case=case)


def can_upload_document(user, case: Case) -> bool:
    """Everyone who sees some of a case's documents may add one (a mentor's is theirs to see)."""
    return document_role(user, case) is not None


def can_share_document(user, document: CaseDocument, *, role: str | None = None) -> bool:
    """Only the placed attorney and program staff decide what the mentor sees. `role` is the
    user's ``document_role`` on the document's case, when the caller has it already."""
    role = role or document_role(user, document.case)
    return role in {DOCUMENTS_STAFF, DOCUMENTS_ATTORNEY}


def can_change_document(user, document: CaseDocument, *, role: str | None = None) -> bool:
    """A new version or deletion: staff, the placed attorney, or the mentor who uploaded it."""
    role = role or document_role(user, document.case)
    if role == DOCUMENTS_MENTOR:
        return document.created_by_id == user.pk
    return role is not None


def case_documents_for_request(
    request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.READ, audit: bool = True
) -> tuple[Case, str]:
    """The case whose documents are asked for and the user's role, or the audited 404."""
    case = Case.objects.filter(pk=pk).first()
    role = document_role(request.user, case)
    if role is None:
        raise deny(request, object_type="mentorship.case_documents", object_id=pk)
    if audit:
        audit_record(actor=request.user, action=action, obj=case, request=request, detail="documents")
    return case, role


def document_for_request(
    request: HttpRequest,
    pk: int,
    *,
    may: Callable[..., bool] | None = None,
    action: str = AuditEvent.Action.READ,
    audit: bool = True,
) -> CaseDocument:
    """A document the user may see (and, with `may`, act on), or the audited 404."""
    document = documents_visible_to(request.user).select_related("case").filter(pk=pk).first()
    if document is None or (may is not None and not may(request.user, document)):
        raise deny(request, object_type="mentorship.casedocument", object_id=pk)
    if audit:
        audit_record(actor=request.user, action=action, obj=document, request=request)
    return document


def document_version_for_request(
    request: HttpRequest, pk: int, *, action: str = AuditEvent.Action.EXPORT
) -> DocumentVersion:
    """A version of a document the user may see, or the audited 404; the download is audited."""
    version = (
        DocumentVersion.objects.filter(pk=pk, document__in=documents_visible_to(request.user))
        .select_related("document")
        .first()
    )
    if version is None:
        raise deny(request, object_type="mentorship.documentversion", object_id=pk)
    audit_record(actor=request.user, action=action, obj=version, request=request, detail="download")
    return version


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


def staff_required(view: Callable) -> Callable:
    """A view decorator: non-staff get the audited 404 before anything else runs.

    Put it above ``reauthentication_required``: asking someone who may not use a route for their
    password would tell them the route exists."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        require_staff(request)
        return view(request, *args, **kwargs)

    return wrapped


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
