"""The batch: the optimal assignment of every open case to attorneys, with capacities.

The objective is lexicographic: first place as many cases as possible; among those
assignments, place as many urgent cases as possible (detained docket, or a hard date
inside the urgent window); among those, collect the most score points. For a survivor, an
attorney is worth more than a better-scored attorney for someone else.

It is solved exactly as one min-cost assignment with big-M values (see `_tier_values`): a
min-cost assignment (each attorney offers one column per free slot, each case one
"unassigned" column) solved with SciPy's sparse LAPJV on a candidate subset of edges, then
proved optimal over *all* feasible edges with dual potentials: any edge left out with a
negative reduced cost is added and the problem solved again. The result is therefore the
optimum of the full problem, not of the subset.
"""

from __future__ import annotations

from collections.abc import Iterable
from time import perf_counter

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from .constraints import BY_CODE, CONSTRAINT_CODES, able, failed_masks, feasible
from .explain import normalise
from .pool import AttorneyPool, as_pool
from .terms import case_points, slot_points
from .types import (
    Assignment,
    AttorneyInput,
    BatchResult,
    CaseInput,
    MatchContext,
    Reason,
    Unassigned,
    date_is_urgent,
)

_INITIAL_CANDIDATES = 40  # attorneys per case in the first subproblem
_MAX_ROUNDS = 6


def case_priority(case: CaseInput, context: MatchContext) -> int:
    """The case's tier in the batch: 1 when urgent (detained docket, or a hard date inside the
    urgent window), else 0. Among assignments placing the most cases, the batch places the
    most tier-1 cases, and only then looks at the score."""
    return int(case.detained or date_is_urgent(case, context))


def _tier_values(urgent: np.ndarray, max_points: int) -> np.ndarray:
    """What placing each case is worth before its score points, so that the one weighted sum
    the solver maximises orders assignments lexicographically: (cases placed, urgent cases
    placed, points).

    With P = `max_points`, an upper bound on the total points any assignment can collect,
    and U the number of urgent cases, take M_urgent = P + 1 and M_case = (U + 1) * M_urgent.
    An assignment placing the set S of cases is worth
        M_case * |S| + M_urgent * urgent(S) + points(S),  with 0 <= points(S) <= P and
        0 <= urgent(S) <= U.
    One more case placed gains M_case and loses at most U * M_urgent + P = M_case - 1; at
    the same count, one more urgent case gains M_urgent and loses at most P = M_urgent - 1.
    So more cases always win, then more urgent cases, then more points.

    (Whether count or urgency comes first makes no difference to the first two tiers: the
    sets of cases that can be placed together form a transversal matroid, so a placement
    with the most urgent cases extends to one with the most cases that keeps them all. The
    order only has to put both above the points, which this does.)

    The values pass through float64 (csr_matrix, the potentials); every sum the solver or
    the verification forms is an integer below 2**53, hence exact: see `_check_exact`.
    """
    m_urgent = max_points + 1
    m_case = (int(urgent.sum()) + 1) * m_urgent
    return m_case + m_urgent * urgent.astype(np.int64)


class BatchTooLarge(ValueError):
    """More cases than the float64 weights can order exactly (tens of thousands)."""


def _check_exact(n_cases: int, big: int) -> None:
    # A path of the residual graph has at most 2 * n_cases + 1 edges, each of weight at most
    # `big` in absolute value; the matching's total is a sum of n_cases of them.
    if (2 * n_cases + 1) * big >= 2**53:
        raise BatchTooLarge("too many cases in one batch for exact float64 weights; split the batch")


