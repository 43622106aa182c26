"""Playwright against Debian's chromium (never a downloaded browser) and a live server."""

import os
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import skip_or_fail

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail("browser", f"needs chromium at {CHROMIUM} (apt-get install -y chromium)")
    # Playwright's sync API runs an event loop in this thread; Django refuses database
    # calls from it unless told otherwise, for this test run only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(request, browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    # Nothing may leave the site: any request to another origin fails the test.
    outside = []
    page.on(
        "request", lambda request: outside.append(request.url) if not _is_local(request.url, live_server.url) else None
    )
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        # What the browser showed when the test failed, in the test's output.
        sys.stdout.write(f"--- page at failure: {page.url}\n{page.locator('body').inner_text(timeout=2000)[:3000]}\n")
    context.close()
    assert not outside, f"requests left the site: {outside}"


def _is_local(url: str, base: str) -> bool:
    return url.startswith(base) or url.startswith("data:") or url.startswith("about:") or url.startswith("blob:")


@pytest.fixture
def sign_in(page, live_server):
    """Sign the browser in as a user, past any MFA stage."""

    def _sign_in(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return _sign_in


AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"critical", "serious"}
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR", Path(settings.BASE_DIR) / ".ci" / "out" / "screenshots"))
WIDTHS = (1280, 375)


def axe_run(page, run_only: dict | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (WCAG 2.1 AA and best practice by default)."""
    if not AXE.exists():
        skip_or_fail("browser", f"needs {AXE}: run `npm ci`")
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated by the browser's devtools channel, which the site's CSP does not govern: the
        # script is the test's own and visitors are never sent it.
        page.evaluate(AXE.read_text() + "\n;true")
    return page.evaluate(
        """only => axe.run(document, {runOnly: only, resultTypes: ["violations"]})
             .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")), count: v.nodes.length})))""",
        run_only or {"type": "tag", "values": WCAG_AA},
    )


def axe_assert(page, ignore_rules: frozenset[str] = frozenset()) -> None:
    """Fail on any critical or serious axe violation on the page as it is now (but rules in
    `ignore_rules`, for markup the project does not own, such as Wagtail's own admin widgets)."""
    blocking = [v for v in axe_run(page) if v["impact"] in BLOCKING and v["id"] not in ignore_rules]
    assert not blocking, f"axe on {page.url}:\n" + "\n".join(f"{v['impact']} {v['id']}: {v['nodes']}" for v in blocking)


@pytest.fixture
def check_page():
    """Run axe on the page (failing on critical or serious violations) and, when a step is named,
    save screenshots 1280 and 375 px wide as .ci/out/screenshots/<journey>-<step>-<width>.png."""

    def _check(page, journey: str | None = None, step: str | None = None, ignore_rules=frozenset()) -> None:
        page.wait_for_load_state("load")
        axe_assert(page, ignore_rules)
        if journey and step:
            screenshot(page, journey, step)

    return _check


def screenshot(page, journey: str, step: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 740})
        page.screenshot(path=str(SCREENSHOTS / f"{journey}-{step}-{width}.png"), full_page=True)
    page.set_viewport_size(before)


@pytest.fixture
def beacons(request, page):
    """Requests that reached the server for the test module's ``BEACON`` path (a document's
    script or image asking home; the browser may start one that CSP then stops)."""
    beacon = request.module.BEACON
    hits = []
    page.on("requestfinished", lambda req: hits.append(req.url) if beacon in req.url else None)
    return hits
