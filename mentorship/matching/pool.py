"""The attorney pool: attorneys compiled into NumPy arrays once, with vectors cached per case factor.

Every constraint and term computes one vector over the whole pool for a case, so one case
against 5,000 attorneys, or 1,000 cases in a batch, costs milliseconds. A vector that
depends on one factor of the case only (its languages, its relief types...) is computed
once per distinct factor and cached on the pool.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

import numpy as np

from .types import EXPERIENCE_MAX, ILR_MAX, AttorneyInput, MatchContext


def round_half_up(values):
    """Round .5 up (NumPy rounds half to even), as integers."""
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
        self._fill(self.ilr, self._language_col, [a.languages for a in self.attorneys], ILR_MAX)
        self._fill(self.experience, self._relief_col, [a.relief_experience for a in self.attorneys], EXPERIENCE_MAX)

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
        self._cache: dict[Hashable, object] = {}

    @staticmethod
    def _fill(matrix: np.ndarray, column: dict[str, int], levels: list, top: int) -> None:
        """matrix[attorney, column[code]] = level, clipped to 0..top (as `clip_ilr` and
        `clip_experience` do for the explanations), in one assignment."""
        rows = [i for i, by_code in enumerate(levels) for _code in by_code]
        cols = [column[code] for by_code in levels for code in by_code]
        values = [int(level) for by_code in levels for level in by_code.values()]
        matrix[rows, cols] = np.clip(np.array(values, dtype=np.int64), 0, top)

    def __len__(self) -> int:
        return len(self.attorneys)

    def cached(self, key: Hashable, build: Callable[[], object]):
        """`build()`, computed once per key for the life of the pool."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def best_ilr(self, languages: tuple[str, ...]) -> np.ndarray:
        """Each attorney's best ILR level in any of these languages (-1: speaks none)."""

        def build():
            cols = [self._language_col[c] for c in languages if c in self._language_col]
            if cols:
                return self.ilr[:, cols].max(axis=1).astype(np.int8)
            return np.full(len(self), -1, dtype=np.int8)

        return self.cached(("ilr", languages), build)

    def levels(self, relief_types: tuple[str, ...]) -> np.ndarray:
        """(attorneys, len(relief_types)) experience levels."""

        def build():
            out = np.zeros((len(self), len(relief_types)), dtype=np.int8)
            for j, code in enumerate(relief_types):
                col = self._relief_col.get(code)
                if col is not None:
                    out[:, j] = self.experience[:, col]
            return out

        return self.cached(("levels", relief_types), build)

    def trained_for(self, relief_types: tuple[str, ...]) -> np.ndarray:
        def build():
            ok = np.ones(len(self), dtype=bool)
            for code in relief_types:
                required = frozenset(self.context.required_training.get(code, ()))
                if required:
                    ok &= np.fromiter(
                        (required <= a.completed_courses for a in self.attorneys), dtype=bool, count=len(self)
                    )
            return ok

        return self.cached(("trained", relief_types), build)

    def reaches(self, location: str) -> np.ndarray:
        return self.cached(
            ("reaches", location),
            lambda: np.fromiter((location in a.locations for a in self.attorneys), dtype=bool, count=len(self)),
        )

    def admitted_in(self, jurisdiction: str) -> np.ndarray:
        return self.cached(
            ("bar", jurisdiction),
            lambda: np.fromiter(
                (jurisdiction in a.active_bar_jurisdictions for a in self.attorneys), dtype=bool, count=len(self)
            ),
        )

    def conflicted_with(self, case_id: int) -> list[int] | None:
        """Indices of the attorneys conflicted out of this case; None when nobody is."""
        return self._conflicted.get(case_id)

    def declined(self, case_id: int) -> list[int] | None:
        """Indices of the attorneys who declined this case before; None when nobody did."""
        return self._declined.get(case_id)

    def indices_of(self, attorney_ids: Iterable[int]) -> list[int]:
        return [self.index[a_id] for a_id in attorney_ids if a_id in self.index]


def clip_ilr(level: int) -> int:
    return min(max(int(level), 0), ILR_MAX)


def clip_experience(level: int) -> int:
    return min(max(int(level), 0), EXPERIENCE_MAX)


def as_pool(attorneys: AttorneyPool | Iterable[AttorneyInput], context: MatchContext | None) -> AttorneyPool:
    """The attorneys as a pool for `context` (a compiled pool's own context when None)."""
    if isinstance(attorneys, AttorneyPool):
        if context is not None and attorneys.context != context:
            raise ValueError("the pool was compiled with a different context")
        return attorneys
    return AttorneyPool(attorneys, context or MatchContext())
