"""Deactivating a user ends their sessions for good, whichever way the user is deactivated.

While a user is inactive Django already refuses their session; the point is that a
reactivated user's old cookie must not work again: the session rows are deleted.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory, VolunteerFactory, totp_enrol

pytestmark = pytest.mark.django_db


def signed_in_client(user: User, password: str) -> Client:
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    return client


def sessions_of(user: User) -> list[str]:
    return [s.session_key for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]


def assert_old_cookie_is_dead(client: Client, user: User) -> None:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302, "the reactivated user's old session works again"
    assert response.url.startswith(reverse("account_login"))
    assert sessions_of(user) == []


def reactivate(user: User) -> None:
    User.objects.filter(pk=user.pk).update(is_active=True)


def test_deactivated_then_reactivated_user_old_session_is_dead(password):
    user = VolunteerFactory()
    other = VolunteerFactory()
    client = signed_in_client(user, password)
    other_client = signed_in_client(other, password)
    second_device = signed_in_client(user, password)
    assert len(sessions_of(user)) == 2

    user.is_active = False
    user.save()
    user.is_active = True
    user.save()

    assert_old_cookie_is_dead(client, user)
    assert_old_cookie_is_dead(second_device, user)
    # Someone else's session is untouched.
    assert other_client.get(reverse("dashboard")).status_code == 200


def test_deactivation_with_update_fields_ends_sessions(password):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    user.is_active = False
    user.save(update_fields=["is_active"])
    reactivate(user)
    assert_old_cookie_is_dead(client, user)


def test_saving_an_active_user_keeps_their_session(password):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    user.full_name = "Renamed Person"
    user.save()
    assert client.get(reverse("dashboard")).status_code == 200


def test_deactivation_through_a_queryset_update_ends_sessions(password):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    assert User.objects.filter(pk=user.pk).update(is_active=False) == 1
    reactivate(user)
    assert_old_cookie_is_dead(client, user)


def test_deactivation_through_bulk_update_ends_sessions(password):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    user.is_active = False
    User.objects.bulk_update([user], ["is_active"])
    reactivate(user)
    assert_old_cookie_is_dead(client, user)


@pytest.fixture
def superuser_client(client_for):
    admin = UserFactory(is_superuser=True, is_staff=True)
    totp_enrol(admin)
    return client_for(admin)


def test_deactivation_in_the_wagtail_user_editor_ends_sessions(password, superuser_client):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    form = superuser_client.get(url)
    assert form.status_code == 200
    data = {
        "email": user.email,
        # Wagtail's user form asks for first and last names this user model does not have.
        "first_name": "Unused",
        "last_name": "Unused",
        # is_active left out: the checkbox is unticked.
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    response = superuser_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert not user.is_active
    reactivate(user)
    assert_old_cookie_is_dead(client, user)


def test_deactivation_by_the_wagtail_bulk_action_ends_sessions(password, superuser_client):
    user = VolunteerFactory()
    client = signed_in_client(user, password)
    url = reverse("wagtail_bulk_action", args=["accounts", "user", "set_active_state"]) + f"?id={user.pk}"
    response = superuser_client.post(url, {"mark_as_active": "False"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active
    reactivate(user)
    assert_old_cookie_is_dead(client, user)


def test_session_cookie_name_is_what_the_client_uses():
    # Guards the helpers above: they rely on Django's database sessions.
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
