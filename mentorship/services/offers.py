"""The offer workflow: send, stage the conflict check, accept or decline, expire, cascade; placement and mentor.

Sending and accepting ask `placement_rules.pair_constraint_failures` for matching's hard
constraints, on fresh data, under the locks below; staff may override failed constraints
with a written reason that the offer keeps, and accepting ignores only what was overridden.

Invariants rest on the database: at most one pending/accepted offer per case and one open
placement per case (partial unique indexes), and capacity is counted under a row lock on
the attorney's profile, so two staff offering at once or an attorney accepting two offers
at once can never over-assign.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Collection, Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.audit import audit_record
from accounts.models import AuditEvent, User
from accounts.roles import Role
from accounts.services import recipient_language

from ..matching import Reason
from ..models import (
    AttorneyProfile,
    Case,
    CaseInterest,
    CaseOffer,
    CaseStatus,
    MatchingSettings,
    MentorProfile,
    Mentorship,
    MentorshipStatus,
    OfferStatus,
    Placement,
    TeamRole,
)
from ..selectors.matching import mentor_conflicted
from .cases import _placement_end, case_set_status
from .outcomes import OutcomeError, ReliefOutcome, outcomes_save
from .placement_rules import (
    MIN_OVERRIDE_REASON,
    blocking_at_accept,
    can_override,
    pair_constraint_failures,
)

logger = logging.getLogger(__name__)


class OfferError(ValueError):
    pass


class ConstraintsFailed(OfferError):
    """The pair fails hard constraints and no valid override covers them.

    ``reasons`` are the failures in matching's words (no client details); ``overridable``
    says whether a written reason could cover them all (never a conflict or a missing bar admission).
    """

    def __init__(self, message: str, *, reasons: tuple[Reason, ...], overridable: bool) -> None:
        super().__init__(message)
        self.reasons = reasons
        self.overridable = overridable

    @property
    def codes(self) -> list[str]:
        return [reason.code for reason in self.reasons]


def _listed(reasons: Iterable[Reason]) -> str:
    return "; ".join(reason.text for reason in reasons)


def _override_check(*, failures: tuple[Reason, ...], reason: str, acknowledged: Collection[str]) -> None:
    """Refuse unless a written reason covers every failure, each one seen by staff."""
    if not can_override(failures):
        raise ConstraintsFailed(
            _("Not sent: %(reasons)s. A conflict of interest or a missing bar admission cannot be overridden.")
            % {"reasons": _listed(failures)},
            reasons=failures,
            overridable=False,
        )
    if len(reason) < MIN_OVERRIDE_REASON:
        raise ConstraintsFailed(
            _(
                "Not sent: this attorney fails hard constraints for this case: %(reasons)s. "
                "To send the offer anyway, give a written reason of at least %(min)s characters."
            )
            % {"reasons": _listed(failures), "min": MIN_OVERRIDE_REASON},
            reasons=failures,
            overridable=True,
        )
    unseen = [r for r in failures if r.code not in set(acknowledged)]
    if unseen:
        # The data moved between the refusal staff read and their override: they must see it.
        raise ConstraintsFailed(
            _("Not sent: the attorney also fails %(reasons)s, which the override did not name. Confirm it again.")
            % {"reasons": _listed(unseen)},
            reasons=failures,
            overridable=True,
        )


# ---------------------------------------------------------------------------
# Notifications: never a client detail, only "you have an update" and a link.


def _notify(*, user: User, subject: str | Promise, route: str) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse(route)
    with recipient_language(user=user):
        subject = str(subject)
        body = _("There is an update for you in %(site)s. Sign in to see it:\n\n%(url)s\n") % {
            "site": settings.SITE_NAME,
            "url": url,
        }

    def send() -> None:
        send_mail(subject, body, None, [user.email], fail_silently=True)

    transaction.on_commit(send)


def _notify_staff(*, subject: str) -> None:
    for user in User.objects.filter(groups__name__in=_staff_group_names(), is_active=True).distinct():
        _notify(user=user, subject=subject, route="staff:home")


def _staff_group_names() -> list[str]:
    from accounts.roles import ROLE_GROUP_NAMES

    return [ROLE_GROUP_NAMES[Role.PROGRAM_STAFF]]


# ---------------------------------------------------------------------------
# Sending


def offer_send(
    *,
    case: Case,
    attorney: User,
    by: User | None,
    expires_in_days: int | None = None,
    cascade: bool | None = None,
    rank: int | None = None,
    override_reason: str = "",
    override_codes: Collection[str] = (),
) -> CaseOffer:
    """Offer a seeking case to one attorney, who must meet every hard constraint of matching.

    Staff may override failed constraints with a written reason (``override_reason``, at
    least ``MIN_OVERRIDE_REASON`` characters) naming in ``override_codes`` the constraints
    they saw fail; a failure they did not see, a conflict of interest or a missing bar
    admission refuses the offer (`ConstraintsFailed`). The cascade and batch publish never
    override. Refuses busy cases.
    """
    override_reason = override_reason.strip()
    knobs = MatchingSettings.load()
    days = expires_in_days if expires_in_days is not None else knobs.offer_expiry_days
    if days < 1 or days > 30:
        raise OfferError(_("An offer must expire within 1 to 30 days."))
    if not attorney.is_volunteer:
        raise OfferError(_("Only volunteer attorneys can receive case offers."))
    try:
        with transaction.atomic():
            locked = Case.objects.select_for_update().get(pk=case.pk)
            if locked.status != CaseStatus.SEEKING:
                raise OfferError(_("This case is not seeking an attorney."))
            failures = pair_constraint_failures(case=locked, attorney=attorney)
            now = timezone.now()
            override = {}
            if failures:
                _override_check(failures=failures, reason=override_reason, acknowledged=override_codes)
                override = {
                    "override_reason": override_reason,
                    "override_codes": [r.code for r in failures],
                    "override_texts": [r.text for r in failures],
                    "overridden_by": by,
                    "overridden_at": now,
                }
            offer = CaseOffer.objects.create(
                case=locked,
                attorney=attorney,
                offered_by=by,
                offered_at=now,
                expires_at=now + datetime.timedelta(days=days),
                cascade=knobs.cascade_default if cascade is None else cascade,
                rank=rank,
                **override,
            )
            case_set_status(case=locked, to_status=CaseStatus.OFFERED, by=by, reason=_("Offer sent"))
            # The codes only: the reason is free text and stays on the (encrypted) offer.
            detail = "override=" + ",".join(offer.override_codes) if failures else ""
            audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=offer, detail=detail)
            _notify(user=attorney, subject=gettext_lazy("You have a new case offer"), route="mentorship:my_offers")
    except IntegrityError as exc:
        raise OfferError(_("This case already has a live offer.")) from exc
    case.refresh_from_db()
    return offer


def offer_withdraw(*, offer: CaseOffer, by: User) -> CaseOffer:
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=offer.case_id)
        offer = CaseOffer.objects.select_for_update().get(pk=offer.pk)
        if offer.status != OfferStatus.PENDING:
            raise OfferError(_("Only a pending offer can be withdrawn."))
        offer.status = OfferStatus.WITHDRAWN
        offer.responded_at = timezone.now()
        offer.save(update_fields=["status", "responded_at"])
        if offer.role == TeamRole.LEAD:
            case_set_status(case=case, to_status=CaseStatus.SEEKING, by=by, reason=_("Offer withdrawn"))
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=offer, detail="withdrawn")
        _notify(user=offer.attorney, subject=gettext_lazy("An update on a case offer"), route="mentorship:my_offers")
    return offer


# ---------------------------------------------------------------------------
# The attorney's staged conflict check


def _own_pending(offer: CaseOffer, by: User) -> CaseOffer:
    locked = CaseOffer.objects.select_for_update().get(pk=offer.pk)
    if locked.attorney_id != by.pk:
        raise OfferError(_("This offer is not yours."))
    if locked.status != OfferStatus.PENDING or locked.is_expired():
        raise OfferError(_("This offer is no longer open."))
    return locked


def offer_view_parties(*, offer: CaseOffer, by: User) -> CaseOffer:
    """The attorney asks for the party names to run their own conflict check."""
    with transaction.atomic():
        locked = _own_pending(offer, by)
        if locked.party_names_viewed_at is None:
            locked.party_names_viewed_at = timezone.now()
            locked.save(update_fields=["party_names_viewed_at"])
    return locked


def offer_confirm_no_conflict(*, offer: CaseOffer, by: User) -> CaseOffer:
    with transaction.atomic():
        locked = _own_pending(offer, by)
        if locked.party_names_viewed_at is None:
            raise OfferError(_("Review the party names before confirming."))
        if locked.conflict_check_confirmed_at is None:
            locked.conflict_check_confirmed_at = timezone.now()
            locked.save(update_fields=["conflict_check_confirmed_at"])
            audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="no conflict confirmed")
    return locked


def offer_report_conflict(*, offer: CaseOffer, by: User) -> CaseOffer:
    """The attorney found a conflict: the offer is declined and the pair recorded as conflicted."""
    from .conflicts import conflict_record

    locked = offer_decline(offer=offer, by=by, reason=_("Conflict of interest"))
    conflict_record(by=by, attorney=by, case=locked.case, reason=_("Reported by the attorney"))
    return locked


# ---------------------------------------------------------------------------
# Answering


def offer_accept(*, offer: CaseOffer, by: User) -> Placement:
    """Accept: the case is placed with the attorney before expiry, if every hard constraint
    still holds (training may have lapsed, a conflict may have been recorded, capacity filled)
    or is covered by the override staff recorded on the offer."""
    with transaction.atomic():
        # Lock order: attorney profile, case, offer. The profile lock serialises every
        # accept by the same attorney, so the capacity count below cannot go stale.
        profile = AttorneyProfile.objects.select_for_update().filter(user=by).first()
        if profile is None:
            raise OfferError(_("Complete your attorney profile before accepting a case."))
        case = Case.objects.select_for_update().get(pk=offer.case_id)
        locked = _own_pending(offer, by)
        if locked.conflict_check_confirmed_at is None:
            raise OfferError(_("Confirm that you have no conflict before accepting."))
        if locked.role != TeamRole.LEAD:
            return _team_accept(offer=locked, case=case, by=by)
        failures = pair_constraint_failures(case=case, attorney=by, accepting=locked)
        blocking = blocking_at_accept(failures=failures, offer=locked)
        if blocking:
            raise ConstraintsFailed(
                _("You cannot accept this case now: %(reasons)s. Program staff can tell you more.")
                % {"reasons": _listed(blocking)},
                reasons=blocking,
                overridable=False,
            )
        now = timezone.now()
        locked.status = OfferStatus.ACCEPTED
        locked.responded_at = now
        locked.save(update_fields=["status", "responded_at"])
        try:
            with transaction.atomic():
                placement = Placement.objects.create(case=case, attorney=by, offer=locked, placed_at=now)
        except IntegrityError as exc:
            raise OfferError(_("This case has already been placed.")) from exc
        case_set_status(case=case, to_status=CaseStatus.PLACED, by=by, reason=_("Offer accepted"))
        overridden = ",".join(r.code for r in failures)
        detail = f"accepted override={overridden}" if overridden else "accepted"
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail=detail)
        _notify_staff(subject=_("A case offer was accepted"))
    return placement


def _team_accept(*, offer: CaseOffer, case: Case, by: User) -> Placement:
    from .team import TeamConstraintsFailed, TeamError, team_offer_accept

    try:
        placement = team_offer_accept(offer=offer, case=case, by=by)
    except TeamConstraintsFailed as exc:
        raise ConstraintsFailed(str(exc), reasons=exc.reasons, overridable=False) from exc
    except TeamError as exc:
        raise OfferError(str(exc)) from exc
    offer.status = OfferStatus.ACCEPTED
    offer.responded_at = placement.placed_at
    offer.save(update_fields=["status", "responded_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=offer, detail=f"accepted team role={offer.role}")
    _notify_staff(subject=_("A case offer was accepted"))
    return placement


def offer_decline(*, offer: CaseOffer, by: User, reason: str) -> CaseOffer:
    reason = " ".join(reason.split())[:300]
    if not reason:
        raise OfferError(_("Give a reason for declining."))
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=offer.case_id)
        locked = _own_pending(offer, by)
        locked.status = OfferStatus.DECLINED
        locked.decline_reason = reason
        locked.responded_at = timezone.now()
        locked.save(update_fields=["status", "decline_reason", "responded_at"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="declined")
        _after_lapse(offer=locked, case=case, why=_("Offer declined"))
        _notify_staff(subject=_("A case offer was declined"))
    return locked


def offers_expire_due(*, now: datetime.datetime | None = None) -> int:
    """Expire every pending offer past its deadline; cascade where staff asked. Safe to run twice."""
    now = now or timezone.now()
    expired = 0
    due = list(CaseOffer.objects.filter(status=OfferStatus.PENDING, expires_at__lte=now).values_list("pk", "case_id"))
    for offer_id, case_id in due:
        with transaction.atomic():
            case = Case.objects.select_for_update().get(pk=case_id)
            offer = CaseOffer.objects.select_for_update().get(pk=offer_id)
            if offer.status != OfferStatus.PENDING or offer.expires_at > now:
                continue
            offer.status = OfferStatus.EXPIRED
            offer.responded_at = now
            offer.save(update_fields=["status", "responded_at"])
            audit_record(actor=None, action=AuditEvent.Action.CHANGE, obj=offer, detail="expired")
            _after_lapse(offer=offer, case=case, why=_("Offer expired"))
            expired += 1
    return expired


def _next_candidate(case: Case, *, exclude: Collection[int] = ()) -> User | None:
    try:
        from .matching import next_candidate_for
    except ImportError:
        return None
    candidate = next_candidate_for(case, exclude=exclude)
    if candidate is not None and not isinstance(candidate, User):
        candidate = getattr(candidate, "user", candidate)
    return candidate if isinstance(candidate, User) else None


# The cascade skips an attorney whom the offer check refuses (matching's suggestion and the
# fresh check can disagree when data moved); past a few refusals the case waits for staff.
CASCADE_ATTEMPTS = 3


def _after_lapse(*, offer: CaseOffer, case: Case, why: str) -> None:
    """After a decline or expiry: back to the pool, then to the next ranked attorney if asked.

    The cascade never overrides a hard constraint: `offer_send` refuses an infeasible
    attorney and the next one is tried. A team offer's lapse changes nothing of the case."""
    if offer.role != TeamRole.LEAD:
        return
    case = case_set_status(case=case, to_status=CaseStatus.SEEKING, by=None, reason=why)
    if not offer.cascade:
        return
    refused: set[int] = set()
    for _attempt in range(CASCADE_ATTEMPTS):
        candidate = _next_candidate(case, exclude=refused)
        if candidate is None:
            return
        try:
            with transaction.atomic():
                offer_send(
                    case=case,
                    attorney=candidate,
                    by=offer.offered_by,
                    expires_in_days=max(1, (offer.expires_at - offer.offered_at).days),
                    cascade=True,
                    rank=(offer.rank or 1) + 1,
                )
        except ConstraintsFailed:
            refused.add(candidate.pk)
            continue
        except OfferError:
            break
        return
    logger.info("Cascade offer for case %s not sent; the case stays in the pool.", case.pk)


