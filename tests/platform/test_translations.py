"""The Spanish catalog is complete for everyone but program staff and editors, and the
compiled catalog the site loads is the one its source says.

Areas that must be fully translated are defined by where a msgid is used (the ``#:``
references ``makemessages`` writes): a msgid is required when at least one of its uses is
outside the staff and editor areas below. Those areas are program staff's and content
editors' screens, which may stay in English (their strings stay marked):

- templates/mentorship/staff/, templates/mentorship/matching/ and the staff dashboard
  (templates/mentorship/dashboards/staff.html, _staff.html): program staff only;
- mentorship/views/staff*.py, mentorship/views/matching.py, mentorship/views/reports.py and
  mentorship/selectors/reports.py: staff views and reports (``policy.require_staff``);
- the Wagtail admin: every ``wagtail_hooks.py`` and ``admin_views.py``, and templates/*/admin/.

Everything else (templates/, views, forms, models, services, emails, the calendar feed,
error pages) is what an attorney, a mentor or the public sees, and must be translated and
not fuzzy.
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from .po import po_read

ROOT = Path(settings.BASE_DIR)
CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES"
SOURCES = ["accounts", "courses", "home", "lms", "mentorship", "templates", "locale", "manage.py"]
STAFF_AND_EDITOR_AREAS = re.compile(
    r"^(templates/mentorship/staff/"
    r"|templates/mentorship/matching/"
    r"|templates/mentorship/dashboards/_?staff\.html"
    r"|templates/[^/]+/admin/"
    r"|mentorship/views/(staff[^/]*|matching|reports)\.py"
    r"|mentorship/selectors/reports\.py"
    r"|.*wagtail_hooks\.py"
    r"|.*admin_views\.py)"
)


def _gettext_tools() -> None:
    if not (shutil.which("msgfmt") and shutil.which("xgettext") and shutil.which("msgmerge")):
        pytest.fail("GNU gettext is needed for these tests: apt-get install gettext")


def _required(entry) -> bool:
    return any(not STAFF_AND_EDITOR_AREAS.match(ref) for ref in entry.references)


def test_every_string_attorneys_mentors_and_the_public_see_is_translated(tmp_path):
    """makemessages on a copy of the sources, merged with the committed catalog: a string new
    in the code arrives untranslated, a changed one arrives fuzzy, and both fail here."""
    _gettext_tools()
    copy = tmp_path / "project"
    copy.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "lms.settings"}
    subprocess.run(  # noqa: S603 (a fixed command on a copy of the project)
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    _, entries = po_read(copy / "locale" / "es" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 1000
    missing = [
        f"{e.msgid!r} ({', '.join(sorted(set(e.references)))})"
        for e in entries
        if _required(e) and (not e.translated or e.fuzzy)
    ]
    assert not missing, "Untranslated or fuzzy in locale/es:\n" + "\n".join(missing)


def test_the_committed_compiled_catalog_matches_its_source(tmp_path):
    _gettext_tools()
    compiled = tmp_path / "django.mo"
    subprocess.run(  # noqa: S603
        ["msgfmt", "--check-format", "-o", str(compiled), str(CATALOG / "django.po")],  # noqa: S607
        check=True,
    )
    with compiled.open("rb") as fresh, (CATALOG / "django.mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(fresh)._catalog, (
            "locale/es/LC_MESSAGES/django.mo is stale: run `make messages` and commit it"
        )


def test_the_spanish_catalog_has_spanish_plural_forms():
    header, _ = po_read(CATALOG / "django.po")
    assert "Language: es\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
