"""The soft terms of the score: one object each, read by the batch and by every explanation.

Each `SoftTerm` holds its name, its label, the `Weights` attribute that gives its maximum
points, the vector computation of its points over a pool for a case, and the sentence that
explains one attorney's points. A new term is one entry in `TERMS` and one weight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..languages import language_name
from .constraints import best_ilr_of
from .pool import AttorneyPool, clip_experience, round_half_up
from .types import EXPERIENCE_MAX, ILR_MAX, AttorneyInput, CaseInput, MatchContext, Weights, urgency_factor

# Soft-term names, in display order.
PROFICIENCY = "proficiency"
EXPERIENCE = "experience"
LOCATION = "location"
LOAD = "load"
MENTOR = "mentor"
INTEREST = "interest"
URGENCY = "urgency"
CONTINUITY = "continuity"

# Points of one term over a pool: one value per attorney, or one number for them all.
Points = np.ndarray | int


@dataclass(frozen=True)
class SoftTerm:
    """One weighted term of the score.

    A term's points depend either on the case (`points`) or, for the load term, only on
    how many new cases of the batch the attorney already holds (`slot_points`): exactly
    one of the two is set.
    """

    name: str
    label: str  # marked for translation; `title` translates it
    weight: str  # the attribute of `Weights` holding the term's maximum points
    explain: Callable[[CaseInput, AttorneyInput, MatchContext, int], str]  # (case, attorney, context, slot)
    points: Callable[[AttorneyPool, CaseInput, int], Points] | None = None  # (pool, case, weight)
    slot_points: Callable[[AttorneyPool, int, int], np.ndarray] | None = None  # (pool, slot, weight)

    @property
    def title(self) -> str:
        return _(self.label)

    def max_points(self, weights: Weights) -> int:
        return getattr(weights, self.weight)

    def points_for(self, pool: AttorneyPool, case: CaseInput, slot: int = 0) -> Points:
        """The term's points over the pool, for the case and the slot."""
        weight = self.max_points(pool.context.weights)
        if self.points is not None:
            return self.points(pool, case, weight)
        return self.slot_points(pool, slot, weight)


def point_at(points: Points, i: int) -> int:
    return int(points[i]) if isinstance(points, np.ndarray) else int(points)


# ---------------------------------------------------------------------------
# The terms


def _proficiency_points(pool: AttorneyPool, case: CaseInput, weight: int) -> Points:
    if not case.languages:
        return weight
    return pool.cached(
        ("proficiency", case.languages),
        lambda: round_half_up(weight * np.clip(pool.best_ilr(case.languages), 0, ILR_MAX) / ILR_MAX),
    )


def _proficiency_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if not case.languages:
        return _("No language need recorded for this case")
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
    if case.interpreter_arranged and best_ilr_of(attorney, case.languages) < case.min_ilr:
        text += _("; a qualified interpreter is arranged")
    return text


def _experience_points(pool: AttorneyPool, case: CaseInput, weight: int) -> Points:
    if not case.relief_types:
        return 0
    return pool.cached(
        ("experience", case.relief_types),
        lambda: round_half_up(
            weight * pool.levels(case.relief_types).sum(axis=1) / (EXPERIENCE_MAX * len(case.relief_types))
        ),
    )


def _experience_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if not case.relief_types:
        return _("No relief type recorded for this case")
    parts = [
        _("%(type)s level %(level)s of %(max)s")
        % {
            "type": context.relief_label(rt),
            "level": clip_experience(attorney.relief_experience.get(rt, 0)),
            "max": EXPERIENCE_MAX,
        }
        for rt in case.relief_types
    ]
    return _("Experience: %(parts)s") % {"parts": ", ".join(parts)}


def _location_points(pool: AttorneyPool, case: CaseInput, weight: int) -> Points:
    if not case.location:
        return weight
    return pool.cached(
        ("location", case.location),
        lambda: round_half_up(np.where(pool.reaches(case.location), weight, np.where(pool.remote_ok, weight / 2, 0))),
    )


def _location_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if not case.location:
        return _("No court or location recorded for this case")
    if case.location in attorney.locations:
        return _("Reaches %(location)s") % {"location": case.location}
    if attorney.remote_ok:
        return _("Works remotely; does not list %(location)s") % {"location": case.location}
    return _("Does not list %(location)s and does not work remotely") % {"location": case.location}


def _load_points(pool: AttorneyPool, slot: int, weight: int) -> np.ndarray:
    """Load-term points for taking one more case on top of `slot` new ones in this batch."""

    def build():
        rules = pool.context.rules
        active = pool.active + slot
        with np.errstate(divide="ignore", invalid="ignore"):
            free = np.where(pool.capacity > 0, (pool.capacity - active) / np.maximum(pool.capacity, 1), 0.0)
        free = np.clip(free, 0.0, 1.0)
        recency = pool.days_since / max(rules.recency_horizon_days, 1) if slot == 0 else np.zeros(len(pool))
        return round_half_up(weight * (0.6 * free + 0.4 * recency))

    return pool.cached(("load", slot), build)


def _load_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    free = max(attorney.capacity - attorney.active_cases - slot, 0)
    text = _("%(free)s of %(capacity)s slots free") % {"free": free, "capacity": attorney.capacity}
    if slot:
        return text + _("; already given %(count)s new case(s) in this batch") % {"count": slot}
    if attorney.last_placed_days_ago is None:
        return text + _("; no placement yet")
    return text + _("; last new case %(days)s days ago") % {"days": attorney.last_placed_days_ago}


