"""Changing how an account is reached (email, password) needs a fresh password confirmation.

A session left open on a shared computer must not become a permanent takeover: adding an
address, making it primary, removing the owner's or changing the password all send a
stale session to allauth's re-authentication page first, and the old address hears of a
change of primary address. The Wagtail account page changes neither email nor password.
"""

import time

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, EditorFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a different long passphrase 2026"


def signed_in(user: User, *, confirmed_seconds_ago: float | None) -> Client:
    """A signed-in client whose last password confirmation is that old (None: never confirmed)."""
    client = Client()
    client.force_login(user)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = (
        []
        if confirmed_seconds_ago is None
        else [{"method": "password", "at": time.time() - confirmed_seconds_ago, "reauthenticated": True}]
    )
    session.save()
    return client


def stale(user: User) -> Client:
    # Past ACCOUNT_REAUTHENTICATION_TIMEOUT (300 s): signed in at a shared computer an hour ago.
    return signed_in(user, confirmed_seconds_ago=3600)


def fresh(user: User) -> Client:
    return signed_in(user, confirmed_seconds_ago=5)


def assert_sent_to_reauthenticate(response) -> None:
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))


def add_address(user: User, email: str, *, verified: bool) -> EmailAddress:
    return EmailAddress.objects.create(user=user, email=email, verified=verified, primary=False)


# --- a stale session is sent to re-authenticate and changes nothing ---------------------


def test_stale_session_cannot_add_an_email_address():
    user = VolunteerFactory()
    response = stale(user).post(reverse("account_email"), {"action_add": "", "email": "taker@evil.example"})
    assert_sent_to_reauthenticate(response)
    assert not EmailAddress.objects.filter(email="taker@evil.example").exists()
    assert not [m for m in mail.outbox if "taker@evil.example" in m.to]


def test_stale_session_cannot_make_another_address_primary():
    user = VolunteerFactory()
    add_address(user, "second@example.org", verified=True)
    response = stale(user).post(reverse("account_email"), {"action_primary": "", "email": "second@example.org"})
    assert_sent_to_reauthenticate(response)
    assert EmailAddress.objects.get(user=user, primary=True).email == user.email
    user.refresh_from_db()
    assert user.email != "second@example.org"


def test_stale_session_cannot_remove_an_address():
    user = VolunteerFactory()
    add_address(user, "second@example.org", verified=True)
    response = stale(user).post(reverse("account_email"), {"action_remove": "", "email": "second@example.org"})
    assert_sent_to_reauthenticate(response)
    assert EmailAddress.objects.filter(user=user, email="second@example.org").exists()


def test_stale_session_cannot_resend_a_verification_email():
    user = VolunteerFactory()
    add_address(user, "second@example.org", verified=False)
    response = stale(user).post(reverse("account_email"), {"action_send": "", "email": "second@example.org"})
    assert_sent_to_reauthenticate(response)
    assert not mail.outbox


def test_session_that_never_confirmed_a_password_cannot_add_an_address():
    user = VolunteerFactory()
    response = signed_in(user, confirmed_seconds_ago=None).post(
        reverse("account_email"), {"action_add": "", "email": "taker@evil.example"}
    )
    assert_sent_to_reauthenticate(response)
    assert not EmailAddress.objects.filter(email="taker@evil.example").exists()


def test_stale_session_is_sent_to_reauthenticate_before_the_password_form():
    user = VolunteerFactory()
    assert_sent_to_reauthenticate(stale(user).get(reverse("account_change_password")))


def test_stale_session_cannot_change_the_password_and_the_passwords_are_not_kept():
    user = VolunteerFactory()
    client = stale(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert_sent_to_reauthenticate(response)
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)
    # The refused form is not stashed in the session to be replayed: passwords never sit there.
    assert NEW_PASSWORD not in str(dict(client.session.items()))


def test_the_email_page_itself_still_opens_on_a_stale_session():
    response = stale(VolunteerFactory()).get(reverse("account_email"))
    assert response.status_code == 200


