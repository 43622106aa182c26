"""Acting on matching results: publishing a reviewed batch as offers, and the offer cascade."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..matching import AttorneyPool, top_k
from ..models import Case, CaseStatus
from ..selectors import matching as selectors
from .offers import ConstraintsFailed, OfferError, offer_send


@dataclass(frozen=True)
class PublishOutcome:
    case_id: int
    attorney_id: int
    sent: bool
    message: str


def batch_publish(*, by: User, pairs: list[tuple[int, int]]) -> list[PublishOutcome]:
    """Send an offer for every (case id, attorney id) pair staff accepted from a batch proposal.

    The data may have moved since the proposal was shown, so `offer_send` checks each pair
    again against the hard constraints on fresh inputs (earlier offers of this same
    publication count against an attorney's capacity, being pending offers by then); a pair
    that no longer fits is reported, not sent, and never overridden. Each offer is its own
    transaction, so one refusal does not undo the others.
    """
    pairs = sorted({(int(c), int(a)) for c, a in pairs})
    if not pairs:
        return []
    case_objects = selectors.cases_by_id(ids={c for c, _a in pairs})
    users = selectors.attorneys_by_id(ids={a for _c, a in pairs})
    seen_cases: set[int] = set()
    outcomes = []
    for case_id, attorney_id in pairs:
        if case_id in seen_cases:
            outcomes.append(PublishOutcome(case_id, attorney_id, False, _("Only one offer per case.")))
            continue
        seen_cases.add(case_id)
        if case_id not in case_objects or attorney_id not in users:
            outcomes.append(
                PublishOutcome(case_id, attorney_id, False, _("This case or attorney is no longer available."))
            )
            continue
        try:
            offer_send(case=case_objects[case_id], attorney=users[attorney_id], by=by, rank=1)
        except ConstraintsFailed as exc:
            outcomes.append(PublishOutcome(case_id, attorney_id, False, "; ".join(r.text for r in exc.reasons)))
            continue
        except OfferError as exc:
            outcomes.append(PublishOutcome(case_id, attorney_id, False, str(exc)))
            continue
        outcomes.append(PublishOutcome(case_id, attorney_id, True, _("Offer sent.")))
    audit_record(
        actor=by,
        action=AuditEvent.Action.CREATE,
        object_type="mentorship.matching_batch",
        detail=f"offers={sum(o.sent for o in outcomes)} refused={sum(not o.sent for o in outcomes)}",
    )
    return outcomes


def next_candidate_for(case: Case, *, exclude: Collection[int] = ()) -> User | None:
    """The best attorney to offer this case to next (for the cascade), or None.

    Anyone it was offered to before is skipped, whatever their answer (declines and
    conflicts are already hard constraints), and so is anyone in ``exclude``.
    """
    if case.status != CaseStatus.SEEKING:
        return None
    try:
        case_input, pool, context = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    except Case.DoesNotExist:
        return None
    skipped = selectors.offered_attorney_ids(case=case) | set(exclude)
    remaining = AttorneyPool([a for a in pool.attorneys if a.id not in skipped], context)
    suggestions, _excluded = top_k(case_input, remaining, 1, context=context)
    if not suggestions:
        return None
    return selectors.attorneys_by_id(ids=[suggestions[0].attorney_id]).get(suggestions[0].attorney_id)
