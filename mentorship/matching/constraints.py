"""The hard constraints: one object each, read by every path that decides who may take a case.

Each `Constraint` holds its code, its label, the vector computation that marks the attorneys
of a pool who fail it for a case, the reason as it reads for everyone it excludes from that
case, and optionally the attorney's own figures. The batch's fast path (`feasible`), the
explained path (`failed_masks`, used by `evaluate` and `top_k`) and the SQL narrowing of
`mentorship/selectors/matching.py` (its hooks are keyed by these codes) all read `CONSTRAINTS`,
so a new constraint is one entry here (plus, if SQL can check it cheaply, one hook there).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import Enum

import numpy as np
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from ..languages import language_name
from .pool import AttorneyPool, clip_ilr
from .types import AttorneyInput, CaseInput, MatchContext, Reason, date_is_urgent

# Hard-constraint codes; CONSTRAINTS below gives the order explanations list them in.
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


class Scope(Enum):
    """What a constraint's vector depends on, which decides how widely it can be shared."""

    ATTORNEY = "attorney"  # the attorney alone: the batch drops such attorneys from every case
    CASE = "case"  # the case's facts named by `key`: computed once for every case sharing them
    PAIR = "pair"  # this very case (its id): computed per case


@dataclass(frozen=True)
class Constraint:
    """One hard constraint on a (case, attorney) pair."""

    code: str
    label: str  # marked for translation; `title` translates it
    scope: Scope
    # True for each attorney of the pool who fails the constraint for the case; None when the
    # case makes it moot (no language need, not detained...). For Scope.PAIR, the pool
    # indices of the attorneys who fail it instead (few: a mask per case would cost more).
    failed: Callable[[AttorneyPool, CaseInput], np.ndarray | list[int] | None]
    # The reason as it reads for anyone it excludes from this case.
    text: Callable[[CaseInput, MatchContext], str]
    # The attorney's own figures, added in brackets where they help; None for none.
    detail: Callable[[CaseInput, AttorneyInput, MatchContext], str] | None = None
    # The facts of the case `failed` depends on (Scope.CASE only), so that cases sharing them
    # share one vector.
    key: Callable[[CaseInput, MatchContext], Hashable] | None = None

    @property
    def title(self) -> str:
        return _(self.label)

    def mask(self, pool: AttorneyPool, case: CaseInput) -> np.ndarray | None:
        """True for each attorney who fails the constraint for the case; None when moot."""
        failed = self.failed(pool, case)
        if self.scope is not Scope.PAIR or failed is None:
            return failed
        mask = np.zeros(len(pool), dtype=bool)
        mask[failed] = True
        return mask

    def reason(self, case: CaseInput, context: MatchContext) -> Reason:
        """The reason for this case, as shared by every attorney it excludes."""
        return Reason(self.code, f"{self.title}: {self.text(case, context)}")

    def attorney_reason(self, case: CaseInput, attorney: AttorneyInput, context: MatchContext) -> Reason:
        """The reason with this attorney's own figures where they help."""
        reason = self.reason(case, context)
        if self.detail is None:
            return reason
        return Reason(self.code, f"{reason.text} ({self.detail(case, attorney, context)})")


# ---------------------------------------------------------------------------
# The constraints


def _language_applies(case: CaseInput) -> bool:
    return bool(case.languages) and not case.interpreter_arranged


def _language_failed(pool: AttorneyPool, case: CaseInput) -> np.ndarray | None:
    if not _language_applies(case):
        return None
    return pool.cached(
        ("language_failed", case.languages, case.min_ilr), lambda: pool.best_ilr(case.languages) < case.min_ilr
    )


def _language_text(case: CaseInput, context: MatchContext) -> str:
    names = _(" or ").join(language_name(c) for c in case.languages)
    return _("does not speak %(languages)s at ILR %(level)s or above") % {"languages": names, "level": case.min_ilr}


def _language_detail(case: CaseInput, attorney: AttorneyInput, context: MatchContext) -> str:
    best = best_ilr_of(attorney, case.languages)
    return _("best: ILR %(level)s") % {"level": best} if best >= 0 else _("speaks none of them")