# ---------------------------------------------------------------------------
# Interest, placement end, mentors


def interest_express(*, case: Case, attorney: User) -> CaseInterest:
    """An attorney asks for a seeking case that passes every hard constraint for them."""
    case.refresh_from_db(fields=["status"])
    if case.status != CaseStatus.SEEKING or pair_constraint_failures(case=case, attorney=attorney):
        # Which constraint failed is not told: a recorded conflict is staff's to discuss.
        raise OfferError(_("This case is not open to you."))
    interest, created = CaseInterest.objects.get_or_create(case=case, attorney=attorney)
    if created:
        audit_record(actor=attorney, action=AuditEvent.Action.CREATE, obj=interest)
    return interest


def placement_close(
    *,
    placement: Placement,
    by: User,
    reason: str,
    reopen: bool = False,
    outcomes: list[ReliefOutcome] | None = None,
    remained_represented: str = "",
) -> Placement:
    """End a placement: the case closes, or returns to the pool when ``reopen``; with
    ``outcomes``, its structured outcome is recorded in the same transaction. The lead's end
    ends the case team's placements with it; a team member's end removes only them from the
    team (no outcome, the case unchanged)."""
    reason = " ".join(reason.split())
    if not reason:
        raise OfferError(_("Give a reason."))
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=placement.case_id)
        locked = Placement.objects.select_for_update().get(pk=placement.pk)
        if locked.closed_at is not None:
            raise OfferError(_("This placement has already ended."))
        if locked.role != TeamRole.LEAD:
            _placement_end(placement=locked, reason=reason, now=timezone.now())
            audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="removed from the team")
            return locked
        now = timezone.now()
        for member in (
            Placement.objects.select_for_update().filter(case=case, closed_at__isnull=True).exclude(pk=locked.pk)
        ):
            _placement_end(placement=member, reason=reason, now=now)
            audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=member, detail="team ended with the lead")
        for pending in CaseOffer.objects.select_for_update().filter(case=case, status=OfferStatus.PENDING):
            pending.status = OfferStatus.WITHDRAWN
            pending.responded_at = now
            pending.save(update_fields=["status", "responded_at"])
        if outcomes is not None:
            try:
                outcomes_save(placement=locked, by=by, outcomes=outcomes, remained_represented=remained_represented)
            except OutcomeError as exc:
                raise OfferError(str(exc)) from exc
        _placement_end(placement=locked, reason=reason, now=now)
        case_set_status(case=case, to_status=CaseStatus.SEEKING if reopen else CaseStatus.CLOSED, by=by, reason=reason)
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="placement ended")
    return locked


