"""axe-core on every page each kind of visitor can open on the demo site (WCAG 2.1 AA rules).

axe-core comes from the npm registry (`package.json`, `npm ci`), never a CDN, and is injected
by the test only: visitors are never sent it. No page may have a critical or serious violation;
moderate and minor ones are listed in a report the run writes (`AXE_REPORT`, by default
.ci/out/axe-report.md) so they can be worked down. Each page is checked again 375 px wide:
no sideways scrolling (tables scroll in their own box) and tap targets of at least 24 px.

The public pages are checked for the anonymous visitor and for the attorney (whose course
pages carry enrolment and progress); other signed-in visitors get them with the same markup
but their own header, which their home page and their own pages already check.
"""

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Collection

from accounts.models import User
from tests.browser.conftest import AXE, BLOCKING, axe_run
from tests.conftest import skip_or_fail
from tests.factories.courses import _home_page
from tests.platform.test_every_page import VISITORS, walked_paths

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = Path(os.environ.get("AXE_REPORT", Path(settings.BASE_DIR) / ".ci" / "out" / "axe-report.md"))
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# Pages of one Wagtail type share a template: one of each is enough.
ONE_PER_PAGE_TYPE = True
# The signed-in visitor who is also checked on every public page (see the module's docstring).
PUBLIC_PAGES_ALSO_FOR = "volunteer"


def _pages_to_check(paths: list[str]) -> list[str]:
    from wagtail.models import Page

    by_url = {page.url: page for page in Page.objects.live().specific() if page.depth > 1 and page.url}
    seen_types, chosen = set(), []
    for path in paths:
        page = by_url.get(path)
        if page is not None and ONE_PER_PAGE_TYPE:
            if type(page) in seen_types:
                continue
            seen_types.add(type(page))
        chosen.append(path)
    return chosen


def _html_pages_for(email: str | None, paths: list[str]) -> list[str]:
    """The paths this visitor gets a 200 HTML page for (a quick server-side pass first)."""
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    ok = []
    for path in paths:
        response = client.get(path)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            ok.append(path)
    return ok


def _sign_in(context, email: str | None, base_url: str) -> None:
    if not email:
        return
    client = Client()
    client.force_login(User.objects.get(email=email))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])


def _overflow(page) -> list[str]:
    """What sticks out past the viewport's width (the page would scroll sideways)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const wide = [];
          for (const el of document.body.querySelectorAll("*")) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && !el.closest(".table-wrap, .visually-hidden, .skip-link"))
              wide.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
            if (wide.length >= 5) break;
          }
          return wide.length ? wide : ["(the page is wider than the viewport)"];
        }"""
    )


def _write_report(findings: dict[str, list[tuple[str, str, dict]]], checked: int) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# axe-core report: {checked} page views checked", ""]
    for impact in ("critical", "serious", "moderate", "minor"):
        rows = findings.get(impact, [])
        lines.append(f"## {impact}: {len(rows)}")
        for visitor, path, violation in rows:
            lines.append(f"- {visitor} `{path}` **{violation['id']}** ({violation['count']}): {violation['help']}")
            lines.extend(f"  - `{node}`" for node in violation["nodes"])
        lines.append("")
    REPORT.write_text("\n".join(lines))
    (REPORT.with_suffix(".json")).write_text(json.dumps(findings, indent=1))


def test_no_page_has_a_critical_or_serious_violation_for_any_visitor(browser, live_server, demo_seed):
    if not AXE.exists():
        skip_or_fail("browser", f"needs {AXE}: run `npm ci`")
    # A transactional test run earlier flushes what migrations created (the site's page tree,
    # the root collection): put them back as a fresh database has them, then seed the demo.
    _home_page()
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    demo_seed()
    paths = _pages_to_check(walked_paths())
    findings: dict[str, list] = defaultdict(list)
    narrow: list[str] = []
    checked = 0
    public: set[str] = set()
    for visitor, email in VISITORS.items():
        pages = _html_pages_for(email, paths)
        if email is None:
            public = set(pages)
        elif visitor != PUBLIC_PAGES_ALSO_FOR:
            pages = [path for path in pages if path == "/" or path not in public]
        # The injected script is the test's own: the site's CSP would (rightly) refuse it.
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        _sign_in(context, email, live_server.url)
        page = context.new_page()
        for path in pages:
            page.set_viewport_size(DESKTOP)
            page.goto(path)
            checked += 1
            for violation in axe_run(page):
                findings[violation["impact"] or "minor"].append((visitor, path, violation))
            # On a phone: nothing scrolls sideways but a table in its own box, and every tap
            # target is at least 24 px or spaced as WCAG 2.5.8 allows (axe's target-size rule).
            page.set_viewport_size(PHONE)
            for element in _overflow(page):
                narrow.append(f"{visitor} {path}: {element} is wider than {PHONE['width']} px")
            for violation in axe_run(page, {"type": "rule", "values": ["target-size"]}):
                narrow.append(f"{visitor} {path}: {violation['id']} {violation['nodes']}")
        context.close()
    _write_report(findings, checked)
    blocking = [f"{v} {p}: {x['id']} {x['nodes']}" for impact in BLOCKING for v, p, x in findings.get(impact, [])]
    assert checked > 50
    assert not blocking, f"{len(blocking)} critical or serious axe violations (report: {REPORT}):\n" + "\n".join(
        blocking
    )
    assert not narrow, f"{len(narrow)} problems at {PHONE['width']} px:\n" + "\n".join(narrow)