def _mentor_points(pool: AttorneyPool, case: CaseInput, weight: int) -> Points:
    if not case.relief_types:
        return 0
    covered = sum(1 for rt in case.relief_types if pool.context.mentor_slots.get(rt, 0) > 0)
    return int(round_half_up(weight * covered / len(case.relief_types)))


def _mentor_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if not case.relief_types:
        return _("No relief type recorded, so no mentor expertise to look for")
    with_room = [context.relief_label(rt) for rt in case.relief_types if context.mentor_slots.get(rt, 0) > 0]
    if with_room:
        return _("A mentor with room has expertise in %(types)s") % {"types": ", ".join(with_room)}
    return _("No mentor with room has expertise in the relief sought")


def _points_for(pool: AttorneyPool, attorney_ids: frozenset[int], weight: int) -> Points:
    if not attorney_ids:
        return 0
    points = np.zeros(len(pool), dtype=np.int32)
    points[pool.indices_of(attorney_ids)] = weight
    return points


def _interest_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if attorney.id in case.interested_attorney_ids:
        return _("Asked for this case while browsing open cases")
    return _("Has not asked for this case")


def _urgency_points(pool: AttorneyPool, case: CaseInput, weight: int) -> Points:
    """Full points when nothing presses; the more pressing the case, the more the points
    follow the attorney's best experience level in the relief sought."""
    factor = urgency_factor(case, pool.context)
    if not factor:
        return weight

    def build():
        best = pool.levels(case.relief_types).max(axis=1) if case.relief_types else np.zeros(len(pool))
        shortfall = 1 - np.asarray(best, dtype=np.float64) / EXPERIENCE_MAX
        return round_half_up(weight * (1 - factor * shortfall))

    return pool.cached(("urgency", case.relief_types, factor), build)


def _urgency_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if not urgency_factor(case, context):
        return _("Nothing presses: no detention and no hard date within %(days)s days") % {
            "days": 2 * context.rules.urgent_within_days
        }
    best = max((clip_experience(attorney.relief_experience.get(rt, 0)) for rt in case.relief_types), default=0)
    if case.detained:
        pressing = _("Detained docket")
    else:
        pressing = _("A hard date is %(days)s days away") % {"days": case.hard_date_within_days}
    return _("%(pressing)s; best experience in the relief sought: level %(level)s of %(max)s") % {
        "pressing": pressing,
        "level": best,
        "max": EXPERIENCE_MAX,
    }


def _continuity_text(case: CaseInput, attorney: AttorneyInput, context: MatchContext, slot: int) -> str:
    if attorney.id in case.related_attorney_ids:
        return _("Already represents the client's family in a related case")
    if case.related_attorney_ids:
        return _("Another attorney represents the related case")
    return _("No related case with an attorney")


TERMS: tuple[SoftTerm, ...] = (
    SoftTerm(
        PROFICIENCY,
        gettext_noop("Language proficiency"),
        "language",
        _proficiency_text,
        points=_proficiency_points,
    ),
    SoftTerm(
        EXPERIENCE,
        gettext_noop("Relief-type experience"),
        "relief_experience",
        _experience_text,
        points=_experience_points,
    ),
    SoftTerm(LOCATION, gettext_noop("Location"), "geography", _location_text, points=_location_points),
    SoftTerm(LOAD, gettext_noop("Current load"), "load", _load_text, slot_points=_load_points),
    SoftTerm(MENTOR, gettext_noop("Mentor available"), "mentor", _mentor_text, points=_mentor_points),
    SoftTerm(
        INTEREST,
        gettext_noop("Interest"),
        "interest",
        _interest_text,
        points=lambda pool, case, weight: _points_for(pool, case.interested_attorney_ids, weight),
    ),
    SoftTerm(URGENCY, gettext_noop("Experience for the urgency"), "urgency", _urgency_text, points=_urgency_points),
    SoftTerm(
        CONTINUITY,
        gettext_noop("Continuity"),
        "continuity",
        _continuity_text,
        points=lambda pool, case, weight: _points_for(pool, case.related_attorney_ids, weight),
    ),
)
TERM_NAMES: tuple[str, ...] = tuple(t.name for t in TERMS)


# ---------------------------------------------------------------------------
# Reading the table


def term_points(pool: AttorneyPool, case: CaseInput) -> dict[str, Points]:
    """Name -> points of every case-dependent term (the load term is by slot: `slot_points`)."""
    return {term.name: term.points_for(pool, case) for term in TERMS if term.points is not None}


_CASE_TERMS = tuple(t for t in TERMS if t.points is not None)


def case_points(pool: AttorneyPool, case: CaseInput, out: np.ndarray | None = None) -> np.ndarray:
    """Each attorney's points from every case-dependent term, summed (the batch's fast path).

    Written into `out` when given: the batch reuses one buffer for every case.
    """
    total = np.zeros(len(pool), dtype=np.int32) if out is None else out
    constant, first = 0, True
    for term in _CASE_TERMS:
        points = term.points_for(pool, case)
        if not isinstance(points, np.ndarray):
            constant += points
        elif first:
            np.copyto(total, points)
            first = False
        else:
            total += points
    if first:
        total.fill(constant)
    elif constant:
        total += constant
    return total


def slot_points(pool: AttorneyPool, slot: int) -> np.ndarray:
    """Each attorney's points from the slot-dependent terms, for one more case on top of `slot`."""
    total = np.zeros(len(pool), dtype=np.int32)
    for term in TERMS:
        if term.slot_points is not None:
            total = total + term.points_for(pool, None, slot)
    return total
