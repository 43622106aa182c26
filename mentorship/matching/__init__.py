"""Matching volunteer attorneys to cases: hard constraints, an explained score, an optimal batch.

Pure functions over frozen dataclasses: no ORM, no settings. The selectors in
`mentorship/selectors/matching.py` build the inputs; the staff views show the results.

Every (case, attorney) pair is first filtered by hard constraints (each failure keeps the
constraint that caused it, so staff can see why someone was not proposed), then scored
0-100 from weighted soft terms, each with a plain-language explanation.

The package, by concern:
- `types`: inputs, settings (`Weights`, `Rules`, `MatchContext`) and results;
- `pool`: attorneys compiled into arrays, with vectors cached per case factor;
- `constraints`: the table of hard constraints, one object each (code, label, vector, words);
- `terms`: the table of soft terms, one object each (name, label, weight, vector, words);
- `explain`: `evaluate`, `top_k`, `explain_assignment`, who fits what;
- `batch`: `solve_batch`, the optimal assignment with capacities;
- `mentors`: ranking mentors for a placed attorney.
"""

from ..languages import language_name
from .batch import BatchTooLarge, case_priority, solve_batch
from .constraints import (
    BAR_ADMISSION,
    BAR_JURISDICTION,
    CAPACITY,
    CONFLICT,
    CONSTRAINT_CODES,
    CONSTRAINTS,
    DEADLINE_EXPERIENCE,
    DECLINED,
    DETAINED,
    LANGUAGE,
    PAUSED,
    TRAINING,
    Constraint,
    Scope,
)
from .explain import (
    evaluate,
    explain_assignment,
    feasible_attorney_ids,
    fitting_case_ids,
    top_k,
    why_cases_do_not_fit,
)
from .mentors import (
    MENTOR_CONSTRAINTS,
    MentorConstraint,
    MentorInput,
    MentorSuggestion,
    mentor_failed_constraints,
    rank_mentors,
)
from .pool import AttorneyPool
from .terms import (
    CONTINUITY,
    EXPERIENCE,
    INTEREST,
    LOAD,
    LOCATION,
    MENTOR,
    PROFICIENCY,
    TERM_NAMES,
    TERMS,
    URGENCY,
    SoftTerm,
)
from .types import (
    EXPERIENCE_MAX,
    ILR_MAX,
    Assignment,
    AttorneyInput,
    BatchResult,
    CaseInput,
    Evaluation,
    Exclusion,
    MatchContext,
    Reason,
    Rules,
    Term,
    Unassigned,
    Weights,
    urgency_factor,
)

__all__ = [
    "BatchTooLarge",
    "BAR_ADMISSION",
    "BAR_JURISDICTION",
    "CAPACITY",
    "CONFLICT",
    "CONSTRAINTS",
    "CONSTRAINT_CODES",
    "CONTINUITY",
    "DEADLINE_EXPERIENCE",
    "DECLINED",
    "DETAINED",
    "EXPERIENCE",
    "EXPERIENCE_MAX",
    "ILR_MAX",
    "INTEREST",
    "LANGUAGE",
    "LOAD",
    "LOCATION",
    "MENTOR",
    "MENTOR_CONSTRAINTS",
    "PAUSED",
    "PROFICIENCY",
    "TERMS",
    "TERM_NAMES",
    "TRAINING",
    "URGENCY",
    "Assignment",
    "AttorneyInput",
    "AttorneyPool",
    "BatchResult",
    "CaseInput",
    "Constraint",
    "Evaluation",
    "Exclusion",
    "MatchContext",
    "MentorConstraint",
    "MentorInput",
    "MentorSuggestion",
    "Reason",
    "Rules",
    "Scope",
    "SoftTerm",
    "Term",
    "Unassigned",
    "Weights",
    "case_priority",
    "evaluate",
    "explain_assignment",
    "feasible_attorney_ids",
    "fitting_case_ids",
    "language_name",
    "mentor_failed_constraints",
    "rank_mentors",
    "solve_batch",
    "top_k",
    "why_cases_do_not_fit",
    "urgency_factor",
]
