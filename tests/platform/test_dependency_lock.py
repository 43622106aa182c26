"""requirements.lock pins every package `make install` installs, each to one version with its hashes.

Reads only the repository's files and the installed packages' metadata: no network.
"""

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def lock_problems(text: str) -> tuple[dict[str, Version], list[str]]:
    """The exact pins of a hashed lock, and what in it is not one exact, hashed pin."""
    pins: dict[str, Version] = {}
    problems: list[str] = []
    for line in re.sub(r"\\\n", " ", text).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement, _, options = line.partition(" --hash=")
        options = "--hash=" + options if options else ""
        try:
            req = Requirement(requirement.strip())
        except InvalidRequirement:
            problems.append(f"not a package pin: {line}")
            continue
        specifiers = list(req.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==" or "*" in specifiers[0].version:
            problems.append(f"not pinned to one exact version: {requirement}")
            continue
        if req.url or req.extras:
            problems.append(f"a URL or extras in a pin: {requirement}")
        hashes = options.split()
        if not hashes:
            problems.append(f"no hash: {requirement}")
        elif not all(HASH.fullmatch(option) for option in hashes):
            problems.append(f"not a sha256 hash: {line}")
        name = canonicalize_name(req.name)
        if name in pins:
            problems.append(f"pinned twice: {name}")
        pins[name] = Version(specifiers[0].version)
    return pins, problems


def project_requirements() -> list[Requirement]:
    """What pyproject.toml asks for: runtime dependencies, the dev extra, the build backend."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    lines = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["dev"],
        *project["build-system"]["requires"],
        "pip",  # make install upgrades pip from the lock before anything else
    ]
    return [Requirement(line) for line in lines]


def locked() -> dict[str, Version]:
    pins, problems = lock_problems((ROOT / "requirements.lock").read_text())
    assert not problems, "requirements.lock: " + "; ".join(problems) + " (regenerate it: make lock)"
    return pins


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("django==5.2.19\n", "no hash: django==5.2.19"),
        ("django>=5.2 \\\n    --hash=sha256:" + "a" * 64 + "\n", "not pinned to one exact version"),
        ("django==5.2.* \\\n    --hash=sha256:" + "a" * 64 + "\n", "not pinned to one exact version"),
        ("django==5.2.19 \\\n    --hash=md5:" + "a" * 32 + "\n", "not a sha256 hash"),
        ("-e .\n", "not a package pin"),
        ("--index-url https://example.org/simple\n", "not a package pin"),
    ],
)
def test_a_lock_line_without_an_exact_version_and_a_sha256_hash_is_reported(text, problem):
    _, problems = lock_problems(text)
    assert any(problem in found for found in problems), problems


def test_a_hashed_exact_pin_passes():
    text = "django==5.2.19 \\\n    --hash=sha256:" + "a" * 64 + " \\\n    --hash=sha256:" + "b" * 64 + "\n    # via x\n"
    assert lock_problems(text) == ({"django": Version("5.2.19")}, [])


def test_every_line_of_the_lock_is_one_exact_version_with_sha256_hashes():
    assert len(locked()) > 50


def test_every_dependency_in_pyproject_is_pinned_in_the_lock_within_its_range():
    pins = locked()
    missing = [str(req) for req in project_requirements() if canonicalize_name(req.name) not in pins]
    assert not missing, f"pyproject.toml asks for {missing}, requirements.lock does not pin them: run make lock"
    outside = [
        f"{req} (locked {pins[canonicalize_name(req.name)]})"
        for req in project_requirements()
        if not req.specifier.contains(pins[canonicalize_name(req.name)], prereleases=True)
    ]
    assert not outside, f"locked versions outside pyproject.toml's ranges: {outside}: run make lock"


def test_the_lock_pins_every_requirement_of_every_locked_package():
    """The installed metadata says what each locked package needs (with the extras asked for)."""
    pins = locked()
    for name, version in pins.items():
        installed = Version(metadata.version(name))
        assert installed == version, f"{name} {installed} is installed, the lock says {version}: run make install"
    extras: dict[str, set[str]] = {}
    pending = list(project_requirements())
    missing: set[str] = set()
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        req = pending.pop()
        name = canonicalize_name(req.name)
        asked = extras.setdefault(name, set())
        asked |= set(req.extras)
        if name not in pins:
            missing.add(f"{req}")
            continue
        if (name, frozenset(asked)) in seen:
            continue
        seen.add((name, frozenset(asked)))
        for line in metadata.requires(name) or []:
            dep = Requirement(line)
            if dep.marker is None or any(dep.marker.evaluate({"extra": extra}) for extra in {"", *asked}):
                pending.append(dep)
    assert not missing, f"needed but not in requirements.lock: {sorted(missing)}: run make lock"


def test_make_install_requires_hashes_and_ci_never_runs_the_audit():
    makefile = (ROOT / "Makefile").read_text()
    install = makefile.split("$(STAMP): pyproject.toml requirements.lock\n", 1)[1].split("\n\n", 1)[0]
    pip_lines = [line for line in install.splitlines() if "pip install" in line]
    assert pip_lines, install
    for line in pip_lines:
        assert "--require-hashes" in line or "--no-deps --no-build-isolation -e ." in line, line
    assert "-c requirements.lock" not in install
    assert "\naudit:\n" in makefile, "no make audit target"
    audit = makefile.split("\naudit:\n", 1)[1]
    assert "--strict" in audit, "without --strict an unreachable advisory service passes as no vulnerabilities"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make audit" not in ci and "pip-audit" not in ci