def best_ilr_of(attorney: AttorneyInput, languages: tuple[str, ...]) -> int:
    """The attorney's best ILR level in any of these languages, -1 when they speak none."""
    return max((clip_ilr(attorney.languages[c]) for c in languages if c in attorney.languages), default=-1)


def _training_text(case: CaseInput, context: MatchContext) -> str:
    types = ", ".join(context.relief_label(rt) for rt in case.relief_types)
    return _("has not completed the training required for %(types)s") % {"types": types}


def _training_detail(case: CaseInput, attorney: AttorneyInput, context: MatchContext) -> str:
    missing = sum(
        len(frozenset(context.required_training.get(rt, ())) - attorney.completed_courses) for rt in case.relief_types
    )
    detail = ngettext("%(count)s course missing", "%(count)s courses missing", missing) % {"count": missing}
    required = {c for rt in case.relief_types for c in context.required_training.get(rt, ())}
    outdated = sorted(required & attorney.outdated_courses)
    if outdated:
        dates = sorted({context.law_changed[c] for c in outdated if c in context.law_changed})
        detail += "; " + ngettext(
            "completed before the law changed on %(dates)s: update required",
            "completed before the law changed on %(dates)s: updates required",
            len(outdated),
        ) % {"dates": ", ".join(date_format(d, "DATE_FORMAT") for d in dates)}
    return detail


def _capacity_detail(case: CaseInput, attorney: AttorneyInput, context: MatchContext) -> str:
    return _("%(active)s active of %(capacity)s") % {"active": attorney.active_cases, "capacity": attorney.capacity}


def _jurisdiction_failed(pool: AttorneyPool, case: CaseInput) -> np.ndarray | None:
    if not case.required_bar_jurisdiction:
        return None
    # Someone with no admission at all fails BAR_ADMISSION; this one names the missing state.
    return pool.cached(
        ("jurisdiction_failed", case.required_bar_jurisdiction),
        lambda: pool.has_bar & ~pool.admitted_in(case.required_bar_jurisdiction),
    )


def deadline_applies(case: CaseInput, context: MatchContext) -> bool:
    return date_is_urgent(case, context) and bool(case.relief_types)


def _deadline_failed(pool: AttorneyPool, case: CaseInput) -> np.ndarray | None:
    if not deadline_applies(case, pool.context):
        return None
    minimum = pool.context.rules.urgent_min_experience
    return pool.cached(
        ("deadline_failed", case.relief_types), lambda: pool.levels(case.relief_types).max(axis=1) < minimum
    )


def _deadline_text(case: CaseInput, context: MatchContext) -> str:
    return _("a hard date is %(days)s days away; needs experience level %(level)s in the relief sought") % {
        "days": case.hard_date_within_days,
        "level": context.rules.urgent_min_experience,
    }


