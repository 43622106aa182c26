"""Failed second factors and refused (429) sign-in attempts leave an audit row, never the secret (S23)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEvent
from tests.accounts.signin import (
    ATTACKER,
    WRONG_PASSWORD,
    at_code_stage,
    current_totp,
    enter_code,
    sign_in,
    wrong_totp,
)
from tests.factories import StaffFactory, VolunteerFactory, totp_enrol

pytestmark = pytest.mark.django_db


def new_rows(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("pk")[before:])


def row_text(row: AuditEvent) -> str:
    return " ".join(str(v) for v in (row.action, row.object_type, row.object_id, row.view_name, row.detail))


def test_a_wrong_authenticator_code_writes_one_row_naming_the_account_and_address(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    client = at_code_stage(user.email, password, ATTACKER)
    before = AuditEvent.objects.count()
    code = wrong_totp(secret, 123456)
    assert enter_code(client, code, ATTACKER).status_code == 200

    (row,) = new_rows(before)
    assert row.action == AuditEvent.Action.SIGN_IN_FAILED
    assert (row.object_type, row.object_id) == ("accounts.user", str(user.pk))
    assert row.ip_address == ATTACKER
    assert row.detail == "mfa_failed"
    assert code not in row_text(row)


def test_a_right_authenticator_code_writes_no_failure_row(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    client = at_code_stage(user.email, password, ATTACKER)
    before = AuditEvent.objects.count()
    assert enter_code(client, current_totp(secret), ATTACKER).status_code == 302
    assert [row.action for row in new_rows(before)] == [AuditEvent.Action.SIGN_IN]


def test_a_refused_password_attempt_writes_a_rate_limited_row(password):
    user = VolunteerFactory()
    client = Client()
    assert 429 in [sign_in(client, user.email, WRONG_PASSWORD, ATTACKER).status_code for _ in range(12)]
    before = AuditEvent.objects.count()
    assert sign_in(client, user.email, password, ATTACKER).status_code == 429

    (row,) = new_rows(before)
    assert row.action == AuditEvent.Action.SIGN_IN_FAILED
    assert (row.object_type, row.object_id) == ("accounts.user", str(user.pk))
    assert row.ip_address == ATTACKER
    assert row.detail == "rate_limited"
    assert password not in row_text(row)
    assert user.email not in row_text(row)


def test_a_refused_attempt_for_an_unknown_email_names_no_account():
    client = Client()
    assert 429 in [sign_in(client, "nobody@example.org", WRONG_PASSWORD, ATTACKER).status_code for _ in range(12)]
    row = AuditEvent.objects.latest("pk")
    assert (row.detail, row.object_type, row.object_id, row.ip_address) == ("rate_limited", "", "", ATTACKER)


def test_a_refused_code_attempt_writes_a_rate_limited_row(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    client = at_code_stage(user.email, password, ATTACKER)
    assert 429 in [enter_code(client, wrong_totp(secret, n), ATTACKER).status_code for n in range(12)]
    before = AuditEvent.objects.count()
    code = current_totp(secret)
    assert enter_code(client, code, ATTACKER).status_code == 429

    (row,) = new_rows(before)
    assert row.action == AuditEvent.Action.SIGN_IN_FAILED
    assert (row.object_type, row.object_id, row.ip_address, row.detail) == (
        "accounts.user",
        str(user.pk),
        ATTACKER,
        "rate_limited",
    )
    assert code not in row_text(row)


def test_a_wrong_emailed_login_code_writes_a_row():
    user = VolunteerFactory()
    client = Client()
    client.post(reverse("account_request_login_code"), {"email": user.email}, REMOTE_ADDR=ATTACKER)
    before = AuditEvent.objects.count()
    sent = mail.outbox[-1].body
    wrong = "WRONG1"
    assert wrong not in sent
    client.post(reverse("account_confirm_login_code"), {"code": wrong}, REMOTE_ADDR=ATTACKER)

    (row,) = new_rows(before)
    assert (row.action, row.object_id, row.ip_address, row.detail) == (
        AuditEvent.Action.SIGN_IN_FAILED,
        str(user.pk),
        ATTACKER,
        "login_code_failed",
    )
    assert wrong not in row_text(row)


def test_no_sign_in_row_ever_holds_a_submitted_secret(password):
    user = StaffFactory()
    secret = totp_enrol(user)
    codes = [wrong_totp(secret, 200_000 + n) for n in range(7)]
    client = at_code_stage(user.email, password, ATTACKER)
    for code in codes:
        enter_code(client, code, ATTACKER)
    for _ in range(7):
        sign_in(Client(), user.email, WRONG_PASSWORD, ATTACKER)
    rows = list(AuditEvent.objects.all())
    assert {row.detail for row in rows} >= {"mfa_failed", "rate_limited"}
    for row in rows:
        text = row_text(row)
        for secret_value in [password, WRONG_PASSWORD, *codes]:
            assert secret_value not in text
