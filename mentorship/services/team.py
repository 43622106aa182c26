"""The case team: co-counsel and a supervising attorney beside the lead attorney.

A placed case can take team members, each through an offer of their own that they answer as
the lead answered theirs: the party names, their own conflict check, then accept or decline.
A team member counts against their own capacity like any placement and is treated by policy,
audit and reminders as the placed attorney is (an open placement of the case is what those
rules read). What a team member must meet is narrower than the lead's hard constraints: no
conflict, room for another case, not paused, and a bar admission where the case needs one.
Language, relief training and experience are the lead's to bring; a team member is often
added for exactly what the lead lacks (a language, a supervisor's admission).

Team offers never cascade and never change the case's status; ending a team member's
placement removes them from the team and leaves the case as it is. Ending the lead's
placement (or closing the case) ends the whole team's.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..matching import Reason
from ..matching.constraints import BAR_ADMISSION, BAR_JURISDICTION, CAPACITY, CONFLICT, PAUSED
from ..models import TEAM_ROLES, Case, CaseOffer, CaseStatus, MatchingSettings, OfferStatus, Placement, TeamRole
from .placement_rules import NO_PROFILE, pair_constraint_failures

TEAM_CONSTRAINT_CODES = frozenset({NO_PROFILE, CONFLICT, CAPACITY, PAUSED, BAR_ADMISSION, BAR_JURISDICTION})


class TeamError(ValueError):
    """A team change that cannot be made; the text says why."""


class TeamConstraintsFailed(TeamError):
    def __init__(self, message: str, *, reasons: tuple[Reason, ...]):
        super().__init__(message)
        self.reasons = reasons


def team_constraint_failures(*, case: Case, attorney: User, accepting: CaseOffer | None = None) -> tuple[Reason, ...]:
    """The hard constraints a team member must meet that this attorney fails now."""
    failures = pair_constraint_failures(case=case, attorney=attorney, accepting=accepting)
    return tuple(reason for reason in failures if reason.code in TEAM_CONSTRAINT_CODES)


def _listed(reasons: tuple[Reason, ...]) -> str:
    return "; ".join(str(reason.text) for reason in reasons)


def team_offer_send(
    *, case: Case, attorney: User, role: str, by: User, expires_in_days: int | None = None
) -> CaseOffer:
    """Offer a place on a placed case's team. Refused, with the reasons, when the attorney is
    on the team already, has a pending offer of the case, or fails a team member's constraints."""
    from .offers import _notify

    if role not in TEAM_ROLES:
        raise TeamError(_("Choose co-counsel or supervising attorney."))
    days = expires_in_days if expires_in_days is not None else MatchingSettings.load().offer_expiry_days
    if days < 1 or days > 30:
        raise TeamError(_("An offer must expire within 1 to 30 days."))
    if not attorney.is_volunteer:
        raise TeamError(_("Only volunteer attorneys can receive case offers."))
    with transaction.atomic():
        # The case's row lock serialises every team change of the case: no two offers to one attorney.
        locked = Case.objects.select_for_update().get(pk=case.pk)
        open_placements = Placement.objects.filter(case=locked, closed_at__isnull=True)
        if locked.status != CaseStatus.PLACED or not open_placements.filter(role=TeamRole.LEAD).exists():
            raise TeamError(_("A case takes team members once its lead attorney is placed."))
        if open_placements.filter(attorney=attorney).exists():
            raise TeamError(_("This attorney is on the case team already."))
        if CaseOffer.objects.filter(case=locked, attorney=attorney, status=OfferStatus.PENDING).exists():
            raise TeamError(_("This attorney has a pending offer of this case already."))
        failures = team_constraint_failures(case=locked, attorney=attorney)
        if failures:
            raise TeamConstraintsFailed(
                _("This attorney cannot join the team: %(reasons)s.") % {"reasons": _listed(failures)},
                reasons=failures,
            )
        now = timezone.now()
        offer = CaseOffer.objects.create(
            case=locked,
            attorney=attorney,
            role=role,
            offered_by=by,
            offered_at=now,
            expires_at=now + datetime.timedelta(days=days),
            cascade=False,
        )
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=offer, detail=f"team role={role}")
        _notify(user=attorney, subject=gettext_lazy("You have a new case offer"), route="mentorship:my_offers")
    return offer


def team_offer_accept(*, offer: CaseOffer, case: Case, by: User) -> Placement:
    """The team part of accepting (called by `offer_accept` under its locks): the case must still
    have its lead, and the attorney must still meet a team member's constraints."""
    if not Placement.objects.filter(case=case, role=TeamRole.LEAD, closed_at__isnull=True).exists():
        raise TeamError(_("This case no longer has a lead attorney; program staff will be in touch."))
    blocking = team_constraint_failures(case=case, attorney=by, accepting=offer)
    if blocking:
        raise TeamConstraintsFailed(
            _("You cannot accept this case now: %(reasons)s. Program staff can tell you more.")
            % {"reasons": _listed(blocking)},
            reasons=blocking,
        )
    return Placement.objects.create(case=case, attorney=by, offer=offer, role=offer.role, placed_at=timezone.now())
