"""Page load benchmark: each role's pages under gunicorn, beside a stock Wagtail site (the floor).

Figures only, never pass/fail. In one run:

1. The floor: a project made by `wagtail start` (the Wagtail this project pins) in a temporary
   directory, migrated on SQLite, collectstatic, DEBUG off, served by gunicorn exactly as the
   platform is; its welcome page is loaded before and after the platform's pages, and the
   mean of the two runs is the floor.
2. The platform: a throwaway database (SQLite file, or PostgreSQL when BENCH_DATABASE_URL is
   set), migrated and filled by `seed_demo` (and `seed_scale` with BENCH_PAGES_SCALE=1),
   collectstatic, DEBUG off, Redis as the cache when it answers (else the database cache),
   gunicorn with GUNICORN_WORKERS (3) workers; every user's page is loaded signed in with a
   session made for the run.
3. The load: wrk (`apt-get install -y wrk`), CONNECTIONS (10) connections on 2 threads, for
   SECONDS (8) seconds or MAX_REQUESTS (20,000) responses per page, whichever comes first,
   against 127.0.0.1 only. Before each page one request must answer 200: a redirect to the
   sign-in page would otherwise be measured as a fast page.

The table gives requests per second, p50 and p95 latency, errors (non-2xx/3xx, socket errors,
timeouts) and the ratio to the floor, with the issue's target beside each figure.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench import PRODUCTION_LIKE_ENV

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "20000"))
WORKERS = int(os.environ.get("GUNICORN_WORKERS", "3"))
THREADS = 2
REDIS_URL = os.environ.get("BENCH_CACHE_REDIS_URL", "redis://127.0.0.1:6379/12")
PUBLIC_TARGET = 5.0
SIGNED_IN_TARGET = 0.6
P95_TARGET_MS = 150.0

WRK_SCRIPT = """
local limit = tonumber(os.getenv("BENCH_MAX_PER_THREAD") or "0")
local seen = 0
response = function(status, headers, body)
  seen = seen + 1
  if limit > 0 and seen >= limit then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""

# Settings of the platform's gunicorn processes (and of the commands that fill their database):
# the production-like base, plain HTTP on 127.0.0.1.
SERVED_ENV = {
    **PRODUCTION_LIKE_ENV,
    "ALLOWED_HOSTS": "localhost,127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "PLAIN_STATIC": "false",
    "DJANGO_SETTINGS_MODULE": "lms.settings",
    # Every request of the load test comes from 127.0.0.1: the verification page's limit per
    # address (60 in ten minutes) would otherwise answer 429 after the first second.
    "CERTIFICATE_VERIFY_LOOKUPS_PER_WINDOW": "100000000",
}


@dataclass
class Target:
    role: str
    name: str
    path: str
    cookie: str = ""


@dataclass
class Result:
    target: Target
    status: int
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    errors: int = 0
    page_cache: str = ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _environment(env: dict) -> dict:
    # This process's settings module is the platform's; each child names its own.
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    return {**inherited, **env}


def _run(args: list[str], *, env: dict, cwd: Path = ROOT) -> str:
    completed = subprocess.run(args, cwd=cwd, env=_environment(env), capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} failed:\n{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}")
    return completed.stdout


def _redis_answers(url: str) -> bool:
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.flushdb()
        return True
    except Exception:
        return False


