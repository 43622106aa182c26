"""The quick exit, as a person in danger would use it (SECURITY.md S29)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL_PATH = "/safety/?neutral=1"


@pytest.fixture
def neutral_site(settings, live_server):
    # The real neutral site is outside; in tests a page of our own stands in for it.
    settings.QUICK_EXIT_URL = live_server.url + NEUTRAL_PATH
    return settings.QUICK_EXIT_URL


def open_page(page, path="/"):
    page.goto(path)
    page.wait_for_load_state("load")
    return page


def test_button_leaves_for_the_neutral_site(page, neutral_site):
    open_page(page, "/accounts/login/")
    page.click("#quick-exit")
    page.wait_for_url(neutral_site)
    assert page.url == neutral_site


def test_shift_three_times_leaves(page, neutral_site):
    open_page(page, "/accounts/signup/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)


def test_typing_capitals_does_not_leave(page, neutral_site):
    open_page(page, "/accounts/signup/")
    page.focus("input[name=full_name]")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(500)
    assert "/accounts/signup/" in page.url
    assert page.input_value("input[name=full_name]") == "AAA"


def test_first_tab_lands_on_the_exit(page, neutral_site):
    open_page(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"


def test_page_is_blanked_before_leaving(page, neutral_site):
    open_page(page, "/accounts/login/")
    # Record what the page showed at the moment it was left (same origin as the stand-in).
    page.evaluate(
        """window.addEventListener('pagehide', function () {
             localStorage.setItem('left_body', document.body.innerText.trim());
             localStorage.setItem('left_title', document.title);
           });"""
    )
    assert page.evaluate("document.body.innerText.trim()") != ""
    page.click("#quick-exit")
    page.wait_for_url(neutral_site)
    assert page.evaluate("localStorage.getItem('left_body')") == ""
    assert page.evaluate("localStorage.getItem('left_title')") == ""


@pytest.mark.parametrize("how", ["button", "shift"])
def test_back_does_not_return_to_the_exited_page(page, neutral_site, live_server, check_page, how):
    open_page(page, "/")
    open_page(page, "/accounts/login/")
    check_page(page, "quick-exit", "before")
    if how == "button":
        page.get_by_role("link", name="Exit this page").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    check_page(page, "quick-exit", "neutral")
    page.go_back()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url


def test_exit_works_without_javascript(browser, live_server, neutral_site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.click("#quick-exit")
    page.wait_for_url(neutral_site)
    context.close()
