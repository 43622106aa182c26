"""allauth's pages and emails in the site's layout and words."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db

ENTRANCE_PAGES = ["account_login", "account_signup", "account_reset_password", "account_reset_password_done"]


@pytest.mark.parametrize("route", ENTRANCE_PAGES)
def test_entrance_pages_use_the_site_layout(client, route):
    html = client.get(reverse(route)).content.decode()
    assert 'class="site-header"' in html and 'class="allauth-page"' in html
    assert "Sign In" not in html and "Sign Up" not in html  # allauth's own title-case wording


def test_login_page_offers_the_site_reset_wording(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Forgot your password?" not in html
    assert "Forgotten your password? Choose a new one" in html
    assert 'for="id_login"' in html and 'for="id_password"' in html


def test_manage_pages_lead_back_to_the_account_page(client_for, volunteer):
    html = client_for(volunteer).get(reverse("account_email")).content.decode()
    assert "Back to your account" in html and reverse("account_overview") in html


def test_emails_name_the_site_not_the_domain(client, settings):
    user = VolunteerFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    message = mail.outbox[-1]
    assert settings.SITE_NAME in message.body
    assert "Hello from example.com" not in message.body and "127.0.0.1" not in message.body
    assert "testserver" not in message.body.split("http")[0]
    assert message.subject == f"[{settings.SITE_NAME}] Reset your password"


def test_signup_confirmation_email_speaks_in_the_site_voice(client, password):
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
    message = mail.outbox[-1]
    assert message.subject.endswith("Confirm your email address")
    assert "Pro Bono Academy" in message.body
    assert "register an account on" not in message.body


def test_authenticator_page_speaks_plainly(client_for, mentor):
    html = client_for(mentor).get(reverse("mfa_index")).content.decode()
    assert "Two-Factor Authentication" not in html
    assert "Recovery codes" in html and reverse("mfa_deactivate_totp") in html
    assert "Back to your account" in html


def test_password_change_page_in_site_words(client_for, volunteer):
    html = client_for(volunteer).get(reverse("account_change_password")).content.decode()
    assert "Change your password" in html and 'for="id_oldpassword"' in html


def test_reauthentication_page_in_site_words(client_for, volunteer):
    client = client_for(volunteer, reauthenticated=False)
    html = client.get(reverse("account_reauthenticate")).content.decode()
    assert "Confirm it is you" in html and "Confirm Access" not in html
    assert 'for="id_password"' in html


def test_wrong_password_on_reauthentication_shows_the_summary(client_for, volunteer):
    client = client_for(volunteer, reauthenticated=False)
    html = client.post(reverse("account_reauthenticate"), {"password": "wrong"}).content.decode()
    assert "There is a problem" in html and 'href="#id_password"' in html
