"""The batch against brute force on small random instances: the most cases placed, then the
most urgent cases, then the best points; never a broken constraint or capacity; and every
unplaced case explained truthfully."""

import itertools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorship.matching import (
    AttorneyInput,
    AttorneyPool,
    CaseInput,
    MatchContext,
    Rules,
    Weights,
    case_priority,
    evaluate,
    explain_assignment,
    solve_batch,
)

small_case = st.builds(
    CaseInput,
    id=st.just(0),
    languages=st.sampled_from([("spa",), ("mam",), ("mam", "spa"), ("hat",), ()]),
    min_ilr=st.integers(2, 4),
    interpreter_arranged=st.booleans(),
    relief_types=st.sampled_from([("asylum",), ("u_visa",), ("asylum", "u_visa"), ()]),
    detained=st.booleans(),
    location=st.sampled_from(["", "Houston", "Dallas"]),
    required_bar_jurisdiction=st.sampled_from(["", "", "NY"]),
    hard_date_within_days=st.one_of(st.none(), st.integers(1, 120)),
    interested_attorney_ids=st.frozensets(st.integers(100, 103), max_size=2),
    related_attorney_ids=st.frozensets(st.integers(100, 103), max_size=1),
)
small_attorney = st.builds(
    AttorneyInput,
    id=st.just(0),
    languages=st.dictionaries(st.sampled_from(["spa", "mam", "hat"]), st.integers(0, 5), max_size=2),
    relief_experience=st.dictionaries(st.sampled_from(["asylum", "u_visa"]), st.integers(0, 3), max_size=2),
    completed_courses=st.frozensets(st.sampled_from([11, 12, 21]), max_size=3),
    capacity=st.integers(0, 2),
    active_cases=st.integers(0, 1),
    paused=st.sampled_from([False, False, False, True]),
    detained_ok=st.booleans(),
    locations=st.frozensets(st.sampled_from(["Houston", "Dallas"]), max_size=1),
    remote_ok=st.booleans(),
    active_bar_jurisdictions=st.sampled_from([frozenset({"TX"}), frozenset({"TX"}), frozenset({"TX", "NY"})]),
    conflicted_case_ids=st.frozensets(st.integers(1, 5), max_size=1),
    declined_case_ids=st.frozensets(st.integers(1, 5), max_size=1),
    last_placed_days_ago=st.one_of(st.none(), st.integers(0, 200)),
)
weight = st.sampled_from([0, 5, 10, 20, 100])
contexts = st.builds(
    MatchContext,
    required_training=st.just({"asylum": frozenset({11, 12}), "u_visa": frozenset({21})}),
    weights=st.builds(
        Weights,
        language=weight,
        relief_experience=weight,
        urgency=weight,
        geography=weight,
        load=weight,
        interest=weight,
        continuity=weight,
        mentor=weight,
    ),
    rules=st.builds(Rules, urgent_within_days=st.sampled_from([30, 60]), urgent_min_experience=st.integers(0, 3)),
    mentor_slots=st.sampled_from([{}, {"asylum": 1}]),
)


def at_slot(attorney: AttorneyInput, slot: int) -> AttorneyInput:
    """The attorney as they stand for their (slot + 1)-th new case of the batch."""
    if not slot:
        return attorney
    return replace(attorney, active_cases=attorney.active_cases + slot, last_placed_days_ago=0)


def brute_force_best(cases, attorneys, context) -> tuple[int, int, int]:
    """The lexicographic best (cases placed, urgent cases placed, points) over every assignment."""
    n = len(cases)
    slots = [min(a.capacity_left, n) for a in attorneys]
    # Points of (case, attorney, slot), for feasible pairs only. The load term does not depend
    # on the case, so giving an attorney's slots to their cases in any order totals the same.
    points = {}
    for r, case in enumerate(cases):
        for a, attorney in enumerate(attorneys):
            if evaluate(case, attorney, context=context).feasible:
                for j in range(slots[a]):
                    points[r, a, j] = evaluate(case, at_slot(attorney, j), context=context).points
    urgent = [case_priority(c, context) for c in cases]
    best = (0, 0, 0)
    for choice in itertools.product([None, *range(len(attorneys))], repeat=n):
        used = [0] * len(attorneys)
        value = [0, 0, 0]
        for r, a in enumerate(choice):
            if a is None:
                continue
            if (r, a, used[a]) not in points:
                break
            value[0] += 1
            value[1] += urgent[r]
            value[2] += points[r, a, used[a]]
            used[a] += 1
        else:
            best = max(best, tuple(value))
    return best


