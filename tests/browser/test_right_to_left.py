"""Right-to-left readiness: with dir="rtl" on <html> the layout mirrors without breaking.

The style sheets use logical properties (margin-inline-start, border-inline-start,
text-align: start ...), so a right-to-left language needs no second style sheet. Each page
is opened in Spanish (the longer words are the harder case), switched to right-to-left in
the browser, and measured at desktop and phone widths: nothing may stick out sideways, and
the quick exit must stay on screen, on top, and still leave the page.
"""

import pytest

from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_PATH = "/safety/?neutral=1"
PAGES = ["/safety/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
SIGNED_IN_PAGES = ["/dashboard/", "/mentorship/calendar/", "/learn/", "/mentorship/hours/"]
WIDTHS = [{"width": 1280, "height": 900}, {"width": 375, "height": 740}]

MEASURE = """() => {
  const root = document.documentElement;
  const wide = [...document.body.querySelectorAll('*')].filter(el => {
    const box = el.getBoundingClientRect();
    // The skip link waits off screen until it is focused (checked on focus below).
    if (!box.width || el.matches('.skip-link:not(:focus)')) return false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return false;
    }
    return box.left < -1 || box.right > root.clientWidth + 1;
  }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  const exit = document.getElementById('quick-exit').getBoundingClientRect();
  const hit = document.elementFromPoint(exit.left + exit.width / 2, exit.top + exit.height / 2);
  return {
    dir: root.dir,
    scroll: root.scrollWidth - root.clientWidth,
    wide: wide.slice(0, 5),
    exitOnScreen: exit.width > 0 && exit.left >= 0 && exit.right <= root.clientWidth && exit.top >= 0,
    exitOnTop: !!hit && hit.closest('#quick-exit') !== null,
  };
}"""


@pytest.fixture
def neutral_site(settings, live_server):
    settings.QUICK_EXIT_URL = live_server.url + NEUTRAL_PATH
    return settings.QUICK_EXIT_URL


def _measure_rtl(page, path: str) -> dict:
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("load")
    page.evaluate("() => { document.documentElement.dir = 'rtl'; }")
    return page.evaluate(MEASURE)


def _check(page, paths: list[str]) -> list[str]:
    problems = []
    for size in WIDTHS:
        page.set_viewport_size(size)
        for path in paths:
            result = _measure_rtl(page, path)
            assert result["dir"] == "rtl"
            if result["scroll"] > 1 or result["wide"]:
                problems.append(f"{path} at {size['width']} px scrolls sideways: {result}")
            if not (result["exitOnScreen"] and result["exitOnTop"]):
                problems.append(f"{path} at {size['width']} px: quick exit hidden or covered: {result}")
    return problems


def test_public_pages_hold_together_right_to_left(page, neutral_site):
    page.set_extra_http_headers({"Accept-Language": "es"})
    problems = _check(page, PAGES)
    assert not problems, "\n".join(problems)


def test_signed_in_pages_hold_together_right_to_left(page, sign_in, neutral_site):
    sign_in(VolunteerFactory(preferred_language="es"))
    problems = _check(page, SIGNED_IN_PAGES)
    assert not problems, "\n".join(problems)


def test_quick_exit_still_leaves_right_to_left(page, neutral_site):
    page.set_extra_http_headers({"Accept-Language": "es"})
    page.set_viewport_size(WIDTHS[1])
    _measure_rtl(page, "/accounts/login/")
    assert page.inner_text("#quick-exit") == "Salir de esta página"
    page.focus(".skip-link")
    skip = page.locator(".skip-link").bounding_box()
    assert skip["x"] >= 0 and skip["x"] + skip["width"] <= WIDTHS[1]["width"]
    page.click("#quick-exit")
    page.wait_for_url(neutral_site)
