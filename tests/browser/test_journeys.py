"""Whole journeys in a real browser, each done through the pages as a person would: clicks and typing.

Every page on the way is checked with axe (no critical or serious violation) and the key ones are
saved as screenshots 1280 and 375 px wide under .ci/out/screenshots/ (see `check_page`).
"""

import re

import pytest
from django.core import mail

from accounts.models import User
from courses.models import BarAdmission
from tests.factories import JurisdictionFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Lantern-river-4417"


def field(page, label: str):
    """The form field with this label (allauth's labels end in a colon, Django's may not)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    page.set_default_timeout(10_000)


def test_new_attorney_signs_up_confirms_the_email_signs_in_and_fills_the_profile(page, check_page):
    JurisdictionFactory(code="NY", name="New York")
    page.goto("/accounts/signup/")
    check_page(page, "signup", "form")
    field(page, "Full name").fill("Amara Okafor")
    field(page, "Email").fill("amara@firm.example")
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign up", re.I)).click()
    page.wait_for_url("**/accounts/confirm-email/")
    check_page(page, "signup", "check-email")

    # The confirmation email went to Django's outbox in this (the live server's) process.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amara@firm.example"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    check_page(page, "signup", "confirm")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state("load")
    user = User.objects.get(email="amara@firm.example")
    assert user.emailaddress_set.get().verified

    # Signed in through the login form (sign out first if confirming signed the attorney in).
    if page.get_by_role("button", name=re.compile("Sign out", re.I)).count():
        page.get_by_role("button", name=re.compile("Sign out", re.I)).first.click()
        page.wait_for_load_state("load")
    page.goto("/accounts/login/")
    check_page(page, "signin", "form")
    field(page, "Email").fill("amara@firm.example")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url
    check_page(page, "signin", "dashboard")

    page.goto("/mentorship/profile/")
    check_page(page, "profile", "form")
    field(page, "Firm or organisation").fill("Okafor & Reyes LLP")
    field(page, "Maximum active cases").fill("2")
    page.get_by_label("I can work remotely").check()
    page.get_by_label("Language 1", exact=True).fill("Spanish")
    page.get_by_label("ILR speaking level for language 1").select_option("4")
    page.get_by_label("Language 2", exact=True).fill("French")
    page.get_by_label("ILR speaking level for language 2").select_option("2")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your profile is saved.").wait_for()
    check_page(page, "profile", "saved")
    assert page.get_by_label("Language 1", exact=True).input_value() == "Spanish"

    page.goto("/learn/profile/bar/")
    check_page(page, "profile", "bar")
    field(page, "Jurisdiction").select_option(label="New York (NY)")
    field(page, "Bar or registration number").fill("5512345")
    field(page, "Date admitted").fill("2019-06-12")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state("load")
    check_page(page, "profile", "bar-saved")
    assert "5512345" in page.inner_text("main")

    profile = user.attorney_profile
    assert profile.firm_name == "Okafor & Reyes LLP" and profile.remote_ok
    assert sorted(profile.languages.values_list("code", "ilr_level")) == [("fra", 2), ("spa", 4)]
    admission = BarAdmission.objects.get(user=user)
    assert admission.jurisdiction.code == "NY" and admission.bar_number == "5512345"
