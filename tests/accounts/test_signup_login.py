import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_signup_verification_then_login(client, password):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Ana Morales",
            "email": "ana@example.org",
            "password1": password,
            "password2": password,
            "preferred_language": "es",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert user.full_name == "Ana Morales"
    assert user.preferred_language == "es"
    assert user.roles == {Role.VOLUNTEER}

    # Unverified: signing in sends to the "verify your email" page, not the dashboard.
    client.logout()
    response = client.post(reverse("account_login"), {"login": "ana@example.org", "password": password})
    assert response.status_code == 302
    assert "confirm-email" in response.url or "verification" in response.url

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    response = client.post(path)
    assert response.status_code == 302

    client.logout()
    response = client.post(reverse("account_login"), {"login": "ana@example.org", "password": password})
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200
