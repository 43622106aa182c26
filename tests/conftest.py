import io
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from lms.celery import app as celery_app
from tests.factories import DEFAULT_PASSWORD, MentorFactory, StaffFactory, UserFactory, VolunteerFactory, totp_enrol

# A CI leg names the marks it must run (REQUIRE_MARKS=postgres,worker,browser); a test
# of those marks that cannot run there fails instead of skipping, so nothing is left
# out silently. On a newcomer's machine such tests skip with the reason.
REQUIRED_MARKS = {mark for mark in os.environ.get("REQUIRE_MARKS", "").split(",") if mark}


def pytest_configure(config):
    from django.conf import settings

    # Hashing strength is not under test; a fast hasher saves minutes across the suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # In-process tasks by default, for fixtures of every scope; worker tests turn it off.
    celery_app.conf.task_always_eager = True
    # Parallel test processes (pytest-xdist) each keep their files apart, as their databases are.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        # Each process its own Redis database: tests clear the cache (FLUSHDB) around them, and
        # one process's stored pages and rate-limit counters must not reach another's tests.
        settings.CACHES["default"]["LOCATION"] = _redis_database_for(settings.CACHES["default"]["LOCATION"], worker)
    if worker:
        settings.MEDIA_ROOT = Path(f"{settings.MEDIA_ROOT}-{worker}")
        settings.PRIVATE_STORAGE_ROOT = Path(f"{settings.PRIVATE_STORAGE_ROOT}-{worker}")
        settings.STORAGES = {
            **settings.STORAGES,
            "private": {
                **settings.STORAGES["private"],
                "OPTIONS": {
                    **settings.STORAGES["private"].get("OPTIONS", {}),
                    "location": settings.PRIVATE_STORAGE_ROOT,
                },
            },
        }


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """The longest tests first (browser, slow, the demo's): handed out one or two at a time
    (`--maxschedchunk`), parallel processes then end within a short test of each other.

    pytest-django sorts after this, stably, into Django's order (database tests, then
    transactional ones, whose flush would take the migrations' rows from later tests, then
    the rest): within each group the longest still come first."""

    def first(item) -> bool:
        return bool(
            "browser" in item.path.parts
            or item.get_closest_marker("slow")
            or "demo_seed" in getattr(item, "fixturenames", ())
        )

    items.sort(key=lambda item: not first(item))


# Databases 0-3 are the application's (cache, broker, results); the test processes take 4-15.
_FIRST_TEST_REDIS_DATABASE = 4


def _redis_database_for(location: str, worker: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    number = _FIRST_TEST_REDIS_DATABASE + int(worker.removeprefix("gw"))
    if number > 15:
        raise pytest.UsageError(f"Redis has 16 databases: run at most {16 - _FIRST_TEST_REDIS_DATABASE} test processes")
    parts = urlsplit(location)
    return urlunsplit(parts._replace(path=f"/{number}"))


def skip_or_fail(mark: str, reason: str) -> None:
    if mark in REQUIRED_MARKS:
        pytest.fail(f"{reason} (required in this run by REQUIRE_MARKS)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _eager_celery_unless_worker(request):
    """Tasks run in-process in tests, except those marked to go through a real worker."""
    if request.node.get_closest_marker("worker"):
        if not os.environ.get("CELERY_BROKER_URL"):
            skip_or_fail("worker", "needs CELERY_BROKER_URL and a running Celery worker")
        previous = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = False
        yield
        celery_app.conf.task_always_eager = previous
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """Django's LocaleMiddleware leaves the language of the last request active in the thread;
    in tests every request runs in this thread, so a Spanish request would follow into the next test."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _postgres_only(request, settings):
    if request.node.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            skip_or_fail("postgres", "needs PostgreSQL (DATABASE_URL=postgres://...)")


DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


@pytest.fixture(autouse=True)
def _clear_cache(request):
    from django.core.cache import cache, caches
    from django.core.cache.backends.db import BaseDatabaseCache
    from django.db import connection

    if not isinstance(caches["default"], BaseDatabaseCache):
        cache.clear()
        yield
        cache.clear()
        return
    # The test settings' cache is a table of the test database (CACHE_URL=dbcache://...):
    # a test that opens no database has none to clear.
    if request.node.get_closest_marker("django_db") is None and DATABASE_FIXTURES.isdisjoint(request.fixturenames):
        yield
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        cache.clear()
    yield
    # Inside the test's own transaction (which may be broken by an expected IntegrityError)
    # the rollback that ends the test discards the cache's rows with everything else.
    if not connection.in_atomic_block:
        with blocker.unblock():
            cache.clear()


# What seed_demo made in this test process, by the state of the database it started from.
_demo_snapshots: dict[tuple, tuple[str, str]] = {}


def _database_state() -> tuple:
    """Every model's row count and the content types' numbering: a snapshot's rows (saved by
    primary key, pointing at content types by id) fit a database only in the state they were
    made from."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    counts = tuple((model._meta.label, model._base_manager.count()) for model in apps.get_models())
    return counts, tuple(ContentType.objects.order_by("pk").values_list("pk", "app_label", "model"))


def _snapshot_load(data: str) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    connection.creation.deserialize_db_from_string(data)
    if connection.vendor == "postgresql":
        # Rows saved with their primary keys leave the sequences behind them.
        from django.apps import apps

        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)


@pytest.fixture
def demo_seed(db):
    """Runs `manage.py seed_demo` as `make demo` does, in development mode (with DEBUG off the
    command refuses); the callable returns what the command printed.

    Seeding takes tens of seconds and a dozen tests read the demo, so the first call in a test
    process runs the command and keeps what it wrote (Django's own test serializer, as for a
    serialized rollback); a first call in a later test, on a database in the same state, loads
    that copy. A second call within one test always runs the command, on top of what is there:
    seeding again is then what the test is about."""
    calls = 0

    def run() -> str:
        nonlocal calls
        calls += 1
        state = _database_state() if calls == 1 else None
        if state in _demo_snapshots:
            data, printed = _demo_snapshots[state]
            _snapshot_load(data)
            return printed
        out = io.StringIO()
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=out)
        if state is not None:
            from django.db import connection

            _demo_snapshots[state] = (connection.creation.serialize_db_to_string(), out.getvalue())
        return out.getvalue()

    return run


@pytest.fixture
def password() -> str:
    return DEFAULT_PASSWORD


@pytest.fixture
def volunteer(db):
    return VolunteerFactory()


@pytest.fixture
def mentor(db):
    user = MentorFactory()
    totp_enrol(user)
    return user


@pytest.fixture
def staff(db):
    user = StaffFactory()
    totp_enrol(user)
    return user


@pytest.fixture
def user(db):
    return UserFactory()


def login_client(user, *, reauthenticated: bool = True) -> Client:
    """A client signed in as user, past any MFA stage (the session is fully authenticated).

    With `reauthenticated`, the session also holds a password confirmation made just now, as
    after allauth's re-authentication page, so bulk exports open without it.
    """
    client = Client()
    client.force_login(user)
    if reauthenticated:
        # What allauth's re-authentication page records (the tests of the page itself use it).
        session = client.session
        session["account_authentication_methods_user"] = str(user.pk)
        session["account_authentication_methods"] = [{"method": "password", "at": time.time(), "reauthenticated": True}]
        session.save()
    return client


@pytest.fixture
def client_for():
    return login_client


@pytest.fixture
def private_storage(settings, tmp_path):
    """Private files (certificates, case documents) in a temporary folder of the test's own."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_STORAGE_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root
