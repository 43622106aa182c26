"""A new attorney's first steps: computed from their data, shown on the dashboard until done."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.selectors import onboarding_for, onboarding_is_complete
from tests.factories import (
    AttorneyLanguageFactory,
    AttorneyProfileFactory,
    BarAdmissionFactory,
    EnrollmentFactory,
    MentorFactory,
    VolunteerFactory,
)

pytestmark = pytest.mark.django_db


def _done(user) -> dict:
    return {item.key: item.done for item in onboarding_for(user=user)}


def test_new_attorney_has_three_steps_to_do():
    user = VolunteerFactory()
    assert _done(user) == {"profile_languages": False, "bar_admission": False, "first_course": False}


def test_each_step_ticks_itself_when_its_data_exists():
    user = VolunteerFactory()
    AttorneyProfileFactory(user=user)
    assert _done(user)["profile_languages"] is False  # a profile without languages is not enough
    AttorneyLanguageFactory(profile=user.attorney_profile)
    BarAdmissionFactory(user=user)
    assert _done(user) == {"profile_languages": True, "bar_admission": True, "first_course": False}
    EnrollmentFactory(user=user)
    assert onboarding_is_complete(user=user)


def test_steps_link_to_the_existing_pages():
    urls = {item.key: item.url for item in onboarding_for(user=VolunteerFactory())}
    assert urls == {
        "profile_languages": reverse("mentorship:attorney_profile"),
        "bar_admission": reverse("courses:bar_admissions"),
        "first_course": reverse("courses:catalog"),
    }


def test_a_mentor_who_is_not_an_attorney_has_no_checklist(client_for):
    mentor = MentorFactory(roles=["mentor"])
    assert onboarding_for(user=mentor) == []
    assert "Your first steps" not in client_for(mentor).get(reverse("dashboard")).content.decode()


def test_dashboard_shows_checklist_until_done(client_for):
    user = VolunteerFactory()
    client = client_for(user)
    assert "Your first steps" in client.get(reverse("dashboard")).content.decode()
    AttorneyLanguageFactory(profile=AttorneyProfileFactory(user=user))
    BarAdmissionFactory(user=user)
    EnrollmentFactory(user=user)
    assert "Your first steps" not in client.get(reverse("dashboard")).content.decode()


def test_onboarding_page_lists_steps_with_their_state(client_for):
    user = VolunteerFactory()
    BarAdmissionFactory(user=user)
    html = client_for(user).get(reverse("account_onboarding")).content.decode()
    assert reverse("courses:bar_admissions") in html
    assert html.count("checklist__item--done") == 1


def test_confirming_the_address_after_signup_lands_on_the_first_steps(client, password):
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Ana Morales",
            "email": "ana@example.org",
            "password1": password,
            "password2": password,
            "preferred_language": "en",
        },
    )
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    response = client.post("/" + link.split("/", 3)[3])
    assert response.status_code == 302
    assert response.url == reverse("account_onboarding")
    assert client.get(response.url).status_code == 200
    assert User.objects.get(email="ana@example.org").is_volunteer