def active_mentee_count(*, mentor: User) -> int:
    return Mentorship.objects.filter(mentor=mentor, status=MentorshipStatus.ACTIVE).count()


def mentorship_assign(*, placement: Placement, mentor: User, by: User, cadence_days: int | None = None) -> Mentorship:
    """Staff confirm a mentor for a placed attorney, within the mentor's maximum mentees."""
    if not mentor.is_mentor:
        raise OfferError(_("This person is not a mentor."))
    if mentor.pk == placement.attorney_id:
        raise OfferError(_("An attorney cannot mentor themselves."))
    with transaction.atomic():
        profile = MentorProfile.objects.select_for_update().filter(user=mentor).first()
        if profile is None:
            raise OfferError(_("This mentor has no mentor profile yet."))
        locked = Placement.objects.select_for_update().select_related("case").get(pk=placement.pk)
        if locked.closed_at is not None:
            raise OfferError(_("This placement has ended."))
        if locked.role != TeamRole.LEAD:
            raise OfferError(_("A mentor is assigned to the lead attorney's placement, not to a team member's."))
        if Mentorship.objects.filter(placement=locked, status=MentorshipStatus.ACTIVE).exists():
            raise OfferError(_("This placement already has a mentor."))
        if active_mentee_count(mentor=mentor) >= profile.max_mentees:
            raise OfferError(_("This mentor has no free capacity."))
        if mentor_conflicted(mentor_id=mentor.pk, case_id=locked.case_id):
            raise OfferError(_("This mentor is conflicted out of the case; choose another mentor."))
        if cadence_days is None:
            cadence_days = 7 if locked.case.detained else 30
        try:
            with transaction.atomic():
                mentorship = Mentorship.objects.create(
                    placement=locked,
                    case=locked.case,
                    mentor=mentor,
                    mentee=locked.attorney,
                    assigned_by=by,
                    cadence_days=cadence_days,
                )
        except IntegrityError as exc:
            raise OfferError(_("This placement already has a mentor.")) from exc
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=mentorship)
        _notify(user=mentor, subject=gettext_lazy("You have a new mentee"), route="mentorship:mentor_home")
        _notify(user=locked.attorney, subject=gettext_lazy("A mentor has been assigned"), route="mentorship:my_cases")
    return mentorship


def mentorship_end(*, mentorship: Mentorship, by: User) -> Mentorship:
    with transaction.atomic():
        locked = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if locked.status != MentorshipStatus.ACTIVE:
            raise OfferError(_("This mentorship has already ended."))
        locked.status = MentorshipStatus.ENDED
        locked.ended_at = timezone.now()
        locked.save(update_fields=["status", "ended_at"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="ended")
    return locked
