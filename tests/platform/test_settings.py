"""Production settings: `check --deploy` is clean and a missing secret is explained, not traced."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k7#Qm2!vRz8$Lp4&Xw9@Nc3^Tb6*Hy1(Gd5)Fs0_Ja-Ue+Io=Pr",
    "ALLOWED_HOSTS": "probono.example.org",
    "FIELD_ENCRYPTION_KEYS": "b3Zlci10aGUtdGVzdC1rZXktdGhhdC1pcy0zMi1ieXQ=",
    "FIELD_HASH_KEY": "a-separate-secret-for-conflict-hashes-9f2c7e1b",
    "DATABASE_URL": "sqlite:////tmp/pba-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/5",  # read, never connected to, by these checks
    "EMAIL_URL": "smtp+tls://mailer:mail-password@smtp.example.org:587",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG", "PYTHONPATH"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "variable", ["SECRET_KEY", "ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEYS", "FIELD_HASH_KEY", "EMAIL_URL"]
)
def test_missing_production_setting_names_the_variable_without_a_traceback(variable):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != variable}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"environment variable {variable} is not set" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("mode", ["development", "production"])
def test_the_hash_key_stays_when_the_encryption_keys_rotate(mode):
    """Stored conflict hashes keep matching only if prepending a Fernet key leaves the hash key alone."""
    base = {"DEBUG": "true"} if mode == "development" else PRODUCTION_ENV
    old, new = PRODUCTION_ENV["FIELD_ENCRYPTION_KEYS"], "bmV3LWtleS1wcmVwZW5kZWQtYXQtcm90YXRpb24tdGk="
    code = "from django.conf import settings; print(settings.FIELD_HASH_KEY)"
    hash_keys = [
        run_manage("shell", "-c", code, env={**base, "FIELD_ENCRYPTION_KEYS": keys}).stdout.strip().splitlines()[-1]
        for keys in (old, f"{new},{old}", new)
    ]
    assert hash_keys[0] and len(set(hash_keys)) == 1, hash_keys
    assert hash_keys[0] not in {old, new}


def _without_cache(env: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in env.items() if key not in {"REDIS_URL", "CACHE_URL"}}


@pytest.mark.parametrize(
    "cache",
    [{}, {"CACHE_URL": "locmemcache://"}, {"CACHE_URL": "dummycache://"}, {"CACHE_URL": "filecache:///tmp/pba-cache"}],
    ids=["none", "locmem", "dummy", "file"],
)
def test_production_refuses_a_cache_that_workers_do_not_share(cache):
    """Rate limits and used one-time codes held per process let each worker accept them again."""
    result = run_manage("check", env={**_without_cache(PRODUCTION_ENV), **cache})
    assert result.returncode != 0
    assert "environment variable REDIS_URL (or CACHE_URL)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "cache, backend",
    [
        ({"REDIS_URL": "redis://127.0.0.1:6379/5"}, "django.core.cache.backends.redis.RedisCache"),
        ({"CACHE_URL": "rediscache://127.0.0.1:6379/5"}, "django.core.cache.backends.redis.RedisCache"),
        ({"CACHE_URL": "dbcache://pba_cache"}, "django.core.cache.backends.db.DatabaseCache"),
    ],
    ids=["REDIS_URL", "CACHE_URL-redis", "CACHE_URL-database"],
)
def test_production_starts_with_a_shared_cache(cache, backend):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage("shell", "-c", code, env={**_without_cache(PRODUCTION_ENV), **cache})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == backend


def test_production_refuses_to_print_emails_to_the_log():
    """Password-reset and sign-in links would land in the server's log."""
    result = run_manage("check", env={**PRODUCTION_ENV, "EMAIL_URL": "consolemail://"})
    assert result.returncode != 0
    assert "EMAIL_URL is consolemail://" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_debug_mode_starts_with_embedded_defaults():
    result = run_manage("check", env={"DEBUG": "true"})
    assert result.returncode == 0, result.stderr


def test_production_cookies_are_secure_host_prefixed():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME,"
        " s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS >= 31536000,"
        " s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT)"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "True",
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "Lax",
        "True",
        "True",
        "True",
    ], result.stderr
