"""Nothing is loaded from outside the site: no CDN fonts, scripts, styles or images."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOADING_ATTRIBUTES = re.compile(r"""(?:src|href|srcset|poster|data)\s*=\s*["']\s*(?:https?:)?//""", re.IGNORECASE)
CSS_IMPORTS = re.compile(r"""(?:@import|url\()\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def project_files(*patterns: str):
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            if ".venv" not in path.parts and "staticfiles" not in path.parts and "node_modules" not in path.parts:
                yield path


def test_templates_load_nothing_from_another_origin():
    offenders = []
    for path in project_files(
        "templates/**/*.html", "*/templates/**/*.html", "courses/certificates/templates/**/*.html"
    ):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LOADING_ATTRIBUTES.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_stylesheets_import_nothing_from_another_origin():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_files("static/**/*.css", "*/static/**/*.css", "templates/**/*.css")
        if CSS_IMPORTS.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_the_scan_would_catch_a_cdn_script():
    assert LOADING_ATTRIBUTES.search('<script src="https://cdn.example.com/x.js"></script>')
    assert LOADING_ATTRIBUTES.search("<link href='//fonts.example.com/css'>")
    assert not LOADING_ATTRIBUTES.search('<script src="/static/js/quick-exit.js"></script>')
    assert CSS_IMPORTS.search("@import url(https://fonts.example.com/css)")