def solve_batch(
    cases: Iterable[CaseInput],
    attorneys: AttorneyPool | Iterable[AttorneyInput],
    *,
    context: MatchContext | None = None,
    candidates_per_case: int = _INITIAL_CANDIDATES,
) -> BatchResult:
    """The assignment of open cases to attorneys that places the most cases, then the most
    urgent cases, then collects the most points.

    Points of placing case i with attorney a as their (j+1)-th new case of the batch: the
    raw points of every term, the load term at slot j. Cases may stay unassigned. The
    result is optimal over every feasible pair and the same for the same data.

    `candidates_per_case` only sizes the first subproblem (speed); the answer does not
    depend on it.
    """
    started = perf_counter()
    pool = as_pool(attorneys, context)
    context = pool.context
    cases = sorted(cases, key=lambda c: c.id)
    if len({c.id for c in cases}) != len(cases):
        raise ValueError("case ids must be unique")
    n_cases = len(cases)
    if n_cases == 0:
        return BatchResult((), (), 0, 0, 0, 0, 0, False, (perf_counter() - started) * 1000)

    # Only attorneys who can take a case at all become columns.
    columns = np.flatnonzero(able(pool))
    n_att = len(columns)
    points = np.zeros((n_cases, n_att), dtype=np.int32)
    usable = np.zeros((n_cases, n_att), dtype=bool)
    # One buffer of each kind for every case: allocating 1,000 of them costs more than the sums.
    points_buffer = np.empty(len(pool), dtype=np.int32)
    feasible_buffer = np.empty(len(pool), dtype=bool)
    for r, case in enumerate(cases):
        np.take(case_points(pool, case, out=points_buffer), columns, out=points[r])
        np.take(feasible(pool, case, out=feasible_buffer), columns, out=usable[r])

    # A case can use at most one slot per attorney, so no attorney needs more slots than cases.
    slots = np.minimum(pool.capacity_left[columns], n_cases).astype(np.int64)
    max_slots = int(slots.max()) if n_att else 0
    load = np.zeros((n_att, max(max_slots, 1)), dtype=np.int64)
    for j in range(max_slots):
        load[:, j] = slot_points(pool, j)[columns]
    slot_start = np.concatenate(([0], np.cumsum(slots)[:-1])).astype(np.int64) if n_att else np.zeros(0, np.int64)
    n_slot_cols = int(slots.sum())

    urgent = np.array([case_priority(c, context) for c in cases], dtype=np.int64)
    # No pair collects more than the best case points plus the best load points, and no
    # assignment more than n_cases such pairs.
    best_pair = int(points.max(initial=0)) + int(load.max(initial=0))
    priority_raw = _tier_values(urgent, n_cases * best_pair)
    # Every edge weight big - value is >= 1; leaving a case unassigned costs big.
    big = int(priority_raw.max(initial=0)) + best_pair + 1
    _check_exact(n_cases, big)
    candidates = _initial_candidates(points + load[:, 0][None, :].astype(np.int32), usable, candidates_per_case)
    rounds, full_graph = 0, False
    while True:
        rounds += 1
        if rounds > _MAX_ROUNDS and not full_graph:
            candidates = usable.copy()
            full_graph = True
        rows, atts = np.nonzero(candidates)
        matched, edge_count, potentials = _solve_subproblem(
            rows, atts, points, load, slots, slot_start, priority_raw, big, n_cases, n_slot_cols
        )
        if full_graph:
            break
        violations = _violations(potentials, candidates, usable, points, load, slots, slot_start, priority_raw, big)
        if violations is None:
            candidates = usable.copy()
            full_graph = True
            continue
        if not violations.any():
            break
        candidates |= violations

    weights_total = context.weights.total
    assignments, unassigned = [], []
    objective = 0
    total_score = 0
    urgent_placed = 0
    slot_owner = np.repeat(np.arange(n_att), slots)
    for r, case in enumerate(cases):
        col = matched[r]
        if col < n_slot_cols:
            a = int(slot_owner[col])
            j = int(col - slot_start[a])
            raw = int(points[r, a] + load[a, j])
            score = int(normalise(raw, weights_total))
            objective += raw
            total_score += score
            urgent_placed += int(urgent[r])
            assignments.append(Assignment(case.id, pool.attorneys[int(columns[a])].id, score, j))
        else:
            count = int(usable[r].sum())
            unassigned.append(Unassigned(case.id, _unassigned_reason(case, count, pool), count))
    return BatchResult(
        assignments=tuple(assignments),
        unassigned=tuple(unassigned),
        objective=objective,
        urgent_placed=urgent_placed,
        total_score=total_score,
        rounds=rounds,
        candidate_edges=edge_count,
        full_graph=full_graph,
        solver_ms=(perf_counter() - started) * 1000,
    )


def _initial_candidates(value: np.ndarray, usable: np.ndarray, k: int) -> np.ndarray:
    """Each case's k best-valued feasible attorneys, for the first subproblem (`value` is overwritten)."""
    n_cases, n_att = value.shape
    k = max(k, 1)
    if n_att <= k:
        return usable.copy()
    # The k smallest of -value, unusable pairs last; in place, as the matrix is large.
    negated = np.negative(value, out=value)
    np.copyto(negated, 1, where=~usable)
    top = np.argpartition(negated, k, axis=1)[:, :k]
    chosen = np.zeros_like(usable)
    np.put_along_axis(chosen, top, True, axis=1)
    return chosen & usable


def _solve_subproblem(rows, atts, points, load, slots, slot_start, priority_raw, big, n_cases, n_slot_cols):
    """Solve the assignment on the candidate edges; return the matched column per case and potentials."""
    per_edge_slots = slots[atts]
    edge_rows = np.repeat(rows, per_edge_slots)
    edge_atts = np.repeat(atts, per_edge_slots)
    offsets = np.arange(len(edge_rows)) - np.repeat(np.cumsum(per_edge_slots) - per_edge_slots, per_edge_slots)
    edge_cols = slot_start[edge_atts] + offsets
    edge_w = big - (points[edge_rows, edge_atts].astype(np.int64) + load[edge_atts, offsets] + priority_raw[edge_rows])

    dummy = np.arange(n_cases)
    all_rows = np.concatenate([edge_rows, dummy])
    all_cols = np.concatenate([edge_cols, n_slot_cols + dummy])
    all_w = np.concatenate([edge_w, np.full(n_cases, big, dtype=np.int64)]).astype(np.float64)
    graph = csr_matrix((all_w, (all_rows, all_cols)), shape=(n_cases, n_slot_cols + n_cases))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    matched = np.empty(n_cases, dtype=np.int64)
    matched[row_ind] = col_ind
    potentials = _potentials(all_rows, all_cols, all_w, matched, n_cases, n_slot_cols + n_cases)
    return matched, len(all_w), potentials


