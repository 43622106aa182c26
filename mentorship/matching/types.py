"""The data matching works on: inputs, settings and results, as frozen dataclasses.

Nothing here reads the database; `mentorship/selectors/matching.py` builds the inputs.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

ILR_MAX = 5
EXPERIENCE_MAX = 3


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
    # Required courses completed before their law changed, update not taken: not completed.
    outdated_courses: frozenset[int] = frozenset()
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


# ---------------------------------------------------------------------------
# Settings


@dataclass(frozen=True)
class Weights:
    """Maximum points of each soft term; staff tune them. The score is normalised to 0-100.

    The fields are `MatchingSettings`' weight fields without "weight_", with the same
    defaults (a test holds them equal).
    """

    language: int = 20
    relief_experience: int = 20
    urgency: int = 15
    geography: int = 10
    load: int = 15
    interest: int = 10
    continuity: int = 10
    mentor: int = 10

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Rules:
    """Parameters of the hard constraints and of urgency."""

    # A hard date this close needs an attorney with at least this experience in the relief
    # sought (`MatchingSettings` stores the same two, with the same defaults).
    urgent_within_days: int = 60
    urgent_min_experience: int = 1
    # Last placement this long ago (or never) earns the full recency half of the load term.
    recency_horizon_days: int = 90


@dataclass(frozen=True)
class MatchContext:
    """Everything besides the case and the attorney that decides a match."""

    # Relief type -> course ids staff require before taking such a case.
    required_training: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # Course id -> the date an editor marked its law changed (completions before it do not count).
    law_changed: Mapping[int, datetime.date] = field(default_factory=dict)
    weights: Weights = field(default_factory=Weights)
    rules: Rules = field(default_factory=Rules)
    # Relief type -> free mentor slots among mentors with that expertise.
    mentor_slots: Mapping[str, int] = field(default_factory=dict)
    # Display labels (relief type -> label); codes are shown when missing.
    relief_labels: Mapping[str, str] = field(default_factory=dict)

    def relief_label(self, code: str) -> str:
        return str(self.relief_labels.get(code, code.replace("_", " ")))


def date_is_urgent(case: CaseInput, context: MatchContext) -> bool:
    """A hard date inside the urgent window."""
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
    points: int  # raw sum of term points, what the batch maximises once it places the most cases
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
    # Maximised in this order: len(assignments), urgent_placed, objective.
    objective: int  # sum of the raw points of the assignments
    urgent_placed: int  # urgent cases among the assignments (detained, or a hard date in the window)
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