CONSTRAINTS: tuple[Constraint, ...] = (
    Constraint(
        code=LANGUAGE,
        label=gettext_noop("Language"),
        scope=Scope.CASE,
        failed=_language_failed,
        text=_language_text,
        detail=_language_detail,
        key=lambda case, context: (case.languages, case.min_ilr) if _language_applies(case) else None,
    ),
    Constraint(
        code=TRAINING,
        label=gettext_noop("Required training"),
        scope=Scope.CASE,
        failed=lambda pool, case: pool.cached(
            ("training_failed", case.relief_types), lambda: ~pool.trained_for(case.relief_types)
        ),
        text=_training_text,
        detail=_training_detail,
        key=lambda case, context: case.relief_types,
    ),
    Constraint(
        code=CAPACITY,
        label=gettext_noop("Capacity"),
        scope=Scope.ATTORNEY,
        failed=lambda pool, case: pool.cached("capacity_failed", lambda: pool.capacity_left < 1),
        text=lambda case, context: _("no capacity left"),
        detail=_capacity_detail,
    ),
    Constraint(
        code=PAUSED,
        label=gettext_noop("Paused"),
        scope=Scope.ATTORNEY,
        failed=lambda pool, case: pool.paused,
        text=lambda case, context: _("not taking cases at the moment"),
    ),
    Constraint(
        code=CONFLICT,
        label=gettext_noop("Conflict of interest"),
        scope=Scope.PAIR,
        failed=lambda pool, case: pool.conflicted_with(case.id),
        text=lambda case, context: _("conflicted out of this case"),
    ),
    Constraint(
        code=DECLINED,
        label=gettext_noop("Declined before"),
        scope=Scope.PAIR,
        failed=lambda pool, case: pool.declined(case.id),
        text=lambda case, context: _("declined this case before"),
    ),
    Constraint(
        code=BAR_ADMISSION,
        label=gettext_noop("Bar admission"),
        scope=Scope.ATTORNEY,
        failed=lambda pool, case: pool.cached("bar_failed", lambda: ~pool.has_bar),
        text=lambda case, context: _("no active bar admission"),
    ),
    Constraint(
        code=BAR_JURISDICTION,
        label=gettext_noop("Bar jurisdiction"),
        scope=Scope.CASE,
        failed=_jurisdiction_failed,
        text=lambda case, context: (
            _("not admitted in %(jurisdiction)s, which this case requires")
            % {"jurisdiction": case.required_bar_jurisdiction}
        ),
        key=lambda case, context: case.required_bar_jurisdiction,
    ),
    Constraint(
        code=DETAINED,
        label=gettext_noop("Detained docket"),
        scope=Scope.CASE,
        failed=lambda pool, case: pool.cached("detained_failed", lambda: ~pool.detained_ok) if case.detained else None,
        text=lambda case, context: _("not available for the detained docket"),
        key=lambda case, context: case.detained,
    ),
    Constraint(
        code=DEADLINE_EXPERIENCE,
        label=gettext_noop("Deadline experience"),
        scope=Scope.CASE,
        failed=_deadline_failed,
        text=_deadline_text,
        key=lambda case, context: case.relief_types if deadline_applies(case, context) else None,
    ),
)
CONSTRAINT_CODES: tuple[str, ...] = tuple(c.code for c in CONSTRAINTS)
BY_CODE: dict[str, Constraint] = {c.code: c for c in CONSTRAINTS}


# ---------------------------------------------------------------------------
# Reading the table


def failed_masks(pool: AttorneyPool, case: CaseInput) -> dict[str, np.ndarray]:
    """Code -> who fails it, for every constraint that applies to the case (the explained path)."""
    masks = {}
    for constraint in CONSTRAINTS:
        mask = constraint.mask(pool, case)
        if mask is not None:
            masks[constraint.code] = mask
    return masks


_BY_SCOPE = {scope: tuple(c for c in CONSTRAINTS if c.scope is scope) for scope in Scope}


def able(pool: AttorneyPool) -> np.ndarray:
    """Attorneys who pass every attorney-only constraint: the only ones who can take any case."""

    def build():
        ok = np.ones(len(pool), dtype=bool)
        for constraint in _BY_SCOPE[Scope.ATTORNEY]:
            mask = constraint.failed(pool, None)
            if mask is not None:
                ok &= ~mask
        return ok

    return pool.cached("able", build)


def feasible(pool: AttorneyPool, case: CaseInput, out: np.ndarray | None = None) -> np.ndarray:
    """Who passes every hard constraint for the case (the fast path: shared vectors, no reasons).

    Written into `out` when given (the batch reuses one buffer); never modify the result
    otherwise, as it may be a vector shared with other cases.
    """
    by_case = _BY_SCOPE[Scope.CASE]
    context = pool.context

    def build():
        ok = able(pool).copy()
        for constraint in by_case:
            mask = constraint.failed(pool, case)
            if mask is not None:
                ok &= ~mask
        return ok

    shared = pool.cached(("feasible", *(c.key(case, context) for c in by_case)), build)
    failing = [c.failed(pool, case) for c in _BY_SCOPE[Scope.PAIR]]
    if out is None and not any(failing):
        return shared
    result = shared.copy() if out is None else out
    if out is not None:
        np.copyto(out, shared)
    for indices in failing:
        if indices:
            result[indices] = False
    return result
