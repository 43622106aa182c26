"""The tables of hard constraints and soft terms: every path reads the same objects."""

import datetime
from dataclasses import fields, replace

import numpy as np
import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorship.matching import (
    CONSTRAINT_CODES,
    CONSTRAINTS,
    TERMS,
    AttorneyInput,
    AttorneyPool,
    CaseInput,
    MatchContext,
    Rules,
    Scope,
    Weights,
    evaluate,
    top_k,
)
from mentorship.matching.constraints import failed_masks, feasible
from mentorship.selectors import matching as selectors
from tests.factories import CaseDateFactory, CaseFactory, attorney_with_profile

CONTEXT = MatchContext(
    required_training={"asylum": frozenset({11, 12}), "u_visa": frozenset({21})},
    mentor_slots={"asylum": 2},
    rules=Rules(urgent_within_days=30),
)


def test_every_constraint_code_is_narrowed_in_sql_or_checked_after_loading():
    narrowed, after = set(selectors.SQL_NARROWING), selectors.CHECKED_AFTER_LOADING
    assert narrowed | after == set(CONSTRAINT_CODES)
    assert not narrowed & after


def test_constraints_and_terms_are_each_defined_once():
    assert len(set(CONSTRAINT_CODES)) == len(CONSTRAINTS)
    assert all((c.key is not None) == (c.scope is Scope.CASE) for c in CONSTRAINTS)
    assert len({t.name for t in TERMS}) == len(TERMS)
    weight_names = {f.name for f in fields(Weights)}
    assert {t.weight for t in TERMS} == weight_names
    assert all((t.points is None) != (t.slot_points is None) for t in TERMS)


CASE_FIELDS = {
    "id": st.integers(1, 3),
    "languages": st.sampled_from([(), ("spa",), ("mam", "spa"), ("spa",)]),
    "min_ilr": st.sampled_from([0, 2, 3, 3, 5]),
    "interpreter_arranged": st.sampled_from([False, False, True]),
    "relief_types": st.sampled_from([(), ("asylum",), ("u_visa",), ("asylum", "u_visa")]),
    "detained": st.sampled_from([False, False, True]),
    "location": st.sampled_from(["", "Houston"]),
    "required_bar_jurisdiction": st.sampled_from(["", "NY"]),
    "hard_date_within_days": st.sampled_from([None, None, 10, 30, 45, 90]),
    "interested_attorney_ids": st.frozensets(st.integers(1, 6), max_size=2),
    "related_attorney_ids": st.frozensets(st.integers(1, 6), max_size=1),
}
# A case, then one case per field that differs from it in that field alone: cases sharing
# all but one factor are what the vectors cached on the pool must tell apart.
cases = st.tuples(st.builds(CaseInput, **CASE_FIELDS), st.fixed_dictionaries(CASE_FIELDS)).map(
    lambda drawn: [drawn[0], *(replace(drawn[0], **{name: value}) for name, value in drawn[1].items())]
)
attorneys = st.builds(
    AttorneyInput,
    id=st.just(0),
    languages=st.dictionaries(
        st.sampled_from(["spa", "mam", "eng"]), st.sampled_from([-1, 2, 3, 4, 5, 6]), min_size=1, max_size=3
    ),
    relief_experience=st.dictionaries(
        st.sampled_from(["asylum", "u_visa"]), st.sampled_from([0, 1, 2, 3, 4]), max_size=2
    ),
    completed_courses=st.sampled_from([frozenset({11, 12, 21})] * 3 + [frozenset({11, 12}), frozenset({21})]),
    # Mostly attorneys who could take a case, so that the other constraints decide.
    capacity=st.sampled_from([2, 2, 2, 2, 1, 0]),
    active_cases=st.sampled_from([0, 0, 0, 1, 2]),
    paused=st.sampled_from([False] * 5 + [True]),
    detained_ok=st.sampled_from([True, True, False]),
    locations=st.frozensets(st.just("Houston"), max_size=1),
    remote_ok=st.booleans(),
    active_bar_jurisdictions=st.sampled_from([frozenset({"TX"}), frozenset({"TX", "NY"})] * 2 + [frozenset()]),
    conflicted_case_ids=st.frozensets(st.integers(1, 6), max_size=1),
    declined_case_ids=st.frozensets(st.integers(1, 6), max_size=1),
    last_placed_days_ago=st.one_of(st.none(), st.integers(0, 200)),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_list=cases, attorney_list=st.lists(attorneys, min_size=4, max_size=10))
def test_fast_path_explained_path_and_a_pool_of_one_agree(case_list, attorney_list):
    attorney_list = [replace(a, id=i + 1) for i, a in enumerate(attorney_list)]
    pool = AttorneyPool(attorney_list, CONTEXT)
    for case in case_list:  # several cases on one pool exercise the shared vectors
        masks = failed_masks(pool, case)
        explained = np.ones(len(pool), dtype=bool)
        for mask in masks.values():
            explained &= ~mask
        assert feasible(pool, case).tolist() == explained.tolist()
        suggestions, excluded = top_k(case, pool, len(pool))
        for i, attorney in enumerate(pool.attorneys):
            alone = evaluate(case, attorney, context=CONTEXT)
            assert alone.feasible == bool(explained[i])
            assert [r.code for r in alone.failed_constraints] == [
                c for c in CONSTRAINT_CODES if c in masks and masks[c][i]
            ]
        assert {s.attorney_id for s in suggestions} == set(pool.ids[explained].tolist())
        for suggestion in suggestions:
            alone = evaluate(case, pool.attorneys[pool.index[suggestion.attorney_id]], context=CONTEXT)
            assert suggestion == alone


@pytest.mark.django_db
def test_sql_narrowing_of_the_deadline_experience_keeps_the_same_suggestions():
    case = CaseFactory(languages=["spa"], relief_types=["asylum", "u_visa"])
    CaseDateFactory(case=case, kind="one_year_deadline", date=timezone.localdate() + datetime.timedelta(days=5))
    novice = attorney_with_profile(relief=(("asylum", 0),))
    seasoned = attorney_with_profile(relief=(("u_visa", 3),))
    untried = attorney_with_profile(relief=())

    wide = selectors.matching_inputs_for_case(case_id=case.pk)
    narrow = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    assert set(narrow[1].index) == {seasoned.pk}
    assert {novice.pk, untried.pk} <= set(wide[1].index)
    assert top_k(*narrow[:2], 10)[0] == top_k(*wide[:2], 10)[0]
    excluded = {e.attorney_id: [r.code for r in e.reasons] for e in top_k(*wide[:2], 10)[1]}
    assert excluded == {novice.pk: ["deadline_experience"], untried.pk: ["deadline_experience"]}


@pytest.mark.django_db
def test_sql_narrowing_never_drops_an_attorney_the_solver_would_accept():
    from mentorship.models import MatchingSettings

    MatchingSettings.objects.update_or_create(pk=1, defaults={"urgent_min_experience": 0})
    case = CaseFactory(languages=["spa"], relief_types=["asylum"])
    CaseDateFactory(case=case, kind="one_year_deadline", date=timezone.localdate() + datetime.timedelta(days=5))
    untried = attorney_with_profile(relief=())
    narrow = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    assert [s.attorney_id for s in top_k(*narrow[:2], 10)[0]] == [untried.pk]