def graphs(draw_cases: int, draw_attorneys: int):
    """Instances that are a random bipartite graph with random points: case r speaks only its
    own language, each attorney speaks some of them at levels 1-5 (ILR 1 fits; the level gives
    the points), and interest and continuity add more. Chains of better-scored pairs, the
    trap for an objective that trades cases for points, are common here."""
    languages = [f"l{r:02d}" for r in range(draw_cases)]
    ids = st.integers(100, 100 + draw_attorneys - 1)

    def case(r: int):
        return st.builds(
            lambda keen, family, urgent: CaseInput(
                id=r + 1,
                languages=(languages[r],),
                min_ilr=1,
                interested_attorney_ids=keen,
                related_attorney_ids=family,
                hard_date_within_days=10 if urgent else None,
            ),
            st.frozensets(ids, max_size=2),
            st.frozensets(ids, max_size=1),
            st.booleans(),
        )

    attorney = st.builds(
        lambda levels, capacity: AttorneyInput(
            id=0,
            languages={languages[r]: level for r, level in levels.items()},
            capacity=capacity,
            active_bar_jurisdictions=frozenset({"TX"}),
        ),
        st.dictionaries(st.integers(0, draw_cases - 1), st.integers(1, 5), max_size=draw_cases),
        st.integers(0, 2),
    )
    return st.tuples(
        st.tuples(*(case(r) for r in range(draw_cases))).map(list),
        st.lists(attorney, min_size=draw_attorneys, max_size=draw_attorneys),
    )


def check_batch(cases, attorneys, context, candidates_per_case):
    cases = [replace(c, id=i + 1) for i, c in enumerate(cases)]
    attorneys = [replace(a, id=100 + i) for i, a in enumerate(attorneys)]
    # Small first subproblems make the verify-and-extend rounds do the work.
    result = solve_batch(cases, attorneys, context=context, candidates_per_case=candidates_per_case)
    assert (len(result.assignments), result.urgent_placed, result.objective) == brute_force_best(
        cases, attorneys, context
    )

    by_case = {c.id: c for c in cases}
    by_id = {a.id: a for a in attorneys}
    pool = AttorneyPool(attorneys, context)
    # Every proposed pair passes every hard constraint; capacities hold; slots are 0, 1, ...
    for assignment in result.assignments:
        case, attorney = by_case[assignment.case_id], by_id[assignment.attorney_id]
        assert evaluate(case, attorney, context=context).feasible
        explained = explain_assignment(case, pool, attorney.id, slot=assignment.slot)
        assert explained.score == assignment.score
    taken = {a.id: sorted(x.slot for x in result.assignments if x.attorney_id == a.id) for a in attorneys}
    for attorney in attorneys:
        assert len(taken[attorney.id]) <= attorney.capacity_left
        assert taken[attorney.id] == list(range(len(taken[attorney.id])))
    assert result.urgent_placed == sum(case_priority(by_case[x.case_id], context) for x in result.assignments)

    # An unplaced case is explained truthfully: either nobody fits it, or everyone who fits it
    # is full with other cases of this batch.
    for left in result.unassigned:
        case = by_case[left.case_id]
        fitting = [a for a in attorneys if evaluate(case, a, context=context).feasible]
        assert left.feasible_attorneys == len(fitting)
        if fitting:
            assert left.reason.code == "needed_elsewhere"
            assert all(len(taken[a.id]) == min(a.capacity_left, len(cases)) for a in fitting)
        else:
            assert left.reason.code == "no_feasible"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cases=st.lists(small_case, min_size=1, max_size=5),
    attorneys=st.lists(small_attorney, min_size=1, max_size=4),
    context=contexts,
    candidates_per_case=st.integers(1, 3),
)
def test_batch_places_the_most_cases_then_the_most_urgent_then_the_best_points(
    cases, attorneys, context, candidates_per_case
):
    """Random constraints and terms."""
    check_batch(cases, attorneys, context, candidates_per_case)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    instance=st.tuples(st.integers(2, 5), st.integers(1, 4)).flatmap(lambda size: graphs(*size)),
    weights=st.builds(Weights, language=st.sampled_from([20, 100]), interest=weight, continuity=weight),
    candidates_per_case=st.integers(1, 3),
)
def test_batch_never_trades_a_placed_case_for_points_on_random_graphs(instance, weights, candidates_per_case):
    cases, attorneys = instance
    check_batch(cases, attorneys, MatchContext(weights=weights), candidates_per_case)
