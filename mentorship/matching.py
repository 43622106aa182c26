"""Matching volunteer attorneys to cases: hard constraints, an explained score, an optimal batch.

Pure functions over frozen dataclasses: no ORM, no settings. The selectors in
`mentorship/selectors/matching.py` build the inputs; the staff views show the results.

Every (case, attorney) pair is first filtered by hard constraints (each failure keeps the
constraint that caused it, so staff can see why someone was not proposed), then scored
0-100 from weighted soft terms, each with a plain-language explanation.

The work is vectorised over attorneys with NumPy so one case against 5,000 attorneys, or
1,000 cases in a batch, costs milliseconds. `evaluate` runs the same vectorised code on a
pool of one, so a single explanation and the batch can never disagree.

The batch is a min-cost assignment with capacities (each attorney offers one column per
free slot, each case one "unassigned" column) solved with SciPy's sparse LAPJV on a
candidate subset of edges, then proved optimal over *all* feasible edges with dual
potentials: any edge left out with a negative reduced cost is added and the problem
solved again. The result is therefore the optimum of the full problem, not of the subset.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from time import perf_counter

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

ILR_MAX = 5
EXPERIENCE_MAX = 3

# Hard-constraint codes, in the order explanations list them.
LANGUAGE = "language"
TRAINING = "training"
CAPACITY = "capacity"
PAUSED = "paused"
CONFLICT = "conflict"
DECLINED = "declined"
BAR_ADMISSION = "bar_admission"
BAR_JURISDICTION = "bar_jurisdiction"
DETAINED = "detained"
DEADLINE_EXPERIENCE = "deadline_experience"
CONSTRAINT_CODES = (
    LANGUAGE,
    TRAINING,
    CAPACITY,
    PAUSED,
    CONFLICT,
    DECLINED,
    BAR_ADMISSION,
    BAR_JURISDICTION,
    DETAINED,
    DEADLINE_EXPERIENCE,
)

# Soft-term names, in display order.
PROFICIENCY = "proficiency"
EXPERIENCE = "experience"
LOCATION = "location"
LOAD = "load"
MENTOR = "mentor"
INTEREST = "interest"
URGENCY = "urgency"
CONTINUITY = "continuity"
TERM_NAMES = (PROFICIENCY, EXPERIENCE, LOCATION, LOAD, MENTOR, INTEREST, URGENCY, CONTINUITY)


# ---------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class CaseInput:
    """What matching needs to know about an open case (no client identity)."""

    id: int
    languages: tuple[str, ...] = ()
    min_ilr: int = 3
    interpreter_arranged: bool = False
    relief_types: tuple[str, ...] = ()
    detained: bool = False
    location: str = ""
    required_bar_jurisdiction: str = ""
    # Days until the nearest hard date (filing deadline, merits hearing); None when none.
    hard_date_within_days: int | None = None
    # Attorneys who said, browsing open cases, that they would like this one.
    interested_attorney_ids: frozenset[int] = frozenset()
    # Attorneys placed on a related case (a family member's, say): continuity for the client.
    related_attorney_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class AttorneyInput:
    """What matching needs to know about a volunteer attorney."""

    id: int
    languages: Mapping[str, int] = field(default_factory=dict)  # ISO 639-3 code -> ILR 0-5
    relief_experience: Mapping[str, int] = field(default_factory=dict)  # relief type -> level 0-3
    completed_courses: frozenset[int] = frozenset()
    capacity: int = 1
    active_cases: int = 0
    paused: bool = False
    detained_ok: bool = False
    locations: frozenset[str] = frozenset()
    remote_ok: bool = False
    active_bar_jurisdictions: frozenset[str] = frozenset()
    conflicted_case_ids: frozenset[int] = frozenset()
    declined_case_ids: frozenset[int] = frozenset()
    last_placed_days_ago: int | None = None

    @property
    def capacity_left(self) -> int:
        return max(self.capacity - self.active_cases, 0)


@dataclass(frozen=True)
class Weights:
    """Maximum points of each soft term; staff tune them. The score is normalised to 0-100."""

    proficiency: int = 20
    experience: int = 20
    location: int = 10
    load: int = 15
    mentor: int = 10
    interest: int = 10
    urgency: int = 15
    continuity: int = 10

    @property
    def total(self) -> int:
        return (
            self.proficiency
            + self.experience
            + self.location
            + self.load
            + self.mentor
            + self.interest
            + self.urgency
            + self.continuity
        )


@dataclass(frozen=True)
class Rules:
    """Parameters of the hard constraints and of the batch's urgency."""

    # A hard date this close needs an attorney with at least this experience in the relief sought.
    urgent_within_days: int = 60
    urgent_min_experience: int = 2
    # Last placement this long ago (or never) earns the full recency half of the load term.
    recency_horizon_days: int = 90
    # Value of placing a case at all, on the 0-100 score scale; detained and urgent cases add to
    # it, so when attorneys are scarce they are placed first.
    placement_value: int = 100
    detained_priority: int = 100
    urgent_priority: int = 50


