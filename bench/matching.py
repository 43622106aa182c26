"""Matching benchmark: top-10 for one case and the optimal batch of 1,000 cases over 5,000 attorneys.

Figures only, never pass/fail. First the solver alone on in-memory inputs, then end to end:
rows created (bulk_create) in a throwaway database — a SQLite file by default, PostgreSQL when
BENCH_DATABASE_URL is set — and timed through the selectors plus the solver.

Synthetic data is clustered like a real docket: Spanish-heavy with Mam, K'iche', Haitian
Creole, Arabic and Dari minorities, cohorts of attorneys trained together, a few strong
attorneys everyone would want, capacities 1-3, conflicts and declined offers.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
from time import perf_counter

# Clients' languages (ISO 639-3) and their share of cases.
CASE_LANGUAGES = [
    ("spa", 0.60),
    ("mam", 0.08),
    ("quc", 0.06),
    ("hat", 0.09),
    ("arb", 0.07),
    ("prs", 0.04),
    ("por", 0.03),
    ("fra", 0.03),
]
# Share of attorneys speaking each language (besides English) and their typical ILR levels.
ATTORNEY_LANGUAGES = [
    ("spa", 0.62, (2, 3, 3, 4, 4, 5)),
    ("fra", 0.10, (2, 3, 4)),
    ("por", 0.05, (2, 3, 4, 5)),
    ("hat", 0.05, (3, 4, 5)),
    ("arb", 0.05, (3, 4, 5)),
    ("prs", 0.02, (3, 4, 5)),
    ("mam", 0.01, (2, 3, 4)),
    ("quc", 0.01, (2, 3, 4)),
]
RELIEF_MIX = [
    (("asylum", "withholding_cat"), 0.30),
    (("asylum",), 0.12),
    (("u_visa",), 0.20),
    (("vawa",), 0.14),
    (("sijs",), 0.09),
    (("t_visa",), 0.06),
    (("cancellation",), 0.05),
    (("u_visa", "vawa"), 0.04),
]
RELIEF_TYPES = ["asylum", "withholding_cat", "u_visa", "t_visa", "vawa", "sijs", "cancellation", "adjustment"]
LOCATIONS = [
    "Houston Immigration Court",
    "Dallas Immigration Court",
    "San Antonio Immigration Court",
    "Conroe Detention Facility",
    "Houston Asylum Office",
    "El Paso Immigration Court",
    "Harlingen Immigration Court",
    "Port Isabel Detention Center",
]
STATES = ["TX", "TX", "TX", "TX", "NY", "CA", "FL", "IL"]
# Relief type -> courses required (course ids 1-12).
REQUIRED = {
    "asylum": (1, 2),
    "withholding_cat": (2,),
    "u_visa": (3, 4),
    "t_visa": (5,),
    "vawa": (3, 6),
    "sijs": (7,),
    "cancellation": (8,),
    "adjustment": (9,),
}
COHORT_COURSES = [(1, 2, 3, 4, 6), (1, 2, 3, 6, 7), (3, 4, 5, 6), (1, 2, 8, 9), (1, 2, 3, 4, 5, 6, 7, 8, 9)]


def _pick(rng: random.Random, weighted):
    return rng.choices([item for item, _w in weighted], weights=[w for _i, w in weighted])[0]


def synthetic(n_cases: int, n_attorneys: int, *, seed: int = 7) -> dict:
    """Plain dicts for attorneys and cases (shared by the in-memory and the database runs)."""
    rng = random.Random(seed)
    attorneys = []
    for a_id in range(1, n_attorneys + 1):
        languages = {"eng": 5}
        for code, share, levels in ATTORNEY_LANGUAGES:
            if rng.random() < share:
                languages[code] = rng.choice(levels)
        strength = rng.random()  # a few strong, experienced attorneys everyone would want
        experience = {
            rt: min(3, int(strength * 3.5 * rng.random() + (0.8 if rng.random() < 0.3 else 0)))
            for rt in RELIEF_TYPES
            if rng.random() < 0.5
        }
        cohort = rng.choice(COHORT_COURSES)
        completed = {c for c in cohort if rng.random() < 0.9}
        capacity = rng.choice((1, 2, 2, 3))
        attorneys.append(
            {
                "id": a_id,
                "languages": languages,
                "experience": experience,
                "completed": completed,
                "capacity": capacity,
                "active": rng.randint(0, capacity),
                "paused": rng.random() < 0.05,
                "detained_ok": rng.random() < 0.25,
                "remote_ok": rng.random() < 0.5,
                "locations": set(rng.sample(LOCATIONS, rng.randint(1, 3))),
                "bars": {rng.choice(STATES)} if rng.random() < 0.96 else set(),
                "last_placed_days_ago": None if rng.random() < 0.3 else rng.randint(1, 400),
            }
        )
    cases = []
    for c_id in range(1, n_cases + 1):
        language = _pick(rng, CASE_LANGUAGES)
        languages = (language,) if language in ("spa", "hat", "arb", "prs", "por", "fra") else (language, "spa")
        interpreter = rng.random() < (0.6 if language in ("mam", "quc") else 0.1)
        cases.append(
            {
                "id": c_id,
                "languages": languages,
                "min_ilr": rng.choice((2, 3, 3, 3, 4)),
                "interpreter": interpreter,
                "relief_types": _pick(rng, RELIEF_MIX),
                "detained": rng.random() < 0.15,
                "location": rng.choice(LOCATIONS),
                "bar": "TX" if rng.random() < 0.1 else "",
                "hard_date_within_days": rng.randint(5, 365) if rng.random() < 0.3 else None,
            }
        )
    conflicts = {(rng.randint(1, n_cases), rng.randint(1, n_attorneys)) for _ in range(n_cases * 2)}
    declined = {(rng.randint(1, n_cases), rng.randint(1, n_attorneys)) for _ in range(n_cases // 2)}
    return {"attorneys": attorneys, "cases": cases, "conflicts": conflicts, "declined": declined}


def inputs_from(data: dict):
    """The matching dataclasses for synthetic data, built in memory."""
    from mentorship.matching import AttorneyInput, CaseInput, MatchContext

    conflicted: dict[int, set[int]] = {}
    for case_id, a_id in data["conflicts"]:
        conflicted.setdefault(a_id, set()).add(case_id)
    declined: dict[int, set[int]] = {}
    for case_id, a_id in data["declined"]:
        declined.setdefault(a_id, set()).add(case_id)
    attorneys = [
        AttorneyInput(
            id=a["id"],
            languages=a["languages"],
            relief_experience=a["experience"],
            completed_courses=frozenset(a["completed"]),
            capacity=a["capacity"],
            active_cases=a["active"],
            paused=a["paused"],
            detained_ok=a["detained_ok"],
            locations=frozenset(a["locations"]),
            remote_ok=a["remote_ok"],
            active_bar_jurisdictions=frozenset(a["bars"]),
            conflicted_case_ids=frozenset(conflicted.get(a["id"], ())),
            declined_case_ids=frozenset(declined.get(a["id"], ())),
            last_placed_days_ago=a["last_placed_days_ago"],
        )
        for a in data["attorneys"]
    ]
    cases = [
        CaseInput(
            id=c["id"],
            languages=c["languages"],
            min_ilr=c["min_ilr"],
            interpreter_arranged=c["interpreter"],
            relief_types=c["relief_types"],
            detained=c["detained"],
            location=c["location"],
            required_bar_jurisdiction=c["bar"],
            hard_date_within_days=c["hard_date_within_days"],
        )
        for c in data["cases"]
    ]
    context = MatchContext(
        required_training={rt: frozenset(ids) for rt, ids in REQUIRED.items()},
        mentor_slots={"asylum": 4, "u_visa": 2, "vawa": 3, "sijs": 0, "t_visa": 1},
    )
    return cases, attorneys, context


def _median_ms(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = perf_counter()
        result = fn()
        times.append((perf_counter() - start) * 1000)
    return statistics.median(times), result


def run_solver_only(n_cases: int = 1000, n_attorneys: int = 5000, repeat: int = 5) -> dict:
    from mentorship.matching import AttorneyPool, solve_batch, top_k

    data = synthetic(n_cases, n_attorneys)
    cases, attorneys, context = inputs_from(data)
    pool_ms, pool = _median_ms(lambda: AttorneyPool(attorneys, context), repeat)
    spanish = next(c for c in cases if c.languages == ("spa",) and not c.detained)
    top_ms, _result = _median_ms(lambda: top_k(spanish, pool, 10, context=context), repeat * 4)
    top_cold_ms, _result = _median_ms(
        lambda: top_k(spanish, AttorneyPool(attorneys, context), 10, context=context), repeat
    )
    batch_ms, result = _median_ms(lambda: solve_batch(cases, AttorneyPool(attorneys, context), context=context), repeat)
    print(f"solver alone, {n_cases} cases x {n_attorneys} attorneys (median of {repeat})")
    print(f"  compile attorney pool          {pool_ms:8.1f} ms")
    print(f"  top-10, one case, pool ready   {top_ms:8.1f} ms")
    print(f"  top-10, one case, incl. pool   {top_cold_ms:8.1f} ms")
    print(f"  batch (pool + score + solve)   {batch_ms:8.1f} ms")
    print(
        f"  batch: {len(result.assignments)} placed, {len(result.unassigned)} unassigned, rounds {result.rounds}, "
        f"edges {result.candidate_edges}, full graph {result.full_graph}, objective {result.objective}"
    )
    return {"top": top_cold_ms, "batch": batch_ms, "objective": result.objective}


def _setup_database() -> str:
    """Point Django at a throwaway database and create the schema; returns a description."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        os.environ["DATABASE_URL"] = url
        where = "PostgreSQL " + url.rsplit("/", 1)[-1]
    else:
        path = os.path.join(tempfile.mkdtemp(prefix="pba-bench-"), "bench.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        where = f"SQLite file {path}"
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return where


def run_end_to_end(n_cases: int = 1000, n_attorneys: int = 5000, repeat: int = 5, solver_figures=None) -> None:
    where = _setup_database()
    from mentorship.matching import solve_batch, top_k
    from mentorship.selectors import matching as selectors

    from .matching_data import load_rows

    data = synthetic(n_cases, n_attorneys)
    start = perf_counter()
    case_ids = load_rows(data)
    print(f"end to end on {where}: rows created in {(perf_counter() - start):.1f} s")

    one_case = case_ids[0]

    def top_once():
        case_input, pool, context = selectors.matching_inputs_for_case(case_id=one_case)
        return top_k(case_input, pool, 10, context=context)

    def batch_once():
        cases, pool, context = selectors.matching_inputs_for_batch()
        return solve_batch(cases, pool, context=context)

    load_ms, _inputs = _median_ms(selectors.matching_inputs_for_batch, repeat)
    top_ms, _result = _median_ms(top_once, repeat * 2)
    batch_ms, result = _median_ms(batch_once, repeat)
    print(f"  load inputs (selectors)        {load_ms:8.1f} ms")
    print(f"  top-10, one case, end to end   {top_ms:8.1f} ms")
    print(f"  batch, end to end              {batch_ms:8.1f} ms")
    print(
        f"  batch: {len(result.assignments)} placed, {len(result.unassigned)} unassigned, objective {result.objective}"
    )
    if solver_figures:
        print(
            f"  ratio whole / solver alone: top-10 {top_ms / solver_figures['top']:.1f}x, batch {batch_ms / solver_figures['batch']:.1f}x"
        )


def run() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    figures = run_solver_only()
    try:
        run_end_to_end(solver_figures=figures)
    except ImportError as exc:
        print(f"end to end skipped: {exc}")
