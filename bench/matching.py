"""Matching benchmark: top-10 for one case and the optimal batch of 1,000 cases over 5,000 attorneys.

Figures only, never pass/fail. First the solver alone on in-memory inputs, then end to end:
rows created (bulk_create) in a throwaway database — a SQLite file by default, PostgreSQL when
BENCH_DATABASE_URL is set — and timed through the selectors plus the solver.

Synthetic data is clustered like a real docket: Spanish-heavy with Mam, K'iche', Haitian
Creole, Arabic and Dari minorities, cohorts of attorneys trained together, a few strong
attorneys everyone would want, capacities 1-3, conflicts and declined offers.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from time import perf_counter

from bench import PRODUCTION_LIKE_ENV

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
    fresh_pools = [AttorneyPool(attorneys, context) for _ in range(repeat)]
    solve_ms, _result = _median_ms(lambda: solve_batch(cases, fresh_pools.pop(), context=context), repeat)
    print(f"solver alone, {n_cases} cases x {n_attorneys} attorneys (median of {repeat})")
    print(f"  compile attorney pool          {pool_ms:8.1f} ms")
    print(f"  top-10, one case, pool ready   {top_ms:8.1f} ms")
    print(f"  top-10, one case, incl. pool   {top_cold_ms:8.1f} ms")
    print(f"  batch (pool + score + solve)   {batch_ms:8.1f} ms")
    print(f"  batch on a compiled pool       {solve_ms:8.1f} ms (scoring 5M pairs + SciPy + optimality proof)")
    print(
        f"  batch: {len(result.assignments)} placed ({result.urgent_placed} urgent), {len(result.unassigned)} "
        f"unassigned, rounds {result.rounds}, edges {result.candidate_edges}, full graph {result.full_graph}, "
        f"points {result.objective}"
    )
    return {"top": top_cold_ms, "batch": batch_ms, "objective": result.objective}


def load_rows(data: dict) -> list[int]:
    """Create the synthetic docket as database rows with bulk_create; returns the open cases' ids."""
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from accounts.models import User
    from accounts.roles import ROLE_GROUP_NAMES, Role
    from accounts.services import roles_ensure_groups
    from courses.models import BarAdmission, CourseIndexPage, CoursePage, Enrollment, Jurisdiction
    from mentorship import models as m

    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        roles_ensure_groups()
        volunteers = Group.objects.get(name=ROLE_GROUP_NAMES[Role.VOLUNTEER])
        unusable = make_password(None)
        staff = User.objects.create(email="bench-staff@example.org", full_name="Bench Staff", password=unusable)
        users = User.objects.bulk_create(
            [
                User(email=f"attorney{a['id']}@bench.example", full_name=f"Attorney {a['id']}", password=unusable)
                for a in data["attorneys"]
            ],
            batch_size=1000,
        )
        user_of = {a["id"]: u.pk for a, u in zip(data["attorneys"], users, strict=True)}
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=pk, group_id=volunteers.pk) for pk in user_of.values()], batch_size=2000
        )
        profiles = m.AttorneyProfile.objects.bulk_create(
            [
                m.AttorneyProfile(
                    user_id=user_of[a["id"]],
                    capacity=a["capacity"],
                    paused_until=today + datetime.timedelta(days=10) if a["paused"] else None,
                    detained_ok=a["detained_ok"],
                    remote_ok=a["remote_ok"],
                    locations=sorted(a["locations"]),
                )
                for a in data["attorneys"]
            ],
            batch_size=1000,
        )
        profile_of = {a["id"]: p.pk for a, p in zip(data["attorneys"], profiles, strict=True)}
        m.AttorneyLanguage.objects.bulk_create(
            [
                m.AttorneyLanguage(profile_id=profile_of[a["id"]], code=code, ilr_level=level)
                for a in data["attorneys"]
                for code, level in a["languages"].items()
            ],
            batch_size=2000,
        )
        m.AttorneyReliefExperience.objects.bulk_create(
            [
                m.AttorneyReliefExperience(profile_id=profile_of[a["id"]], relief_type=rt, level=level)
                for a in data["attorneys"]
                for rt, level in a["experience"].items()
            ],
            batch_size=2000,
        )
        jurisdictions = {
            code: Jurisdiction.objects.get_or_create(code=code, defaults={"name": code})[0] for code in set(STATES)
        }
        BarAdmission.objects.bulk_create(
            [
                BarAdmission(
                    user_id=user_of[a["id"]],
                    jurisdiction=jurisdictions[code],
                    bar_number=f"{code}{a['id']}",
                    admitted_on=datetime.date(2012, 1, 1),
                )
                for a in data["attorneys"]
                for code in a["bars"]
            ],
            batch_size=2000,
        )
        root = Page.objects.get(depth=1)
        index = root.add_child(instance=CourseIndexPage(title="Bench courses", slug="bench-courses"))
        course_of = {}
        for course_id in range(1, 13):
            page = index.add_child(
                instance=CoursePage(title=f"Course {course_id}", slug=f"bench-course-{course_id}", summary="Bench.")
            )
            course_of[course_id] = page.pk
        Enrollment.objects.bulk_create(
            [
                Enrollment(user_id=user_of[a["id"]], course_id=course_of[c], completed_at=now)
                for a in data["attorneys"]
                for c in sorted(a["completed"])
            ],
            batch_size=2000,
        )
        m.ReliefTypeRequirement.objects.bulk_create(
            [
                m.ReliefTypeRequirement(relief_type=rt, course_id=course_of[c])
                for rt, ids in REQUIRED.items()
                for c in ids
            ]
        )

        open_cases = m.Case.objects.bulk_create(
            [
                m.Case(
                    reference=f"BENCH-{c['id']:05d}",
                    client_initials="XX",
                    languages=list(c["languages"]),
                    min_ilr_level=c["min_ilr"],
                    interpreter_arranged=c["interpreter"],
                    relief_types=list(c["relief_types"]),
                    detained=c["detained"],
                    court=c["location"],
                    requires_bar_jurisdiction=c["bar"] or None,
                    status=m.CaseStatus.SEEKING,
                    created_by=staff,
                )
                for c in data["cases"]
            ],
            batch_size=1000,
        )
        case_of = {c["id"]: k.pk for c, k in zip(data["cases"], open_cases, strict=True)}
        m.CaseDate.objects.bulk_create(
            [
                m.CaseDate(
                    case_id=case_of[c["id"]],
                    kind=m.CaseDateKind.FILING_DEADLINE,
                    date=today + datetime.timedelta(days=c["hard_date_within_days"]),
                )
                for c in data["cases"]
                if c["hard_date_within_days"] is not None
            ],
            batch_size=2000,
        )
        # Each attorney's active load as placed cases of their own.
        placed_cases = m.Case.objects.bulk_create(
            [
                m.Case(
                    reference=f"BENCH-P{a['id']:05d}-{k}",
                    client_initials="XX",
                    languages=["spa"],
                    status=m.CaseStatus.PLACED,
                    created_by=staff,
                )
                for a in data["attorneys"]
                for k in range(a["active"])
            ],
            batch_size=1000,
        )
        owners = [a for a in data["attorneys"] for _k in range(a["active"])]
        m.Placement.objects.bulk_create(
            [
                m.Placement(
                    case_id=case.pk,
                    attorney_id=user_of[a["id"]],
                    placed_at=now - datetime.timedelta(days=a["last_placed_days_ago"] or 400),
                )
                for a, case in zip(owners, placed_cases, strict=True)
            ],
            batch_size=2000,
        )
        m.Conflict.objects.bulk_create(
            [
                m.Conflict(attorney_id=user_of[a], case_id=case_of[c], recorded_by=staff)
                for c, a in sorted(data["conflicts"])
            ],
            batch_size=2000,
        )
        m.CaseOffer.objects.bulk_create(
            [
                m.CaseOffer(
                    case_id=case_of[c],
                    attorney_id=user_of[a],
                    offered_by=staff,
                    expires_at=now,
                    status=m.OfferStatus.DECLINED,
                    decline_reason="Bench",
                )
                for c, a in sorted(data["declined"])
            ],
            batch_size=2000,
        )
    return [case_of[c["id"]] for c in data["cases"]]