def _potentials(rows, cols, weights, matched, n_rows, n_cols):
    """Shortest-path potentials on the residual graph of an optimal matching (Bellman-Ford).

    Nodes: rows, columns, and a sink t joined to every column (free columns may flow to t,
    used ones may be re-entered from t). With these potentials every residual edge has a
    non-negative reduced cost, which is the optimality certificate the caller extends to
    edges left out of the subproblem. Returns None if they do not settle (never expected).
    """
    t = n_rows + n_cols
    is_matched = matched[rows] == cols
    col_nodes = n_rows + cols
    src = np.where(is_matched, col_nodes, rows)
    dst = np.where(is_matched, rows, col_nodes)
    w = np.where(is_matched, -weights, weights)
    col_used = np.zeros(n_cols, dtype=bool)
    col_used[matched] = True
    all_cols = np.arange(n_cols)
    src = np.concatenate([src, np.where(col_used, t, n_rows + all_cols)])
    dst = np.concatenate([dst, np.where(col_used, n_rows + all_cols, t)])
    w = np.concatenate([w, np.zeros(n_cols)])

    order = np.argsort(dst, kind="stable")
    src, dst, w = src[order], dst[order], w[order]
    heads, starts = np.unique(dst, return_index=True)
    d = np.zeros(t + 1)
    for _iteration in range(t + 2):
        best_in = np.minimum.reduceat(d[src] + w, starts)
        new = d.copy()
        new[heads] = np.minimum(d[heads], best_in)
        if np.array_equal(new, d):
            return {"rows": d[:n_rows], "cols": d[n_rows:t], "t": d[t]}
        d = new
    return None


def _violations(potentials, candidates, usable, points, load, slots, slot_start, priority_raw, big):
    """Pairs left out of the subproblem whose reduced cost is negative (they could improve it)."""
    if potentials is None:
        return None
    n_att = len(slots)
    # For each attorney, the most favourable of its slot columns: min over slots of -load - potential.
    in_graph = candidates.any(axis=0)
    h = np.full(n_att, np.inf)
    max_slots = load.shape[1]
    for j in range(max_slots):
        has = slots > j
        col_potential = np.full(n_att, potentials["t"])
        idx = np.flatnonzero(has & in_graph)
        col_potential[idx] = potentials["cols"][slot_start[idx] + j]
        value = np.where(has, -load[:, j] - col_potential, np.inf)
        h = np.minimum(h, value)
    threshold = big - priority_raw + potentials["rows"]
    # Every quantity is an integer held exactly in float64 (see `_check_exact`), so a half
    # point of tolerance separates "improves" from "ties" without rounding doubt.
    return usable & ~candidates & (points > threshold[:, None] + h[None, :] + 0.5)


NEEDED_ELSEWHERE = "needed_elsewhere"
NO_FEASIBLE = "no_feasible"


def _unassigned_reason(case: CaseInput, feasible_count: int, pool: AttorneyPool) -> Reason:
    context = pool.context
    if feasible_count:
        # True by construction: the batch places the most cases it can, so every attorney who
        # fits is full with other cases of the batch, and moving any of those cases elsewhere
        # would free a place only by leaving some case unplaced (else one more case could be
        # placed).
        return Reason(
            NEEDED_ELSEWHERE,
            ngettext(
                "The one attorney who fits this case is needed to place other cases of this batch: "
                "placing this one would leave another case unplaced. The batch places as many cases "
                "as it can, urgent cases first, then the best scores.",
                "Each of the %(count)s attorneys who fit this case is needed to place other cases of "
                "this batch: placing this one would leave another case unplaced. The batch places as "
                "many cases as it can, urgent cases first, then the best scores.",
                feasible_count,
            )
            % {"count": feasible_count},
        )
    failed_counts = {code: int(mask.sum()) for code, mask in failed_masks(pool, case).items()}
    if failed_counts and len(pool):
        code = max(CONSTRAINT_CODES, key=lambda c: (failed_counts.get(c, 0), -CONSTRAINT_CODES.index(c)))
        return Reason(
            NO_FEASIBLE,
            _("No attorney meets every requirement; the most common obstacle is %(reason)s")
            % {"reason": BY_CODE[code].reason(case, context).text},
        )
    return Reason(NO_FEASIBLE, _("No attorney meets every requirement"))
