import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from tests.factories import MentorFactory, StaffFactory, VolunteerFactory, totp_enrol

pytestmark = pytest.mark.django_db

CASE_PATHS = ["/staff/", "/mentorship/my-cases/", "/mentorship/anything/at/all/"]


def current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.parametrize("factory", [MentorFactory, StaffFactory], ids=["mentor", "staff"])
@pytest.mark.parametrize("path", CASE_PATHS)
def test_mentor_and_staff_without_authenticator_are_sent_to_enrol(client_for, factory, path):
    client = client_for(factory())
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize("factory", [MentorFactory, StaffFactory], ids=["mentor", "staff"])
def test_enrolled_mentor_and_staff_pass_the_mfa_gate(client_for, factory):
    user = factory()
    totp_enrol(user)
    response = client_for(user).get("/staff/")
    assert not (response.status_code == 302 and response.url == reverse("mfa_activate_totp"))


def test_volunteer_is_not_asked_to_enrol(client_for):
    response = client_for(VolunteerFactory()).get("/mentorship/my-cases/")
    assert not (response.status_code == 302 and response.url == reverse("mfa_activate_totp"))


def test_login_with_authenticator_requires_a_code_and_codes_are_single_use(client, password):
    user = StaffFactory()
    secret = totp_enrol(user)
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    # Not signed in yet: the dashboard still asks for a login.
    assert client.get(reverse("dashboard")).status_code == 302

    code = current_code(secret)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200

    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200  # form redisplayed with an error: the code was used
    assert client.get(reverse("dashboard")).status_code == 302


def test_password_reset_does_not_bypass_mfa(client, password):
    user = MentorFactory()
    totp_enrol(user)
    client.post(reverse("account_reset_password"), {"email": user.email})
    from django.core import mail

    link = next(line for line in mail.outbox[-1].body.splitlines() if "/accounts/password/reset/key/" in line)
    path = "/accounts/" + link.split("/accounts/", 1)[1].strip()
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    new_password = "another long passphrase 2026"
    client.post(form_path, {"password1": new_password, "password2": new_password})
    response = client.post(reverse("account_login"), {"login": user.email, "password": new_password})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
