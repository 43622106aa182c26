"""The explained path: every constraint and term of a pair in words, top-k suggestions, who fits.

It computes the same vectors as the batch (the tables in `constraints` and `terms`), so a
single explanation and the batch can never disagree; `evaluate` runs them on a pool of one.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .constraints import BY_CODE, CONSTRAINT_CODES, Scope, failed_masks, feasible
from .pool import AttorneyPool, as_pool, round_half_up
from .terms import TERMS, point_at, slot_points, term_points
from .types import AttorneyInput, CaseInput, Evaluation, Exclusion, MatchContext, Reason, Term


def normalise(points, total: int):
    """Raw points on the 0-100 score scale."""
    return round_half_up(100 * np.asarray(points) / max(total, 1))


def _evaluation(
    case: CaseInput, pool: AttorneyPool, failed: dict[str, np.ndarray], points: dict, i: int, slot: int = 0
) -> Evaluation:
    context = pool.context
    attorney = pool.attorneys[i]
    terms = tuple(
        Term(
            term.name,
            term.title,
            point_at(points[term.name] if term.points is not None else term.points_for(pool, case, slot), i),
            term.max_points(context.weights),
            term.explain(case, attorney, context, slot),
        )
        for term in TERMS
    )
    total = sum(t.points for t in terms)
    reasons = tuple(
        BY_CODE[code].attorney_reason(case, attorney, context)
        for code in CONSTRAINT_CODES
        if code in failed and failed[code][i]
    )
    return Evaluation(
        case_id=case.id,
        attorney_id=attorney.id,
        feasible=not reasons,
        failed_constraints=reasons,
        score=int(normalise(total, context.weights.total)),
        points=total,
        terms=terms,
    )


def evaluate(case: CaseInput, attorney: AttorneyInput, *, context: MatchContext | None = None) -> Evaluation:
    """Every hard constraint and soft term for one pair, with explanations."""
    pool = AttorneyPool([attorney], context or MatchContext())
    return _evaluation(case, pool, failed_masks(pool, case), term_points(pool, case), 0)


def top_k(
    case: CaseInput,
    attorneys: AttorneyPool | Iterable[AttorneyInput],
    k: int = 10,
    *,
    context: MatchContext | None = None,
) -> tuple[list[Evaluation], list[Exclusion]]:
    """The k best feasible attorneys for a case (explained) and everyone excluded, with why.

    Ties in score go to the lower attorney id, so the same data always gives the same list.
    """
    pool = as_pool(attorneys, context)
    context = pool.context
    failed = failed_masks(pool, case)
    points = term_points(pool, case)
    ok = np.ones(len(pool), dtype=bool)
    for mask in failed.values():
        ok &= ~mask
    total = slot_points(pool, 0) + sum(points.values())
    feasible_idx = np.flatnonzero(ok)
    # lexsort: last key is primary; higher points first, then lower id (index order = id order).
    order = feasible_idx[np.lexsort((feasible_idx, -total[feasible_idx]))][: max(k, 0)]
    suggestions = [_evaluation(case, pool, failed, points, int(i)) for i in order]

    failing = [code for code in CONSTRAINT_CODES if code in failed and failed[code].any()]
    shared = {code: BY_CODE[code].reason(case, context) for code in failing}
    excluded_idx = np.flatnonzero(~ok)
    # One bit per failed constraint, so attorneys excluded for the same reasons share one tuple.
    bits = np.zeros(len(pool), dtype=np.int64)
    for bit, code in enumerate(failing):
        bits |= failed[code].astype(np.int64) << bit
    reasons_for: dict[int, tuple[Reason, ...]] = {}
    excluded = []
    for attorney_id, key in zip(pool.ids[excluded_idx].tolist(), bits[excluded_idx].tolist(), strict=True):
        reasons = reasons_for.get(key)
        if reasons is None:
            reasons = reasons_for[key] = tuple(shared[code] for bit, code in enumerate(failing) if key >> bit & 1)
        excluded.append(Exclusion(attorney_id=attorney_id, reasons=reasons))
    return suggestions, excluded


def feasible_attorney_ids(case: CaseInput, pool: AttorneyPool) -> list[int]:
    """Every attorney in the pool who passes every hard constraint for the case, by id."""
    return pool.ids[feasible(pool, case)].tolist()


def fitting_case_ids(cases: Iterable[CaseInput], attorney: AttorneyInput, *, context: MatchContext) -> list[int]:
    """The cases this attorney passes every hard constraint for, in the order given."""
    pool = AttorneyPool([attorney], context)
    return [case.id for case in cases if feasible(pool, case)[0]]


def why_cases_do_not_fit(
    cases: Iterable[CaseInput], attorney: AttorneyInput, *, context: MatchContext
) -> list[tuple[Reason, int]]:
    """For an attorney: each hard constraint that keeps cases from them, with how many cases it
    excludes; most cases first.

    Only a constraint on the attorney alone (capacity, pause, bar admission) is worded in full,
    with their own figures; the others are named by their title, since their words describe the
    case (its languages, its relief), and cases that do not fit an attorney are not shown to them."""
    pool = AttorneyPool([attorney], context)
    first: dict[str, Reason] = {}
    counts: dict[str, int] = {}
    for case in cases:
        failed = failed_masks(pool, case)
        for code in CONSTRAINT_CODES:
            if code in failed and failed[code][0]:
                constraint = BY_CODE[code]
                if code not in first:
                    first[code] = (
                        constraint.attorney_reason(case, attorney, context)
                        if constraint.scope is Scope.ATTORNEY
                        else Reason(code, constraint.title)
                    )
                counts[code] = counts.get(code, 0) + 1
    order = {code: i for i, code in enumerate(CONSTRAINT_CODES)}
    return [(first[code], counts[code]) for code in sorted(counts, key=lambda c: (-counts[c], order[c]))]


def explain_assignment(
    case: CaseInput,
    attorneys: AttorneyPool | Iterable[AttorneyInput],
    attorney_id: int,
    *,
    slot: int = 0,
    context: MatchContext | None = None,
) -> Evaluation:
    """The explanation of one proposed pair, with the load term as it stands for that slot."""
    pool = as_pool(attorneys, context)
    return _evaluation(case, pool, failed_masks(pool, case), term_points(pool, case), pool.index[attorney_id], slot)
