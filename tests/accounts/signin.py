"""Sign-in helpers shared by the throttling and audit tests: addresses, codes, one request each."""

from allauth.core.internal.ratelimit import parse_rate
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

ATTACKER = "198.51.100.1"
OWNER = "203.0.113.9"
WRONG_PASSWORD = "not the password at all"


def per_account_ceiling(factor: str) -> int:
    return parse_rate(settings.SIGNIN_RATE_LIMITS[factor]["per_account"]).amount


def per_pair_limit(factor: str) -> int:
    return parse_rate(settings.SIGNIN_RATE_LIMITS[factor]["per_account_and_address"]).amount


def sign_in(client: Client, email: str, password: str, ip: str):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def address(n: int) -> str:
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


def totp_codes(secret: str) -> set[str]:
    """Every code the verifier accepts right now (the current step and its neighbours)."""
    counters = list(yield_hotp_counters_from_time())
    return {format_hotp_value(hotp_value(secret, c + d)) for c in counters for d in (-1, 0, 1)}


def current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def wrong_totp(secret: str, n: int) -> str:
    valid = totp_codes(secret)
    candidate = n
    while f"{candidate % 1_000_000:06d}" in valid:
        candidate += 1
    return f"{candidate % 1_000_000:06d}"


def login_code_from_mail() -> str:
    lines = [line.strip() for line in mail.outbox[-1].body.splitlines()]
    start = next(i for i, line in enumerate(lines) if "sign-in code" in line)
    return next(line for line in lines[start + 1 :] if line)


def at_code_stage(email: str, password: str, ip: str) -> Client:
    client = Client()
    response = sign_in(client, email, password, ip)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    return client


def enter_code(client: Client, code: str, ip: str):
    return client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=ip)
