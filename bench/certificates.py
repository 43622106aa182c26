"""Certificate benchmark: render time per certificate, the ratio to a bare WeasyPrint page,
and certificates per minute through a real Celery worker.

Figures only, never pass/fail.

1. In process: median (and p90) milliseconds to render one certificate from a snapshot,
   warm, N renders; the same for WeasyPrint rendering a minimal one-page HTML document
   with its defaults, in the same run; their ratio.
2. Through a worker: a child process migrates a throwaway database (a SQLite file, or
   PostgreSQL when BENCH_DATABASE_URL is set; its public schema is emptied), creates 500
   completed enrolments, starts its own `celery worker` subprocess against Redis
   (BENCH_REDIS_URL, default redis://127.0.0.1:6379/10, results in database 11), queues
   500 issue tasks and times them until every result is in; then stops the worker. If
   Redis cannot be reached, it says why that figure is missing.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from time import perf_counter

RENDERS = 60
WARMUP = 5
CERTIFICATES = 500
WORKER_CONCURRENCY = int(os.environ.get("BENCH_WORKER_CONCURRENCY", "2"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
MINIMAL_HTML = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>Hello</p></body></html>"


def _timed(function, n: int) -> list[float]:
    for _ in range(WARMUP):
        function()
    times = []
    for _ in range(n):
        start = perf_counter()
        function()
        times.append((perf_counter() - start) * 1000)
    return times


def _p90(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.9) - 1]


def render_figures(n: int = RENDERS) -> dict:
    import weasyprint

    from courses.certificates.rendering import certificate_pdf_render
    from courses.certificates.snapshot import snapshot_build
    from tests.certificates.samples import sample_snapshot_inputs

    snapshot = snapshot_build(**sample_snapshot_inputs())
    ours = _timed(lambda: certificate_pdf_render(snapshot=snapshot), n)
    bare = _timed(lambda: weasyprint.HTML(string=MINIMAL_HTML).write_pdf(), n)
    size = len(certificate_pdf_render(snapshot=snapshot))
    return {
        "ours_median": statistics.median(ours),
        "ours_p90": _p90(ours),
        "bare_median": statistics.median(bare),
        "bare_p90": _p90(bare),
        "size": size,
    }


def _redis_problem(url: str) -> str | None:
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means the figure cannot be taken
        return f"{type(exc).__name__}: {exc}"
    return None


def _throwaway_database_url() -> tuple[str, str]:
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return url, "PostgreSQL database " + url.rsplit("/", 1)[-1]
    path = os.path.join(tempfile.mkdtemp(prefix="pba-bench-cert-"), "bench.sqlite3")
    return f"sqlite:///{path}", f"SQLite file {path}"


def _create_enrolments(n: int) -> list[int]:
    """n attorneys admitted in New York who completed one accredited course (bulk inserts)."""
    from datetime import date, timedelta

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import User
    from courses.models import AttendanceCodeEntry, BarAdmission, Enrollment, LessonPage, LessonProgress
    from tests.factories import cle_world_make

    world = cle_world_make(title="Bench course: U visas")
    lesson = world.course.add_child(instance=LessonPage(title="Lesson 1", slug="lesson-1"))
    now = timezone.now()
    unusable = make_password(None)  # bench attorneys never sign in
    users = User.objects.bulk_create(
        [User(email=f"bench{i}@example.org", full_name=f"Attorney Bench {i}", password=unusable) for i in range(n)]
    )
    BarAdmission.objects.bulk_create(
        [
            BarAdmission(user=u, jurisdiction=world.ny, bar_number=f"{i:07d}", admitted_on=date(2015, 1, 5))
            for i, u in enumerate(users)
        ]
    )
    enrolments = Enrollment.objects.bulk_create(
        [
            Enrollment(
                user=u,
                course=world.course,
                enrolled_at=now - timedelta(days=2),
                completed_at=now,
                affirmation_signed_at=now,
                affirmation_text="I affirm that I personally completed this course.",
            )
            for u in users
        ]
    )
    LessonProgress.objects.bulk_create(
        [LessonProgress(enrollment=e, lesson=lesson, engaged_seconds=160 * 60, completed_at=now) for e in enrolments]
    )
    AttendanceCodeEntry.objects.bulk_create(
        [
            AttendanceCodeEntry(
                enrollment=e,
                lesson=lesson,
                prompt=f"Attendance code {k + 1}",
                expected_code="X",
                entered_value="X",
                reveal_after_seconds=600 * (k + 1),
                correct=True,
                entered_at=now,
            )
            for e in enrolments
            for k in range(2)
        ]
    )
    return [e.pk for e in enrolments]


def _wait_for_worker(app, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1.0):
            return True
    return False


def worker_figures(n: int) -> dict:
    """Runs in its own process, pointed at the throwaway database and Redis (see run())."""
    import django

    django.setup()
    from celery.result import ResultSet
    from django.core.management import call_command

    from courses.certificates.models import Certificate
    from courses.certificates.tasks import certificates_issue_task
    from lms.celery import app

    call_command("migrate", verbosity=0, interactive=False)
    start = perf_counter()
    ids = _create_enrolments(n + WORKER_CONCURRENCY)
    print(f"  {len(ids)} completed enrolments created in {perf_counter() - start:.1f} s")
    app.control.purge()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            f"--concurrency={WORKER_CONCURRENCY}",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"bench-certificates-{os.getpid()}@%h",
        ],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if not _wait_for_worker(app):
            return {"error": "the worker did not answer a ping within 60 s"}
        # Warm each worker process (WeasyPrint import, fonts) with certificates not counted.
        warm, counted = ids[:WORKER_CONCURRENCY], ids[WORKER_CONCURRENCY:]
        ResultSet([certificates_issue_task.delay(pk) for pk in warm]).join(timeout=120)
        start = perf_counter()
        results = ResultSet([certificates_issue_task.delay(pk) for pk in counted])
        results.join(timeout=1800)
        elapsed = perf_counter() - start
        issued = Certificate.objects.filter(enrollment_id__in=counted).count()
        files = len(list(Path(os.environ["PRIVATE_STORAGE_ROOT"]).rglob("*.pdf")))
        # The same tasks again: every one finds its certificate (idempotency under load).
        again_start = perf_counter()
        ResultSet([certificates_issue_task.delay(pk) for pk in counted]).join(timeout=1800)
        again = perf_counter() - again_start
        return {
            "n": len(counted),
            "seconds": elapsed,
            "issued": issued,
            "rows_after_rerun": Certificate.objects.count(),
            "files": files,
            "rerun_seconds": again,
        }
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)


def run(n: int = CERTIFICATES) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    figures = render_figures()
    print(
        f"render one certificate (warm, median of {RENDERS})  {figures['ours_median']:7.1f} ms  (p90 {figures['ours_p90']:.1f} ms, {figures['size'] / 1024:.0f} KiB)"
    )
    print(
        f"bare WeasyPrint, minimal one-page HTML              {figures['bare_median']:7.1f} ms  (p90 {figures['bare_p90']:.1f} ms)"
    )
    print(
        f"ratio ours / bare                                   {figures['ours_median'] / figures['bare_median']:7.1f}x"
    )

    problem = _redis_problem(REDIS_URL)
    if problem:
        print(
            f"certificates per minute through a worker: not measured, Redis at {REDIS_URL} is unreachable ({problem})"
        )
        return
    url, where = _throwaway_database_url()
    private = tempfile.mkdtemp(prefix="pba-bench-private-")
    results_url = REDIS_URL.rsplit("/", 1)[0] + "/11"
    print(
        f"through a real Celery worker ({WORKER_CONCURRENCY} processes, {os.cpu_count()} CPUs), {n} certificates, on {where}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "true",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": results_url,
        "PRIVATE_STORAGE_ROOT": private,
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
    }
    code = f"import json; from bench.certificates import worker_figures; print('@@' + json.dumps(worker_figures({n})))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    result = None
    for line in done.stdout.splitlines():
        if line.startswith("@@"):
            result = json.loads(line[2:])
        else:
            print(line)
    if result is None or "error" in result:
        print("  worker run did not finish:", (result or {}).get("error", ""))
        print(done.stderr[-3000:])
        return
    per_minute = result["n"] / result["seconds"] * 60
    print(
        f"  {result['n']} certificates issued, rendered and stored in {result['seconds']:.1f} s: {per_minute:,.0f} certificates per minute"
    )
    print(f"  rows {result['issued']}, PDF files {result['files']} (warm-up certificates included in files)")
    print(
        f"  the same {result['n']} tasks again: {result['rerun_seconds']:.1f} s, rows afterwards {result['rows_after_rerun']} (no duplicates)"
    )
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.unlink(missing_ok=True)
        path.parent.rmdir()
