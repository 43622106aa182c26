"""Structured outcomes of a placement: what each relief sought came to, and whether the
survivor stayed represented. The figures funders and the program's evaluation ask for."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..models import Placement, PlacementOutcome, ReliefResult, Representation


class OutcomeError(Exception):
    """An outcome that cannot be recorded as given; the message says why."""


@dataclass(frozen=True)
class ReliefOutcome:
    relief_type: str
    result: str
    decided_on: datetime.date | None = None
    appeal_filed: bool = False


def _check(placement: Placement, outcomes: list[ReliefOutcome], remained_represented: str) -> None:
    sought = set(placement.case.relief_types or ())
    if remained_represented not in Representation.values:
        raise OutcomeError(_("Say whether the survivor remained represented."))
    if {o.relief_type for o in outcomes} != sought or len(outcomes) != len(sought):
        raise OutcomeError(_("Give one result for each relief the case seeks."))
    today = timezone.localdate()
    for outcome in outcomes:
        if outcome.result not in ReliefResult.values:
            raise OutcomeError(_("Choose a result from the list."))
        if outcome.decided_on and outcome.decided_on > today:
            raise OutcomeError(_("A decision date cannot be in the future."))
        if outcome.result == ReliefResult.NO_DECISION and (outcome.decided_on or outcome.appeal_filed):
            raise OutcomeError(_("With no decision yet there is no decision date or appeal."))


def outcomes_save(
    *, placement: Placement, by: User, outcomes: list[ReliefOutcome], remained_represented: str
) -> Placement:
    """Record (or correct) the outcome of a placement, all of it or nothing. Call inside the
    caller's transaction when closing; on its own it takes its own."""
    with transaction.atomic():
        locked = Placement.objects.select_for_update().select_related("case").get(pk=placement.pk)
        _check(locked, outcomes, remained_represented)
        now = timezone.now()
        for outcome in outcomes:
            PlacementOutcome.objects.update_or_create(
                placement=locked,
                relief_type=outcome.relief_type,
                defaults={
                    "result": outcome.result,
                    "decided_on": outcome.decided_on,
                    "appeal_filed": outcome.appeal_filed,
                    "recorded_by": by,
                    "recorded_at": now,
                },
            )
        locked.remained_represented = remained_represented
        locked.save(update_fields=["remained_represented"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="outcome recorded")
    return locked