def _throwaway_database_url() -> tuple[str, str]:
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url, "PostgreSQL database " + url.rsplit("/", 1)[-1]
    path = os.path.join(tempfile.mkdtemp(prefix="pba-bench-"), "bench.sqlite3")
    return f"sqlite:///{path}", f"SQLite file {path}"


def _reset_postgres(url: str) -> None:
    """Empty the benchmark's PostgreSQL database so every run starts from the same rows."""
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def end_to_end(n_cases: int, n_attorneys: int, repeat: int) -> dict:
    """Runs in its own process, pointed at the throwaway database (see run())."""
    import django

    django.setup()
    from django.core.management import call_command

    from mentorship.matching import AttorneyPool, solve_batch, top_k
    from mentorship.selectors import matching as selectors

    call_command("migrate", verbosity=0, interactive=False)
    data = synthetic(n_cases, n_attorneys)
    start = perf_counter()
    case_ids = load_rows(data)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh bulk loads have no planner statistics yet; autovacuum would gather them in production.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"  rows created with bulk_create in {perf_counter() - start:.1f} s")
    spanish = next(
        cid for cid, c in zip(case_ids, data["cases"], strict=True) if c["languages"] == ("spa",) and not c["detained"]
    )

    def top_once():
        case_input, pool, context = selectors.matching_inputs_for_case(case_id=spanish, candidates_only=True)
        return top_k(case_input, pool, 10, context=context)

    def suggestions_page_once():
        # What the staff page of one case reads: the candidates' top-10 and the size of the pool.
        result = top_once()
        selectors.matching_pool_size()
        return result

    def top_with_exclusions_once():
        case_input, pool, context = selectors.matching_inputs_for_case(case_id=spanish)
        return top_k(case_input, pool, 10, context=context)

    def excluded_page_once():
        # What the excluded-attorneys page reads: counts per constraint in SQL, one page of ids,
        # the solver's reasons for that page's attorneys.
        from mentorship.selectors import exclusions

        context = selectors.matching_context()
        cases, parties = selectors.case_inputs(case_ids=[spanish])
        counts = exclusions.exclusion_counts(cases[0], parties[spanish], context)
        ids = list(exclusions.excluded_user_ids(cases[0], parties[spanish], context)[:50])  # the page's slice
        return counts, exclusions.exclusions_for(cases[0], parties[spanish], context, user_ids=ids)

    def batch_once():
        cases, pool, context = selectors.matching_inputs_for_batch()
        return solve_batch(cases, pool, context=context)

    load_ms, _inputs = _median_ms(selectors.matching_inputs_for_batch, repeat)
    # One case is quick and the spread between runs wide, so it gets more runs.
    top_ms, _result = _median_ms(top_once, repeat * 5)
    # The first Spanish case is a typical one; a spread of other cases shows the range.
    sample = case_ids[:: max(len(case_ids) // 10, 1)][:10]
    per_case = []
    for case_id in sample:
        ms, _result = _median_ms(
            lambda case_id=case_id: top_k(
                *selectors.matching_inputs_for_case(case_id=case_id, candidates_only=True)[:2], 10
            ),
            repeat,
        )
        per_case.append(ms)
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=spanish, candidates_only=True)
    top_solver_ms, _result = _median_ms(
        lambda: top_k(case_input, AttorneyPool(pool.attorneys, context), 10, context=context), repeat * 5
    )
    suggestions_ms, _result = _median_ms(suggestions_page_once, repeat * 5)
    page_ms, _result = _median_ms(top_with_exclusions_once, repeat)
    excluded_ms, _result = _median_ms(excluded_page_once, repeat * 5)
    batch_ms, result = _median_ms(batch_once, repeat)
    print(f"  load inputs for the batch      {load_ms:8.1f} ms")
    print(
        f"  top-10, one case, end to end   {top_ms:8.1f} ms (median of {repeat * 5}; SQL reads only possible candidates)"
    )
    print(
        f"  top-10, {len(sample)} other cases          median {statistics.median(per_case):.1f} ms, "
        f"slowest {max(per_case):.1f} ms (cases of every language and relief type)"
    )
    print(f"  top-10, its solver part        {top_solver_ms:8.1f} ms (pool of {len(pool)} candidates + ranking)")
    print(f"  suggestions page's reads       {suggestions_ms:8.1f} ms (top-10 end to end + the pool's size)")
    print(f"  top-10 + every exclusion       {page_ms:8.1f} ms (every attorney loaded, as the excluded page once did)")
    print(f"  excluded-attorneys page reads  {excluded_ms:8.1f} ms (counts per constraint in SQL + one page of 50)")
    print(
        f"  batch, end to end              {batch_ms:8.1f} ms (solver part of the last run {result.solver_ms:.1f} ms)"
    )
    print(
        f"  batch: {len(result.assignments)} placed ({result.urgent_placed} urgent), "
        f"{len(result.unassigned)} unassigned, points {result.objective}"
    )
    return {
        "top": top_ms,
        "excluded_page": excluded_ms,
        "top_solver": top_solver_ms,
        "batch": batch_ms,
        "batch_solver": result.solver_ms,
    }


def run(n_cases: int = 1000, n_attorneys: int = 5000, repeat: int = 5) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    os.environ.update(PRODUCTION_LIKE_ENV)
    import django

    django.setup()
    # Timings scale with whatever else the machine is doing; print it beside them.
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    solver = run_solver_only(n_cases, n_attorneys, repeat)

    # The database part runs in a child process so that it can point Django at a fresh
    # throwaway database, whatever the parent process has already configured.
    url, where = _throwaway_database_url()
    if url.startswith("postgres"):
        _reset_postgres(url)
    print(f"end to end on {where}, {n_cases} cases x {n_attorneys} attorneys (median of {repeat})")
    env = {**os.environ, **PRODUCTION_LIKE_ENV, "DATABASE_URL": url}
    code = (
        "import json, sys; from bench.matching import end_to_end; "
        f"print('@@' + json.dumps(end_to_end({n_cases}, {n_attorneys}, {repeat})))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    figures = None
    for line in done.stdout.splitlines():
        if line.startswith("@@"):
            figures = json.loads(line[2:])
        else:
            print(line)
    if figures is None:
        print("  end to end did not finish:")
        print(done.stderr[-3000:])
        return
    print(
        f"  ratio whole / solver part of the same run: top-10 {figures['top'] / figures['top_solver']:.1f}x, "
        f"batch {figures['batch'] / figures['batch_solver']:.1f}x"
    )
    print(
        f"  excluded-attorneys page / top-10, same run: {figures['excluded_page'] / figures['top']:.1f}x "
        "(target: near the top-10 time at this scale)"
    )
    print(
        f"  ratio whole / solver alone in memory (all {n_attorneys} attorneys): "
        f"top-10 {figures['top'] / solver['top']:.1f}x, batch {figures['batch'] / solver['batch']:.1f}x"
    )
    if not url.startswith("postgres"):
        path = url.removeprefix("sqlite:///")
        if os.path.exists(path):
            os.remove(path)
            os.rmdir(os.path.dirname(path))
