"""Acting on matching results: publishing a reviewed batch as offers, and the offer cascade."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..matching import AttorneyPool, evaluate, top_k
from ..models import Case, CaseStatus
from ..selectors import matching as selectors
from .offers import OfferError, offer_send


@dataclass(frozen=True)
class PublishOutcome:
    case_id: int
    attorney_id: int
    sent: bool
    message: str


def batch_publish(*, by: User, pairs: list[tuple[int, int]]) -> list[PublishOutcome]:
    """Send an offer for every (case id, attorney id) pair staff accepted from a batch proposal.

    The data may have moved since the proposal was shown, so each pair is checked again
    against the hard constraints on fresh inputs; a pair that no longer fits is reported,
    not sent. Each offer is its own transaction (through `offer_send`), so one refusal
    does not undo the others.
    """
    pairs = sorted({(int(c), int(a)) for c, a in pairs})
    seen_cases: set[int] = set()
    if not pairs:
        return []
    context = selectors.matching_context()
    cases, parties = selectors.case_inputs(case_ids=[c for c, _a in pairs])
    case_inputs = {c.id: c for c in cases}
    attorneys = {
        a.id: a for a in selectors.attorney_inputs(cases_parties=parties, required_training=context.required_training)
    }
    case_objects = selectors.cases_by_id(ids=case_inputs)
    users = selectors.attorneys_by_id(ids=[a for _c, a in pairs])
    taken: dict[int, int] = {}
    outcomes = []
    for case_id, attorney_id in pairs:
        case, attorney = case_inputs.get(case_id), attorneys.get(attorney_id)
        if case_id in seen_cases:
            outcomes.append(PublishOutcome(case_id, attorney_id, False, _("Only one offer per case.")))
            continue
        seen_cases.add(case_id)
        if case is None or attorney is None or case_id not in case_objects or attorney_id not in users:
            outcomes.append(
                PublishOutcome(case_id, attorney_id, False, _("This case or attorney is no longer available."))
            )
            continue
        # Earlier offers in this same publication count against the attorney's capacity.
        current = evaluate(
            case,
            _with_extra_load(attorney, taken.get(attorney_id, 0)),
            context=context,
        )
        if not current.feasible:
            reasons = "; ".join(r.text for r in current.failed_constraints)
            outcomes.append(PublishOutcome(case_id, attorney_id, False, reasons))
            continue
        try:
            offer_send(case=case_objects[case_id], attorney=users[attorney_id], by=by, rank=1)
        except OfferError as exc:
            outcomes.append(PublishOutcome(case_id, attorney_id, False, str(exc)))
            continue
        taken[attorney_id] = taken.get(attorney_id, 0) + 1
        outcomes.append(PublishOutcome(case_id, attorney_id, True, _("Offer sent.")))
    audit_record(
        actor=by,
        action=AuditEvent.Action.CREATE,
        object_type="mentorship.matching_batch",
        detail=f"offers={sum(o.sent for o in outcomes)} refused={sum(not o.sent for o in outcomes)}",
    )
    return outcomes


def _with_extra_load(attorney, extra: int):
    if not extra:
        return attorney
    return replace(attorney, active_cases=attorney.active_cases + extra)


def next_candidate_for(case: Case) -> User | None:
    """The best attorney to offer this case to next (for the cascade), or None.

    Anyone it was offered to before is skipped, whatever their answer; declines and
    conflicts are already hard constraints.
    """
    if case.status != CaseStatus.SEEKING:
        return None
    try:
        case_input, pool, context = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    except Case.DoesNotExist:
        return None
    asked = selectors.offered_attorney_ids(case=case)
    remaining = AttorneyPool([a for a in pool.attorneys if a.id not in asked], context)
    suggestions, _excluded = top_k(case_input, remaining, 1, context=context)
    if not suggestions:
        return None
    return selectors.attorneys_by_id(ids=[suggestions[0].attorney_id]).get(suggestions[0].attorney_id)
