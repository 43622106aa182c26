"""Signing up with a registered email costs what signing up with a new one costs (S9)."""

import statistics
import time

import pytest
from django.conf import global_settings
from django.core import mail
from django.test import Client
from django.urls import reverse

import lms.settings
from accounts.models import User
from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db

ROUNDS = 3


def sign_up(email: str, password: str) -> float:
    data = {
        "full_name": "Ana Morales",
        "email": email,
        "password1": password,
        "password2": password,
        "preferred_language": "en",
    }
    client = Client()
    sent = len(mail.outbox)
    started = time.perf_counter()
    response = client.post(reverse("account_signup"), data)
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == sent + 1  # both kinds send one email, the same way
    return elapsed


def test_a_registered_email_and_a_new_one_take_the_same_time_to_sign_up(settings, password):
    # The suite hashes with MD5 for speed; the difference only shows with the hasher in production.
    settings.PASSWORD_HASHERS = getattr(lms.settings, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    registered = [VolunteerFactory().email for _ in range(ROUNDS)]
    Client().get(reverse("account_signup"))  # load the page's code and templates before timing
    known, new = [], []
    for n, email in enumerate(registered):
        known.append(sign_up(email, password))
        new.append(sign_up(f"newcomer{n}@example.org", password))
    assert User.objects.filter(email__startswith="newcomer").count() == ROUNDS

    slower, faster = sorted([statistics.median(known), statistics.median(new)], reverse=True)
    assert slower / faster < 1.5, f"registered {statistics.median(known):.3f}s, new {statistics.median(new):.3f}s"
