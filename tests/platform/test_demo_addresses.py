"""`make demo` on another port links to that port; the one-time code command runs as the README says."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")


def _dry_run(*args: str) -> list[str]:
    result = subprocess.run(  # noqa: S603 - fixed arguments, the project's own Makefile
        [MAKE, "-n", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    )
    return [line for line in result.stdout.splitlines() if "manage.py" in line]


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_demo_on_another_port_passes_that_address_as_site_url():
    lines = _dry_run("demo", "PORT=8201")
    assert len(lines) == 3
    for line in lines:
        assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8201}" in line
        assert ":8000" not in line


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_demo_on_all_interfaces_links_to_a_reachable_address():
    (line, *_rest) = _dry_run("demo", "HOST=0.0.0.0", "PORT=8300")
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8300}" in line


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_the_readme_one_time_code_command_runs_in_development_mode():
    readme = (ROOT / "README.md").read_text()
    assert "`make totp`" in readme
    (line,) = _dry_run("totp")
    assert "DEBUG=${DEBUG:-true}" in line and "demo_totp_code" in line


def test_one_time_code_command_prints_a_code_in_development(settings, capsys):
    settings.DEBUG = True
    call_command("demo_totp_code")
    assert re.fullmatch(r"\d{6}\n", capsys.readouterr().out)


def test_certificate_verify_url_follows_site_url(settings):
    from courses.certificates.services import verify_url_for

    settings.SITE_URL = "http://127.0.0.1:8201/"
    assert verify_url_for("ABC").startswith("http://127.0.0.1:8201/")