# --- re-authenticating lets the change through --------------------------------------------


def test_reauthenticating_resumes_the_refused_change(password):
    user = VolunteerFactory()
    client = stale(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert_sent_to_reauthenticate(response)
    response = client.post(response.url, {"password": password})
    assert response.status_code == 302
    address = EmailAddress.objects.get(user=user, email="new@example.org")
    assert not address.verified and not address.primary
    assert [m for m in mail.outbox if m.to == ["new@example.org"]], "a verification email goes to the new address"


def test_wrong_password_on_the_reauthentication_page_changes_nothing():
    user = VolunteerFactory()
    client = stale(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    response = client.post(response.url, {"password": "not the password"})
    assert response.status_code == 200
    assert not EmailAddress.objects.filter(email="new@example.org").exists()


def test_fresh_confirmation_adds_removes_and_changes_password():
    user = VolunteerFactory()
    client = fresh(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=user, email="new@example.org", verified=False).exists()

    response = client.post(reverse("account_email"), {"action_remove": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert not EmailAddress.objects.filter(email="new@example.org").exists()

    assert client.get(reverse("account_change_password")).status_code == 200
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_unverified_address_cannot_become_primary():
    user = VolunteerFactory()
    add_address(user, "new@example.org", verified=False)
    fresh(user).post(reverse("account_email"), {"action_primary": "", "email": "new@example.org"})
    assert EmailAddress.objects.get(user=user, primary=True).email == user.email
    user.refresh_from_db()
    assert user.email != "new@example.org"


# --- the owner hears of it -----------------------------------------------------------------


def test_old_address_is_told_when_the_primary_changes_and_the_notice_carries_nothing_to_use():
    user = VolunteerFactory(full_name="Sentinel Person")
    old = user.email
    add_address(user, "new@example.org", verified=True)
    response = fresh(user).post(reverse("account_email"), {"action_primary": "", "email": "new@example.org"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "new@example.org"

    notices = [m for m in mail.outbox if m.to == [old]]
    assert len(notices) == 1
    body = notices[0].body
    assert old in body and "new@example.org" in body
    # Nothing that signs in or resets: no link at all, and no name.
    assert "http" not in body and "/accounts/" not in body
    assert "Sentinel" not in body and "Sentinel" not in notices[0].subject


def test_password_change_is_notified_to_the_primary_address():
    user = VolunteerFactory()
    fresh(user).post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    notices = [m for m in mail.outbox if m.to == [user.email]]
    assert len(notices) == 1
    assert "http" not in notices[0].body


# --- the Wagtail account page is not a second way in -------------------------------------


def wagtail_account_post(client: Client, **fields) -> None:
    data = {
        "name_email-first_name": "X",
        "name_email-last_name": "Y",
        "name_email-email": "taker@evil.example",
        "password-old_password": DEFAULT_PASSWORD,
        "password-new_password1": NEW_PASSWORD,
        "password-new_password2": NEW_PASSWORD,
        "locale-preferred_language": "en",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
    }
    data.update(fields)
    return client.post("/cms/account/", data)


def test_wagtail_account_page_changes_neither_email_nor_password():
    editor = EditorFactory()
    email = editor.email
    client = fresh(editor)
    page = client.get("/cms/account/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="name_email-email"' not in html
    assert 'name="password-new_password1"' not in html
    assert reverse("account_email") in html, "the page points to where email is managed"

    wagtail_account_post(client)
    editor.refresh_from_db()
    assert editor.email == email
    assert editor.check_password(DEFAULT_PASSWORD)
    assert not EmailAddress.objects.filter(email="taker@evil.example").exists()


def test_wagtail_account_page_still_saves_its_own_preferences():
    editor = EditorFactory()
    client = fresh(editor)
    response = wagtail_account_post(client, **{"theme-theme": "dark"})
    assert response.status_code == 302
    from wagtail.users.models import UserProfile

    assert UserProfile.get_for_user(editor).theme == "dark"
