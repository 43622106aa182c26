"""Failed sign-ins are slowed per address and per account, and the owner is never locked out (S8)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.signin import (
    ATTACKER,
    OWNER,
    WRONG_PASSWORD,
    address,
    at_code_stage,
    current_totp,
    enter_code,
    login_code_from_mail,
    per_account_ceiling,
    per_pair_limit,
    sign_in,
    wrong_totp,
)
from tests.factories import StaffFactory, VolunteerFactory, totp_enrol

pytestmark = pytest.mark.django_db

# Passwords


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out(password):
    user = VolunteerFactory()
    attacker = Client()
    statuses = [sign_in(attacker, user.email, WRONG_PASSWORD, ATTACKER).status_code for _ in range(8)]
    assert statuses[0] == 200
    assert statuses[-1] == 429

    response = sign_in(Client(), user.email, password, OWNER)
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_wrong_passwords_from_many_addresses_do_not_lock_the_owner_out(password):
    user = VolunteerFactory()
    for n in range(4):
        for _ in range(per_pair_limit("password") + 1):
            sign_in(Client(), user.email, WRONG_PASSWORD, address(n))

    response = sign_in(Client(), user.email, password, OWNER)
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_the_attackers_address_stays_slowed_even_with_the_right_password(password):
    user = VolunteerFactory()
    attacker = Client()
    for _ in range(per_pair_limit("password")):
        assert sign_in(attacker, user.email, WRONG_PASSWORD, ATTACKER).status_code == 200
    assert sign_in(attacker, user.email, WRONG_PASSWORD, ATTACKER).status_code == 429
    assert sign_in(attacker, user.email, password, ATTACKER).status_code == 429


def test_a_forged_forwarded_for_header_buys_no_fresh_allowance():
    user = VolunteerFactory()
    statuses = [
        Client()
        .post(
            reverse("account_login"),
            {"login": user.email, "password": WRONG_PASSWORD},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=address(n),
        )
        .status_code
        for n in range(per_pair_limit("password") + 1)
    ]
    assert statuses[-1] == 429


def test_one_address_guessing_across_many_accounts_is_slowed():
    users = VolunteerFactory.create_batch(11)
    statuses = [sign_in(Client(), u.email, WRONG_PASSWORD, ATTACKER).status_code for u in users]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_the_per_account_ceiling_holds_against_a_distributed_attacker(password):
    user = VolunteerFactory()
    ceiling = per_account_ceiling("password")
    per_address = per_pair_limit("password") - 1
    statuses = [
        sign_in(Client(), user.email, WRONG_PASSWORD, address(n // per_address)).status_code for n in range(ceiling)
    ]
    assert statuses == [200] * ceiling
    # A fresh address, a different guess: still slowed, the account has had its share.
    assert sign_in(Client(), user.email, WRONG_PASSWORD, address(10_000)).status_code == 429
    assert sign_in(Client(), user.email, password, OWNER).status_code == 429


def test_the_owner_signs_in_by_a_code_to_the_verified_email_while_the_account_is_slowed(settings, password):
    settings.SIGNIN_RATE_LIMITS = {
        **settings.SIGNIN_RATE_LIMITS,
        "password": {**settings.SIGNIN_RATE_LIMITS["password"], "per_account": "3/d/key"},
    }
    user = VolunteerFactory()
    for n in range(3):
        sign_in(Client(), user.email, WRONG_PASSWORD, address(n))
    owner = Client()
    assert sign_in(owner, user.email, password, OWNER).status_code == 429

    response = owner.post(reverse("account_request_login_code"), {"email": user.email}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert mail.outbox[-1].to == [user.email]
    response = owner.post(reverse("account_confirm_login_code"), {"code": login_code_from_mail()}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert owner.get(reverse("dashboard"), REMOTE_ADDR=OWNER).status_code == 200


def test_a_login_code_never_skips_the_authenticator_code():
    user = StaffFactory()
    secret = totp_enrol(user)
    client = Client()
    client.post(reverse("account_request_login_code"), {"email": user.email}, REMOTE_ADDR=OWNER)
    response = client.post(reverse("account_confirm_login_code"), {"code": login_code_from_mail()}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("dashboard"), REMOTE_ADDR=OWNER).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": current_totp(secret)}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert client.get(reverse("dashboard"), REMOTE_ADDR=OWNER).status_code == 200


def test_a_login_code_for_an_unknown_email_signs_nobody_in():
    client = Client()
    response = client.post(reverse("account_request_login_code"), {"email": "nobody@example.org"}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert client.get(reverse("dashboard"), REMOTE_ADDR=OWNER).status_code == 302


# One-time codes (TOTP), after a correct password


def test_wrong_codes_from_one_address_do_not_block_the_owners_code(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    attacker = at_code_stage(user.email, password, ATTACKER)
    statuses = [enter_code(attacker, wrong_totp(secret, n), ATTACKER).status_code for n in range(8)]
    assert statuses[0] == 200
    assert statuses[-1] == 429

    owner = at_code_stage(user.email, password, OWNER)
    response = enter_code(owner, current_totp(secret), OWNER)
    assert response.status_code == 302
    assert owner.get(reverse("dashboard"), REMOTE_ADDR=OWNER).status_code == 200


def test_the_attackers_address_stays_slowed_for_codes(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    attacker = at_code_stage(user.email, password, ATTACKER)
    for n in range(per_pair_limit("mfa")):
        assert enter_code(attacker, wrong_totp(secret, n), ATTACKER).status_code == 200
    assert enter_code(attacker, current_totp(secret), ATTACKER).status_code == 429
    assert attacker.get(reverse("dashboard"), REMOTE_ADDR=ATTACKER).status_code == 302


def test_the_per_account_code_ceiling_holds_against_a_distributed_attacker(settings, password):
    settings.SIGNIN_RATE_LIMITS = {
        **settings.SIGNIN_RATE_LIMITS,
        "mfa": {**settings.SIGNIN_RATE_LIMITS["mfa"], "per_account": "8/d/key"},
    }
    user = StaffFactory()
    secret = totp_enrol(user)
    statuses = []
    for n in range(4):
        attacker = at_code_stage(user.email, password, address(n))
        statuses += [enter_code(attacker, wrong_totp(secret, 2 * n + i), address(n)).status_code for i in range(2)]
    assert statuses == [200] * 8
    late = at_code_stage(user.email, password, address(99))
    assert enter_code(late, wrong_totp(secret, 50), address(99)).status_code == 429