class Server:
    """gunicorn serving a WSGI application on a free port of 127.0.0.1 until stopped."""

    def __init__(self, app: str, *, cwd: Path, env: dict, log: Path):
        self.port = _free_port()
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                app,
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{self.port}",
                "--no-control-socket",
                "--worker-tmp-dir=/dev/shm",
                "--log-level=warning",
            ],
            cwd=cwd,
            env=_environment(env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start; see {log}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def _status_of(server: Server, target: Target) -> tuple[int, str]:
    # Always http://127.0.0.1:<port>: the address is built here, never taken from input.
    request = urllib.request.Request(  # noqa: S310
        server.url(target.path), headers={"Cookie": target.cookie} if target.cookie else {}
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


def load(server: Server, target: Target, *, script: Path) -> Result:
    # Twice: the first visit may fill the page cache; the second is what a visitor then gets.
    _status_of(server, target)
    status, page_cache = _status_of(server, target)
    if status != 200:
        return Result(target=target, status=status)
    args = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout=10s", "-s", str(script)]
    if target.cookie:
        args += ["-H", f"Cookie: {target.cookie}"]
    env = {**os.environ, "BENCH_MAX_PER_THREAD": str(MAX_REQUESTS // THREADS)}
    # A second of load first, unmeasured: every gunicorn worker has then served the page once.
    warm_up = [arg if not arg.startswith("-d") else "-d1s" for arg in args]
    subprocess.run([*warm_up, server.url(target.path)], capture_output=True, env=env, check=True)
    output = subprocess.run([*args, server.url(target.path)], capture_output=True, text=True, env=env, check=True)
    figures = json.loads(output.stdout.strip().splitlines()[-1])
    return Result(
        target=target,
        status=status,
        requests_per_second=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        errors=figures["errors"],
        page_cache=page_cache,
    )


def floor_build(workdir: Path) -> tuple[Path, dict]:
    project = workdir / "floor"
    project.mkdir()
    _run([str(BIN / "wagtail"), "start", "floor", str(project)], env={})
    (project / "floor" / "settings" / "bench.py").write_text(
        "from .production import *  # noqa\n"
        "SECRET_KEY = 'benchmark-only-floor-key'\n"
        "ALLOWED_HOSTS = ['localhost', '127.0.0.1']\n"
    )
    env = {"DJANGO_SETTINGS_MODULE": "floor.settings.bench", "PYTHONPATH": str(project)}
    _run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env=env, cwd=project)
    _run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, cwd=project)
    return project, env


SESSIONS_SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.urls import reverse
from accounts.models import User
from courses.certificates.models import Certificate
from courses.models import CoursePage
from mentorship.models import Case, CaseStatus

def cookie(email):
    client = Client()
    client.force_login(User.objects.get(email=email))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

attorney, mentor, staff = cookie("l.garcia@lawfirm.example"), cookie("m.ruiz@probono.example"), cookie("staff@probono.example")
course = CoursePage.objects.live().filter(language="en").order_by("path").first()
certificate = Certificate.objects.filter(status=Certificate.Status.VALID).order_by("pk").first()
seeking = Case.objects.filter(status=CaseStatus.SEEKING).order_by("pk").first()
placed = Case.objects.filter(status=CaseStatus.PLACED).order_by("pk").first()
targets = [
    ("public", "home", "/", ""),
    ("public", "catalog", "/courses/", ""),
    ("public", "course page", course.url, ""),
    ("public", "verification", reverse("certificates:verify", args=[certificate.code]), ""),
    ("attorney", "dashboard", reverse("dashboard"), attorney),
    ("attorney", "my learning", reverse("courses:my_learning"), attorney),
    ("attorney", "open cases", reverse("mentorship:open_cases"), attorney),
    ("attorney", "certificates", reverse("certificates:mine"), attorney),
    ("mentor", "dashboard", reverse("dashboard"), mentor),
    ("mentor", "mentees", reverse("mentorship:mentor_home"), mentor),
    ("staff", "staff home", reverse("staff:home"), staff),
    ("staff", "dashboard", reverse("staff:dashboard"), staff),
    ("staff", "matching one case", reverse("staff:matching_case", args=[seeking.pk]), staff),
    ("staff", "case page", reverse("staff:case_detail", args=[placed.pk]), staff),
]
print(json.dumps(targets))
"""


def platform_build(workdir: Path, *, scale: bool) -> tuple[dict, list[Target], str]:
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if database_url:
        _run([PYTHON, "-c", _POSTGRES_RESET, database_url], env={})
    else:
        database_url = f"sqlite:///{workdir / 'platform.sqlite3'}"
    env = {
        **SERVED_ENV,
        "DATABASE_URL": database_url,
        "PRIVATE_STORAGE_ROOT": str(workdir / "private"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    cache = "Redis" if _redis_answers(REDIS_URL) else "database cache"
    if cache == "Redis":
        env["REDIS_URL"] = REDIS_URL
    demo = {**env, "DEBUG": "true", "SITE_URL": "http://127.0.0.1"}
    _run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env=demo)
    _run([PYTHON, "manage.py", "seed_demo"], env=demo)
    if scale:
        _run([PYTHON, "manage.py", "seed_scale"], env=demo)
    _run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env=env)
    if cache == "Redis":
        _redis_answers(REDIS_URL)  # empty again: nothing seeded is served from it
    rows = json.loads(_run([PYTHON, "-c", SESSIONS_SCRIPT], env=env).strip().splitlines()[-1])
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    return env, [Target(*row) for row in rows], f"{engine}, {cache}"


_POSTGRES_RESET = """
import sys
import psycopg
from urllib.parse import urlparse
url = urlparse(sys.argv[1])
name = url.path.lstrip("/")
with psycopg.connect(sys.argv[1].replace("/" + name, "/postgres"), autocommit=True) as connection:
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.execute(f'CREATE DATABASE "{name}"')
"""


def _print_table(results: list[Result], floor: float, floor_runs: list[float], setting: str) -> None:
    print(
        f"\nfloor (stock `wagtail start` home page): {floor:.0f} req/s (runs: {', '.join(f'{r:.0f}' for r in floor_runs)})"
    )
    print(
        f"platform: {setting}; gunicorn {WORKERS} workers; wrk {CONNECTIONS} connections, {SECONDS} s or {MAX_REQUESTS} responses"
    )
    print("| role | page | req/s | p50 ms | p95 ms | errors | × floor | target | met |")
    print("|---|---|---|---|---|---|---|---|---|")
    for result in results:
        target = result.target
        if result.status != 200:
            print(f"| {target.role} | {target.name} | answered {result.status}, not measured | | | | | | no |")
            continue
        if result.requests_per_second == 0:
            print(f"| {target.role} | {target.name} | no response within {SECONDS} s | | | | 0 | | no |")
            continue
        ratio = result.requests_per_second / floor
        if target.role == "public":
            if result.page_cache != "hit":
                print(
                    f"(the {target.name} page was not served from the page cache: {result.page_cache or 'no header'})"
                )
            wanted, met = f"≥ {PUBLIC_TARGET:g}×", ratio >= PUBLIC_TARGET and result.errors == 0
        else:
            wanted = f"≥ {SIGNED_IN_TARGET:g}×, p95 < {P95_TARGET_MS:g} ms"
            met = ratio >= SIGNED_IN_TARGET and result.p95_ms < P95_TARGET_MS and result.errors == 0
        print(
            f"| {target.role} | {target.name} | {result.requests_per_second:.0f} | {result.p50_ms:.1f} | "
            f"{result.p95_ms:.1f} | {result.errors} | {ratio:.2f} | {wanted} | {'yes' if met else 'no'} |"
        )


def _machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores ({model or 'unknown CPU'}), load average {load}"


def run(*, scale: bool = False) -> None:
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install -y wrk): the page load figures are missing.")
        return
    with tempfile.TemporaryDirectory(prefix="pba-bench-pages-") as tmp:
        workdir = Path(tmp)
        script = workdir / "bounded.lua"
        script.write_text(WRK_SCRIPT)
        started = time.monotonic()
        print(f"machine at the start: {_machine()}")
        floor_project, floor_env = floor_build(workdir)
        env, targets, setting = platform_build(workdir, scale=scale)
        print(f"set-up (floor project, migrate, seed, collectstatic): {time.monotonic() - started:.0f} s")

        floor_target = Target("floor", "welcome page", "/")
        floor_runs = []
        floor_server = Server("floor.wsgi:application", cwd=floor_project, env=floor_env, log=workdir / "floor.log")
        try:
            floor_runs.append(load(floor_server, floor_target, script=script).requests_per_second)
        finally:
            floor_server.stop()
        server = Server("lms.wsgi:application", cwd=ROOT, env=env, log=workdir / "platform.log")
        try:
            results = [load(server, target, script=script) for target in targets]
        finally:
            server.stop()
        floor_server = Server("floor.wsgi:application", cwd=floor_project, env=floor_env, log=workdir / "floor.log")
        try:
            floor_runs.append(load(floor_server, floor_target, script=script).requests_per_second)
        finally:
            floor_server.stop()
        log = (workdir / "platform.log").read_text()
        if "Traceback" in log:
            print("the platform's gunicorn log holds errors:\n" + log[-3000:])
        _print_table(results, sum(floor_runs) / len(floor_runs), floor_runs, setting)
        print(f"machine at the end: {_machine()}")


if __name__ == "__main__":
    run(scale=os.environ.get("BENCH_PAGES_SCALE") == "1")