@dataclass(frozen=True)
class MatchContext:
    """Everything besides the case and the attorney that decides a match."""

    # Relief type -> course ids staff require before taking such a case.
    required_training: Mapping[str, frozenset[int]] = field(default_factory=dict)
    weights: Weights = field(default_factory=Weights)
    rules: Rules = field(default_factory=Rules)
    # Relief type -> free mentor slots among mentors with that expertise.
    mentor_slots: Mapping[str, int] = field(default_factory=dict)
    # Display labels (relief type -> label); codes are shown when missing.
    relief_labels: Mapping[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Reason:
    """A hard constraint that excludes the pair, in words."""

    code: str
    text: str


@dataclass(frozen=True)
class Term:
    """One soft term of the score, in words."""

    name: str
    label: str
    points: int
    max_points: int
    explanation: str


@dataclass(frozen=True)
class Evaluation:
    case_id: int
    attorney_id: int
    feasible: bool
    failed_constraints: tuple[Reason, ...]
    score: int  # 0-100
    points: int  # raw sum of term points, what the batch maximises
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Exclusion:
    """An attorney left out of a case's suggestions and the constraints that left them out."""

    attorney_id: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Assignment:
    case_id: int
    attorney_id: int
    score: int  # 0-100, with the load term as it stands for this slot
    slot: int  # 0 for the attorney's first new case in this batch, 1 for the second...


@dataclass(frozen=True)
class Unassigned:
    case_id: int
    reason: Reason
    feasible_attorneys: int


@dataclass(frozen=True)
class BatchResult:
    assignments: tuple[Assignment, ...]
    unassigned: tuple[Unassigned, ...]
    objective: int  # sum over placed cases of raw points + priority: the maximised quantity
    total_score: int  # sum of the 0-100 scores of the assignments
    rounds: int  # solve-and-verify rounds
    candidate_edges: int  # edges in the last solved subproblem
    full_graph: bool  # True when the verification fell back to every feasible edge
    solver_ms: float

    def attorney_for(self, case_id: int) -> int | None:
        for assignment in self.assignments:
            if assignment.case_id == case_id:
                return assignment.attorney_id
        return None


# ---------------------------------------------------------------------------
# Labels


@functools.lru_cache(maxsize=512)
def language_name(code: str) -> str:
    """English name of an ISO 639-3 language code (the code itself when unknown)."""
    try:
        import pycountry

        found = pycountry.languages.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    return found.name if found is not None else code


def _relief_label(code: str, context: MatchContext) -> str:
    return str(context.relief_labels.get(code, code.replace("_", " ")))


_CONSTRAINT_LABELS = {
    LANGUAGE: gettext_noop("Language"),
    TRAINING: gettext_noop("Required training"),
    CAPACITY: gettext_noop("Capacity"),
    PAUSED: gettext_noop("Paused"),
    CONFLICT: gettext_noop("Conflict of interest"),
    DECLINED: gettext_noop("Declined before"),
    BAR_ADMISSION: gettext_noop("Bar admission"),
    BAR_JURISDICTION: gettext_noop("Bar jurisdiction"),
    DETAINED: gettext_noop("Detained docket"),
    DEADLINE_EXPERIENCE: gettext_noop("Deadline experience"),
}
_TERM_LABELS = {
    PROFICIENCY: gettext_noop("Language proficiency"),
    EXPERIENCE: gettext_noop("Relief-type experience"),
    LOCATION: gettext_noop("Location"),
    LOAD: gettext_noop("Current load"),
    MENTOR: gettext_noop("Mentor available"),
    INTEREST: gettext_noop("Interest"),
    URGENCY: gettext_noop("Experience for the urgency"),
    CONTINUITY: gettext_noop("Continuity"),
}


def _constraint_label(code: str) -> str:
    return _(_CONSTRAINT_LABELS[code])


def _term_label(name: str) -> str:
    return _(_TERM_LABELS[name])


# ---------------------------------------------------------------------------
# The attorney pool: inputs compiled into arrays once


def _round_half_up(values):
    return np.floor(np.asarray(values, dtype=np.float64) + 0.5).astype(np.int32)


class AttorneyPool:
    """Attorneys as arrays, sorted by id, so every case is scored against all of them at once."""

    def __init__(self, attorneys: Iterable[AttorneyInput], context: MatchContext | None = None) -> None:
        self.context = context or MatchContext()
        self.attorneys: list[AttorneyInput] = sorted(attorneys, key=lambda a: a.id)
        n = len(self.attorneys)
        self.ids = np.fromiter((a.id for a in self.attorneys), dtype=np.int64, count=n)
        if len(set(self.ids.tolist())) != n:
            raise ValueError("attorney ids must be unique")
        self.index = {int(a_id): i for i, a_id in enumerate(self.ids.tolist())}

        languages = sorted({code for a in self.attorneys for code in a.languages})
        self._language_col = {code: j for j, code in enumerate(languages)}
        self.ilr = np.full((n, len(languages)), -1, dtype=np.int8)
        reliefs = sorted({code for a in self.attorneys for code in a.relief_experience})
        self._relief_col = {code: j for j, code in enumerate(reliefs)}
        self.experience = np.zeros((n, len(reliefs)), dtype=np.int8)
        for i, a in enumerate(self.attorneys):
            for code, level in a.languages.items():
                self.ilr[i, self._language_col[code]] = min(max(int(level), 0), ILR_MAX)
            for code, level in a.relief_experience.items():
                self.experience[i, self._relief_col[code]] = min(max(int(level), 0), EXPERIENCE_MAX)

        self.capacity = np.fromiter((max(a.capacity, 0) for a in self.attorneys), dtype=np.int32, count=n)
        self.active = np.fromiter((max(a.active_cases, 0) for a in self.attorneys), dtype=np.int32, count=n)
        self.capacity_left = np.maximum(self.capacity - self.active, 0)
        self.paused = np.fromiter((a.paused for a in self.attorneys), dtype=bool, count=n)
        self.detained_ok = np.fromiter((a.detained_ok for a in self.attorneys), dtype=bool, count=n)
        self.remote_ok = np.fromiter((a.remote_ok for a in self.attorneys), dtype=bool, count=n)
        self.has_bar = np.fromiter((bool(a.active_bar_jurisdictions) for a in self.attorneys), dtype=bool, count=n)
        horizon = self.context.rules.recency_horizon_days
        self.days_since = np.fromiter(
            (
                horizon if a.last_placed_days_ago is None else min(max(a.last_placed_days_ago, 0), horizon)
                for a in self.attorneys
            ),
            dtype=np.int32,
            count=n,
        )
        self._conflicted: dict[int, list[int]] = {}
        self._declined: dict[int, list[int]] = {}
        for i, a in enumerate(self.attorneys):
            for case_id in a.conflicted_case_ids:
                self._conflicted.setdefault(case_id, []).append(i)
            for case_id in a.declined_case_ids:
                self._declined.setdefault(case_id, []).append(i)
        self._cache: dict[tuple, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.attorneys)

    # Each helper below depends on one factor of the case only, so a batch of 1,000 cases
    # computes each distinct factor once.
    def best_ilr(self, languages: tuple[str, ...]) -> np.ndarray:
        key = ("ilr", languages)
        if key not in self._cache:
            cols = [self._language_col[c] for c in languages if c in self._language_col]
            if cols:
                self._cache[key] = self.ilr[:, cols].max(axis=1).astype(np.int8)
            else:
                self._cache[key] = np.full(len(self), -1, dtype=np.int8)
        return self._cache[key]

    def levels(self, relief_types: tuple[str, ...]) -> np.ndarray:
        """(attorneys, len(relief_types)) experience levels."""
        key = ("levels", relief_types)
        if key not in self._cache:
            out = np.zeros((len(self), len(relief_types)), dtype=np.int8)
            for j, code in enumerate(relief_types):
                col = self._relief_col.get(code)
                if col is not None:
                    out[:, j] = self.experience[:, col]
            self._cache[key] = out
        return self._cache[key]

    def trained_for(self, relief_types: tuple[str, ...]) -> np.ndarray:
        key = ("trained", relief_types)
        if key not in self._cache:
            ok = np.ones(len(self), dtype=bool)
            for code in relief_types:
                required = frozenset(self.context.required_training.get(code, ()))
                if required:
                    ok &= np.fromiter(
                        (required <= a.completed_courses for a in self.attorneys), dtype=bool, count=len(self)
                    )
            self._cache[key] = ok
        return self._cache[key]

    def reaches(self, location: str) -> np.ndarray:
        key = ("reaches", location)
        if key not in self._cache:
            self._cache[key] = np.fromiter(
                (location in a.locations for a in self.attorneys), dtype=bool, count=len(self)
            )
        return self._cache[key]

    def admitted_in(self, jurisdiction: str) -> np.ndarray:
        key = ("bar", jurisdiction)
        if key not in self._cache:
            self._cache[key] = np.fromiter(
                (jurisdiction in a.active_bar_jurisdictions for a in self.attorneys), dtype=bool, count=len(self)
            )
        return self._cache[key]

    def load_points(self, slot: int = 0) -> np.ndarray:
        """Load-term points for taking one more case on top of `slot` new ones in this batch."""
        key = ("load", slot)
        if key not in self._cache:
            weights, rules = self.context.weights, self.context.rules
            active = self.active + slot
            with np.errstate(divide="ignore", invalid="ignore"):
                free = np.where(self.capacity > 0, (self.capacity - active) / np.maximum(self.capacity, 1), 0.0)
            free = np.clip(free, 0.0, 1.0)
            recency = self.days_since / max(rules.recency_horizon_days, 1) if slot == 0 else np.zeros(len(self))
            self._cache[key] = _round_half_up(weights.load * (0.6 * free + 0.4 * recency))
        return self._cache[key]


def _as_pool(attorneys: AttorneyPool | Iterable[AttorneyInput], context: MatchContext) -> AttorneyPool:
    if isinstance(attorneys, AttorneyPool):
        if attorneys.context != context:
            raise ValueError("the pool was compiled with a different context")
        return attorneys
    return AttorneyPool(attorneys, context)


# ---------------------------------------------------------------------------
# One case against the whole pool


@dataclass
class _CaseVectors:
    failed: dict[str, np.ndarray]  # code -> bool per attorney
    feasible: np.ndarray
    case_points: np.ndarray  # every term except load, per attorney
    terms: dict[str, np.ndarray]
    best_ilr: np.ndarray
    levels: np.ndarray


def _mentor_points(case: CaseInput, context: MatchContext) -> int:
    if not case.relief_types:
        return 0
    covered = sum(1 for rt in case.relief_types if context.mentor_slots.get(rt, 0) > 0)
    return int(_round_half_up(context.weights.mentor * covered / len(case.relief_types)))


def case_priority(case: CaseInput, context: MatchContext) -> int:
    """What placing this case is worth in the batch, on the score scale (detained and urgent first)."""
    rules = context.rules
    priority = rules.placement_value
    if case.detained:
        priority += rules.detained_priority
    if case.hard_date_within_days is not None and case.hard_date_within_days <= rules.urgent_within_days:
        priority += rules.urgent_priority
    return priority


def _is_urgent(case: CaseInput, context: MatchContext) -> bool:
    return case.hard_date_within_days is not None and case.hard_date_within_days <= context.rules.urgent_within_days


def urgency_factor(case: CaseInput, context: MatchContext) -> float:
    """How pressing the case is, 0 to 1: 1 on the detained docket or with a hard date inside
    the urgent window, falling to 0 at twice that window."""
    if case.detained:
        return 1.0
    days, window = case.hard_date_within_days, max(context.rules.urgent_within_days, 1)
    if days is None:
        return 0.0
    return float(min(max((2 * window - days) / window, 0.0), 1.0))


def _cached(pool: AttorneyPool, key: tuple, build):
    if key not in pool._cache:
        pool._cache[key] = build()
    return pool._cache[key]


def _language_part(pool: AttorneyPool, case: CaseInput):
    """(failed mask or None, proficiency points), shared by every case with the same language need."""

    def build():
        best = pool.best_ilr(case.languages)
        failed = best < case.min_ilr if case.languages and not case.interpreter_arranged else None
        if case.languages:
            points = _round_half_up(pool.context.weights.proficiency * np.clip(best, 0, ILR_MAX) / ILR_MAX)
        else:
            points = np.full(len(pool), pool.context.weights.proficiency, dtype=np.int32)
        return failed, points

    return _cached(pool, ("language_part", case.languages, case.min_ilr, case.interpreter_arranged), build)


def _relief_part(pool: AttorneyPool, case: CaseInput):
    """(training failed, deadline failed or None, experience points) per relief-type set and urgency."""
    context = pool.context
    urgent = _is_urgent(case, context) and bool(case.relief_types)

    def build():
        levels = pool.levels(case.relief_types)
        training_failed = ~pool.trained_for(case.relief_types)
        deadline_failed = levels.max(axis=1) < context.rules.urgent_min_experience if urgent else None
        if case.relief_types:
            points = _round_half_up(
                context.weights.experience * levels.sum(axis=1) / (EXPERIENCE_MAX * len(case.relief_types))
            )
        else:
            points = np.zeros(len(pool), dtype=np.int32)
        return training_failed, deadline_failed, points

    return _cached(pool, ("relief_part", case.relief_types, urgent), build)


def _location_points(pool: AttorneyPool, location: str) -> np.ndarray:
    weight = pool.context.weights.location

    def build():
        if not location:
            return np.full(len(pool), weight, dtype=np.int32)
        return _round_half_up(np.where(pool.reaches(location), weight, np.where(pool.remote_ok, weight / 2, 0)))

    return _cached(pool, ("location_points", location), build)


def _urgency_points(pool: AttorneyPool, case: CaseInput) -> np.ndarray:
    """Full points when nothing presses; the more pressing the case, the more the points
    follow the attorney's best experience level in the relief sought."""
    factor = urgency_factor(case, pool.context)

    def build():
        best = pool.levels(case.relief_types).max(axis=1) if case.relief_types else np.zeros(len(pool))
        shortfall = 1 - np.asarray(best, dtype=np.float64) / EXPERIENCE_MAX
        return _round_half_up(pool.context.weights.urgency * (1 - factor * shortfall))

    return _cached(pool, ("urgency_points", case.relief_types, factor), build)


def _feasible_base(pool: AttorneyPool, case: CaseInput) -> np.ndarray:
    """Feasibility from everything except conflicts and declines (which are per case id)."""
    urgent = _is_urgent(case, pool.context) and bool(case.relief_types)

    def build():
        ok = (pool.capacity_left >= 1) & ~pool.paused & pool.has_bar
        language_failed, _points = _language_part(pool, case)
        if language_failed is not None:
            ok &= ~language_failed
        training_failed, deadline_failed, _points = _relief_part(pool, case)
        ok &= ~training_failed
        if deadline_failed is not None:
            ok &= ~deadline_failed
        if case.required_bar_jurisdiction:
            ok &= pool.admitted_in(case.required_bar_jurisdiction)
        if case.detained:
            ok &= pool.detained_ok
        return ok

    key = (
        "feasible_base",
        case.languages,
        case.min_ilr,
        case.interpreter_arranged,
        case.relief_types,
        urgent,
        case.required_bar_jurisdiction,
        case.detained,
    )
    return _cached(pool, key, build)


def _feasible_and_points(case: CaseInput, pool: AttorneyPool) -> tuple[np.ndarray, np.ndarray]:
    """The batch's fast path: feasibility and every term's points except load, per attorney."""
    feasible = _feasible_base(pool, case)
    conflicted = pool._conflicted.get(case.id)
    declined = pool._declined.get(case.id)
    if conflicted or declined:
        feasible = feasible.copy()
        feasible[conflicted or []] = False
        feasible[declined or []] = False
    points = _language_part(pool, case)[1] + _relief_part(pool, case)[2] + _location_points(pool, case.location)
    points = points + _urgency_points(pool, case) + _mentor_points(case, pool.context)
    if case.interested_attorney_ids:
        points = points + _interest_points(pool, case)
    if case.related_attorney_ids:
        points = points + _continuity_points(pool, case)
    return feasible, points


def _points_for(pool: AttorneyPool, attorney_ids: frozenset[int], weight: int) -> np.ndarray:
    points = np.zeros(len(pool), dtype=np.int32)
    points[[pool.index[a_id] for a_id in attorney_ids if a_id in pool.index]] = weight
    return points


def _interest_points(pool: AttorneyPool, case: CaseInput) -> np.ndarray:
    return _points_for(pool, case.interested_attorney_ids, pool.context.weights.interest)


def _continuity_points(pool: AttorneyPool, case: CaseInput) -> np.ndarray:
    return _points_for(pool, case.related_attorney_ids, pool.context.weights.continuity)


def _vectors(case: CaseInput, pool: AttorneyPool) -> _CaseVectors:
    context = pool.context
    n = len(pool)
    failed: dict[str, np.ndarray] = {}
    language_failed, proficiency = _language_part(pool, case)
    if language_failed is not None:
        failed[LANGUAGE] = language_failed
    training_failed, deadline_failed, experience = _relief_part(pool, case)
    failed[TRAINING] = training_failed
    failed[CAPACITY] = pool.capacity_left < 1
    failed[PAUSED] = pool.paused
    conflicted = np.zeros(n, dtype=bool)
    conflicted[pool._conflicted.get(case.id, [])] = True
    failed[CONFLICT] = conflicted
    declined = np.zeros(n, dtype=bool)
    declined[pool._declined.get(case.id, [])] = True
    failed[DECLINED] = declined
    failed[BAR_ADMISSION] = ~pool.has_bar
    if case.required_bar_jurisdiction:
        failed[BAR_JURISDICTION] = pool.has_bar & ~pool.admitted_in(case.required_bar_jurisdiction)
    if case.detained:
        failed[DETAINED] = ~pool.detained_ok
    if deadline_failed is not None:
        failed[DEADLINE_EXPERIENCE] = deadline_failed

    feasible = np.ones(n, dtype=bool)
    for mask in failed.values():
        feasible &= ~mask
    location = _location_points(pool, case.location)
    mentor = np.full(n, _mentor_points(case, context), dtype=np.int32)
    interest = _interest_points(pool, case)
    urgency = _urgency_points(pool, case)
    continuity = _continuity_points(pool, case)
    terms = {
        PROFICIENCY: proficiency,
        EXPERIENCE: experience,
        LOCATION: location,
        MENTOR: mentor,
        INTEREST: interest,
        URGENCY: urgency,
        CONTINUITY: continuity,
    }
    case_points = proficiency + experience + location + mentor + interest + urgency + continuity
    return _CaseVectors(
        failed, feasible, case_points, terms, pool.best_ilr(case.languages), pool.levels(case.relief_types)
    )


def _normalise(points, total: int):
    return _round_half_up(100 * np.asarray(points) / max(total, 1))


# ---------------------------------------------------------------------------
# Explanations


def _case_reason(code: str, case: CaseInput, context: MatchContext) -> Reason:
    """The reason as it reads for anyone excluded by it from this case."""
    label = _constraint_label(code)
    if code == LANGUAGE:
        names = _(" or ").join(language_name(c) for c in case.languages)
        text = _("does not speak %(languages)s at ILR %(level)s or above") % {"languages": names, "level": case.min_ilr}
    elif code == TRAINING:
        types = ", ".join(_relief_label(rt, context) for rt in case.relief_types)
        text = _("has not completed the training required for %(types)s") % {"types": types}
    elif code == CAPACITY:
        text = _("no capacity left")
    elif code == PAUSED:
        text = _("not taking cases at the moment")
    elif code == CONFLICT:
        text = _("conflicted out of this case")
    elif code == DECLINED:
        text = _("declined this case before")
    elif code == BAR_ADMISSION:
        text = _("no active bar admission")
    elif code == BAR_JURISDICTION:
        text = _("not admitted in %(jurisdiction)s, which this case requires") % {
            "jurisdiction": case.required_bar_jurisdiction
        }
    elif code == DETAINED:
        text = _("not available for the detained docket")
    else:
        text = _("a hard date is %(days)s days away; needs experience level %(level)s in the relief sought") % {
            "days": case.hard_date_within_days,
            "level": context.rules.urgent_min_experience,
        }
    return Reason(code, f"{label}: {text}")


def _attorney_reason(
    code: str, case: CaseInput, attorney: AttorneyInput, vectors: _CaseVectors, i: int, context
) -> Reason:
    """The reason with this attorney's own figures where they help."""
    reason = _case_reason(code, case, context)
    if code == LANGUAGE:
        best = int(vectors.best_ilr[i])
        extra = _("best: ILR %(level)s") % {"level": best} if best >= 0 else _("speaks none of them")
        return Reason(code, f"{reason.text} ({extra})")
    if code == TRAINING:
        missing = sum(
            len(frozenset(context.required_training.get(rt, ())) - attorney.completed_courses)
            for rt in case.relief_types
        )
        return Reason(code, f"{reason.text} " + _("(%(count)s courses missing)") % {"count": missing})
    if code == CAPACITY:
        return Reason(
            code,
            f"{reason.text} "
            + _("(%(active)s active of %(capacity)s)")
            % {"active": attorney.active_cases, "capacity": attorney.capacity},
        )
    return reason


def _explain_terms(
    case: CaseInput, attorney: AttorneyInput, vectors: _CaseVectors, i: int, load: int, slot: int, context
):
    weights = context.weights
    terms = []

    points = int(vectors.terms[PROFICIENCY][i])
    if not case.languages:
        text = _("No language need recorded for this case")
    else:
        best = int(vectors.best_ilr[i])
        spoken = [(c, attorney.languages[c]) for c in case.languages if c in attorney.languages]
        if spoken:
            code, level = max(spoken, key=lambda pair: (pair[1], pair[0]))
            text = _("Speaks %(language)s at ILR %(level)s (case needs %(needed)s)") % {
                "language": language_name(code),
                "level": level,
                "needed": case.min_ilr,
            }
        else:
            text = _("Speaks none of the client's languages (%(languages)s)") % {
                "languages": ", ".join(language_name(c) for c in case.languages)
            }
        if case.interpreter_arranged and best < case.min_ilr:
            text += _("; a qualified interpreter is arranged")
    terms.append(Term(PROFICIENCY, _term_label(PROFICIENCY), points, weights.proficiency, text))

    points = int(vectors.terms[EXPERIENCE][i])
    if case.relief_types:
        parts = [
            _("%(type)s level %(level)s of %(max)s")
            % {"type": _relief_label(rt, context), "level": int(vectors.levels[i, j]), "max": EXPERIENCE_MAX}
            for j, rt in enumerate(case.relief_types)
        ]
        text = _("Experience: %(parts)s") % {"parts": ", ".join(parts)}
    else:
        text = _("No relief type recorded for this case")
    terms.append(Term(EXPERIENCE, _term_label(EXPERIENCE), points, weights.experience, text))

    points = int(vectors.terms[LOCATION][i])
    if not case.location:
        text = _("No court or location recorded for this case")
    elif case.location in attorney.locations:
        text = _("Reaches %(location)s") % {"location": case.location}
    elif attorney.remote_ok:
        text = _("Works remotely; does not list %(location)s") % {"location": case.location}
    else:
        text = _("Does not list %(location)s and does not work remotely") % {"location": case.location}
    terms.append(Term(LOCATION, _term_label(LOCATION), points, weights.location, text))

    free = max(attorney.capacity - attorney.active_cases - slot, 0)
    text = _("%(free)s of %(capacity)s slots free") % {"free": free, "capacity": attorney.capacity}
    if slot:
        text += _("; already given %(count)s new case(s) in this batch") % {"count": slot}
    elif attorney.last_placed_days_ago is None:
        text += _("; no placement yet")
    else:
        text += _("; last new case %(days)s days ago") % {"days": attorney.last_placed_days_ago}
    terms.append(Term(LOAD, _term_label(LOAD), load, weights.load, text))

    points = int(vectors.terms[MENTOR][i])
    if case.relief_types:
        with_room = [_relief_label(rt, context) for rt in case.relief_types if context.mentor_slots.get(rt, 0) > 0]
        if with_room:
            text = _("A mentor with room has expertise in %(types)s") % {"types": ", ".join(with_room)}
        else:
            text = _("No mentor with room has expertise in the relief sought")
    else:
        text = _("No relief type recorded, so no mentor expertise to look for")
    terms.append(Term(MENTOR, _term_label(MENTOR), points, weights.mentor, text))

    points = int(vectors.terms[INTEREST][i])
    if attorney.id in case.interested_attorney_ids:
        text = _("Asked for this case while browsing open cases")
    else:
        text = _("Has not asked for this case")
    terms.append(Term(INTEREST, _term_label(INTEREST), points, weights.interest, text))

    points = int(vectors.terms[URGENCY][i])
    factor = urgency_factor(case, context)
    if not factor:
        text = _("Nothing presses: no detention and no hard date within %(days)s days") % {
            "days": 2 * context.rules.urgent_within_days
        }
    else:
        best = int(vectors.levels[i].max()) if case.relief_types else 0
        if case.detained:
            pressing = _("Detained docket")
        else:
            pressing = _("A hard date is %(days)s days away") % {"days": case.hard_date_within_days}
        text = _("%(pressing)s; best experience in the relief sought: level %(level)s of %(max)s") % {
            "pressing": pressing,
            "level": best,
            "max": EXPERIENCE_MAX,
        }
    terms.append(Term(URGENCY, _term_label(URGENCY), points, weights.urgency, text))

    points = int(vectors.terms[CONTINUITY][i])
    if attorney.id in case.related_attorney_ids:
        text = _("Already represents the client's family in a related case")
    elif case.related_attorney_ids:
        text = _("Another attorney represents the related case")
    else:
        text = _("No related case with an attorney")
    terms.append(Term(CONTINUITY, _term_label(CONTINUITY), points, weights.continuity, text))
    return tuple(terms)


def _evaluation(case: CaseInput, pool: AttorneyPool, vectors: _CaseVectors, i: int, slot: int = 0) -> Evaluation:
    context = pool.context
    attorney = pool.attorneys[i]
    load = int(pool.load_points(slot)[i])
    terms = _explain_terms(case, attorney, vectors, i, load, slot, context)
    points = sum(t.points for t in terms)
    failed = tuple(
        _attorney_reason(code, case, attorney, vectors, i, context)
        for code in CONSTRAINT_CODES
        if code in vectors.failed and vectors.failed[code][i]
    )
    return Evaluation(
        case_id=case.id,
        attorney_id=attorney.id,
        feasible=not failed,
        failed_constraints=failed,
        score=int(_normalise(points, context.weights.total)),
        points=points,
        terms=terms,
    )


# ---------------------------------------------------------------------------
# Public functions


def evaluate(case: CaseInput, attorney: AttorneyInput, *, context: MatchContext | None = None) -> Evaluation:
    """Every hard constraint and soft term for one pair, with explanations."""
    pool = AttorneyPool([attorney], context or MatchContext())
    return _evaluation(case, pool, _vectors(case, pool), 0)


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
    context = context or (attorneys.context if isinstance(attorneys, AttorneyPool) else MatchContext())
    pool = _as_pool(attorneys, context)
    vectors = _vectors(case, pool)
    total = vectors.case_points + pool.load_points(0)
    feasible_idx = np.flatnonzero(vectors.feasible)
    # lexsort: last key is primary; higher points first, then lower id (index order = id order).
    order = feasible_idx[np.lexsort((feasible_idx, -total[feasible_idx]))][: max(k, 0)]
    suggestions = [_evaluation(case, pool, vectors, int(i)) for i in order]

    shared = {code: _case_reason(code, case, context) for code in vectors.failed if vectors.failed[code].any()}
    excluded_idx = np.flatnonzero(~vectors.feasible)
    failing = [code for code in CONSTRAINT_CODES if code in shared]
    # One bit per failed constraint, so attorneys excluded for the same reasons share one tuple.
    bits = np.zeros(len(pool), dtype=np.int64)
    for k, code in enumerate(failing):
        bits |= vectors.failed[code].astype(np.int64) << k
    reasons_for: dict[int, tuple[Reason, ...]] = {}
    excluded = []
    for attorney_id, key in zip(pool.ids[excluded_idx].tolist(), bits[excluded_idx].tolist(), strict=True):
        reasons = reasons_for.get(key)
        if reasons is None:
            reasons = reasons_for[key] = tuple(shared[code] for k, code in enumerate(failing) if key >> k & 1)
        excluded.append(Exclusion(attorney_id=attorney_id, reasons=reasons))
    return suggestions, excluded


def feasible_attorney_ids(case: CaseInput, pool: AttorneyPool) -> list[int]:
    """Every attorney in the pool who passes every hard constraint for the case, by id."""
    feasible, _points = _feasible_and_points(case, pool)
    return pool.ids[feasible].tolist()


def fitting_case_ids(cases: Iterable[CaseInput], attorney: AttorneyInput, *, context: MatchContext) -> list[int]:
    """The cases this attorney passes every hard constraint for, in the order given."""
    pool = AttorneyPool([attorney], context)
    return [case.id for case in cases if _feasible_and_points(case, pool)[0][0]]


def explain_assignment(
    case: CaseInput, attorneys: AttorneyPool | Iterable[AttorneyInput], attorney_id: int, *, slot: int = 0, context=None
) -> Evaluation:
    """The explanation of one proposed pair, with the load term as it stands for that slot."""
    context = context or (attorneys.context if isinstance(attorneys, AttorneyPool) else MatchContext())
    pool = _as_pool(attorneys, context)
    return _evaluation(case, pool, _vectors(case, pool), pool.index[attorney_id], slot)


# ---------------------------------------------------------------------------
# Batch: optimal assignment with capacities

_INITIAL_CANDIDATES = 40  # attorneys per case in the first subproblem
_MAX_ROUNDS = 6


def solve_batch(
    cases: Iterable[CaseInput],
    attorneys: AttorneyPool | Iterable[AttorneyInput],
    *,
    context: MatchContext | None = None,
    candidates_per_case: int = _INITIAL_CANDIDATES,
) -> BatchResult:
    """The assignment of open cases to attorneys that maximises the total value.

    Value of placing case i with attorney a as their (j+1)-th new case of the batch:
    raw points (all terms, the load term at slot j) + the case's priority (placement
    value, more for detained and urgent cases). Cases may stay unassigned. The result is
    optimal over every feasible pair and the same for the same data.

    `candidates_per_case` only sizes the first subproblem (speed); the answer does not
    depend on it.
    """
    started = perf_counter()
    context = context or (attorneys.context if isinstance(attorneys, AttorneyPool) else MatchContext())
    pool = _as_pool(attorneys, context)
    cases = sorted(cases, key=lambda c: c.id)
    if len({c.id for c in cases}) != len(cases):
        raise ValueError("case ids must be unique")
    n_cases = len(cases)
    if n_cases == 0:
        return BatchResult((), (), 0, 0, 0, 0, False, (perf_counter() - started) * 1000)

    # Only attorneys who can take a case at all become columns.
    columns = np.flatnonzero((pool.capacity_left >= 1) & ~pool.paused & pool.has_bar)
    n_att = len(columns)
    points = np.zeros((n_cases, n_att), dtype=np.int32)
    feasible = np.zeros((n_cases, n_att), dtype=bool)
    for r, case in enumerate(cases):
        case_feasible, case_points = _feasible_and_points(case, pool)
        points[r] = case_points[columns]
        feasible[r] = case_feasible[columns]
    priority = np.array([case_priority(c, context) for c in cases], dtype=np.int64)
    # Priority is on the 0-100 score scale; raw points are on the weights' scale.
    priority_raw = _round_half_up(priority * context.weights.total / 100).astype(np.int64)

    # A case can use at most one slot per attorney, so no attorney needs more slots than cases.
    slots = np.minimum(pool.capacity_left[columns], n_cases).astype(np.int64)
    max_slots = int(slots.max()) if n_att else 0
    load = np.zeros((n_att, max(max_slots, 1)), dtype=np.int64)
    for j in range(max_slots):
        load[:, j] = pool.load_points(j)[columns]
    slot_start = np.concatenate(([0], np.cumsum(slots)[:-1])).astype(np.int64) if n_att else np.zeros(0, np.int64)
    n_slot_cols = int(slots.sum())

    usable = feasible
    big = int(points.max(initial=0) + load.max(initial=0) + priority_raw.max(initial=0) + 1)
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
    slot_owner = np.repeat(np.arange(n_att), slots)
    for r, case in enumerate(cases):
        col = matched[r]
        if col < n_slot_cols:
            a = int(slot_owner[col])
            j = int(col - slot_start[a])
            raw = int(points[r, a] + load[a, j])
            score = int(_normalise(raw, weights_total))
            objective += raw + int(priority_raw[r])
            total_score += score
            assignments.append(Assignment(case.id, pool.attorneys[int(columns[a])].id, score, j))
        else:
            count = int(usable[r].sum())
            unassigned.append(Unassigned(case.id, _unassigned_reason(case, count, pool), count))
    return BatchResult(
        assignments=tuple(assignments),
        unassigned=tuple(unassigned),
        objective=objective,
        total_score=total_score,
        rounds=rounds,
        candidate_edges=edge_count,
        full_graph=full_graph,
        solver_ms=(perf_counter() - started) * 1000,
    )


def _initial_candidates(value: np.ndarray, usable: np.ndarray, k: int) -> np.ndarray:
    n_cases, n_att = value.shape
    k = max(k, 1)
    if n_att <= k:
        return usable.copy()
    masked = np.where(usable, value, -1)
    top = np.argpartition(-masked, k, axis=1)[:, :k]
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
    tolerance = 1e-6
    return usable & ~candidates & (points > threshold[:, None] + h[None, :] + tolerance)


def _unassigned_reason(case: CaseInput, feasible_count: int, pool: AttorneyPool) -> Reason:
    context = pool.context
    if feasible_count:
        return Reason(
            "outcompeted",
            _("All %(count)s attorneys who fit this case are better used on other cases in this batch")
            % {"count": feasible_count},
        )
    failed_counts = {code: int(mask.sum()) for code, mask in _vectors(case, pool).failed.items()}
    if failed_counts and len(pool):
        code = max(CONSTRAINT_CODES, key=lambda c: (failed_counts.get(c, 0), -CONSTRAINT_CODES.index(c)))
        return Reason(
            "no_feasible",
            _("No attorney meets every requirement; the most common obstacle is %(reason)s")
            % {"reason": _case_reason(code, case, context).text},
        )
    return Reason("no_feasible", _("No attorney meets every requirement"))


# ---------------------------------------------------------------------------
# Mentors: the same idea, second stage


@dataclass(frozen=True)
class MentorInput:
    id: int
    expertise: frozenset[str] = frozenset()  # relief types
    languages: frozenset[str] = frozenset()  # ISO 639-3
    max_mentees: int = 3
    active_mentees: int = 0

    @property
    def free_slots(self) -> int:
        return max(self.max_mentees - self.active_mentees, 0)


@dataclass(frozen=True)
class MentorSuggestion:
    mentor_id: int
    score: int  # 0-100
    terms: tuple[Term, ...]


def rank_mentors(
    case: CaseInput,
    mentors: Iterable[MentorInput],
    *,
    mentee_id: int | None = None,
    mentee_languages: frozenset[str] = frozenset(),
    k: int = 5,
    context: MatchContext | None = None,
) -> list[MentorSuggestion]:
    """Mentors with room, best first: expertise in the relief sought (50), a language shared with
    the client or the mentee (25), a light mentee load (25). Ties go to the lower id."""
    context = context or MatchContext()
    ranked = []
    for mentor in sorted(mentors, key=lambda m: m.id):
        if mentor.free_slots < 1 or mentor.id == mentee_id:
            continue
        covered = [rt for rt in case.relief_types if rt in mentor.expertise]
        expertise_points = int(_round_half_up(50 * len(covered) / len(case.relief_types))) if case.relief_types else 0
        if covered:
            expertise_text = _("Expertise in %(types)s") % {
                "types": ", ".join(_relief_label(rt, context) for rt in covered)
            }
        else:
            expertise_text = _("No expertise in the relief sought")
        client_shared = sorted(set(case.languages) & mentor.languages)
        mentee_shared = sorted((mentee_languages & mentor.languages) - {"eng"})
        if client_shared:
            language_points = 25
            language_text = _("Speaks the client's language (%(languages)s)") % {
                "languages": ", ".join(language_name(c) for c in client_shared)
            }
        elif mentee_shared:
            language_points = 10
            language_text = _("Shares %(languages)s with the attorney") % {
                "languages": ", ".join(language_name(c) for c in mentee_shared)
            }
        else:
            language_points, language_text = 0, _("Does not speak the client's language")
        load_points = int(_round_half_up(25 * mentor.free_slots / max(mentor.max_mentees, 1)))
        load_text = _("%(free)s of %(max)s mentee places free") % {
            "free": mentor.free_slots,
            "max": mentor.max_mentees,
        }
        terms = (
            Term("expertise", _("Expertise"), expertise_points, 50, expertise_text),
            Term("language", _("Language"), language_points, 25, language_text),
            Term("load", _("Current load"), load_points, 25, load_text),
        )
        ranked.append(MentorSuggestion(mentor.id, expertise_points + language_points + load_points, terms))
    ranked.sort(key=lambda s: (-s.score, s.mentor_id))
    return ranked[: max(k, 0)]


__all__ = [
    "CONSTRAINT_CODES",
    "TERM_NAMES",
    "Assignment",
    "AttorneyInput",
    "AttorneyPool",
    "BatchResult",
    "CaseInput",
    "Evaluation",
    "Exclusion",
    "MatchContext",
    "MentorInput",
    "MentorSuggestion",
    "Reason",
    "Rules",
    "Term",
    "Unassigned",
    "Weights",
    "case_priority",
    "evaluate",
    "explain_assignment",
    "language_name",
    "rank_mentors",
    "top_k",
    "solve_batch",
]
