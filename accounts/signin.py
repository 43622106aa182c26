"""Slowing failed sign-ins without locking the owner out, and recording them (S8, S23).

Each factor (the password, then the authenticator code) counts its attempts three ways,
as set in ``settings.SIGNIN_RATE_LIMITS``:

- per address, whatever the account: one machine guessing across many accounts;
- per account from one address: one machine guessing one account;
- per account from everywhere, with a much higher ceiling: many machines guessing one
  account (NIST SP 800-63B: at most 100 consecutive failures per account).

Someone who knows a volunteer's email can therefore spend the per-account-and-address
allowance of their own addresses, but not the owner's: the owner's right password or
code from another address is checked as usual. Only a distributed attacker that reaches
the per-account ceiling slows the owner's password too, and then the owner still signs
in by a code sent to the verified email (allauth's login by code), which asks for the
authenticator code afterwards like any other sign-in.

A right answer takes its own attempt back (as allauth does), so the owner's successes
never use up the allowance; a refused attempt is not counted at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.utils import filter_users_by_email
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.models import Authenticator
from django.conf import settings

from .audit import audit_record
from .models import AuditEvent

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User

FACTOR_PASSWORD = "password"  # noqa: S105 (a factor name, not a secret)
FACTOR_MFA = "mfa"

# What the audit row's detail says; never the submitted secret or the attempted email.
REASON_RATE_LIMITED = "rate_limited"
REASON_MFA_FAILED = "mfa_failed"
REASON_MFA_REAUTH_FAILED = "mfa_reauth_failed"
REASON_LOGIN_CODE_FAILED = "login_code_failed"

_APP = "accounts.signin"


def _limits(*, request: HttpRequest, factor: str, account: str) -> list[tuple[str, str, str | None]]:
    """(action, rate, key) for each count an attempt on ``account`` is held to."""
    rates = settings.SIGNIN_RATE_LIMITS[factor]
    address = ratelimit.get_ip(request)
    return [
        (f"{factor}_per_address", rates["per_address"], None),
        (f"{factor}_per_account_and_address", rates["per_account_and_address"], f"{account}|{address}"),
        (f"{factor}_per_account", rates["per_account"], account),
    ]


def signin_attempt_consume(*, request: HttpRequest, factor: str, account: str) -> ratelimit.RateLimitUsage | None:
    """Count one attempt at ``factor`` for ``account``; None when a limit is reached.

    The usage returned is rolled back by the caller when the attempt succeeds.
    """
    usage = ratelimit.RateLimitUsage(usage=[])
    for action, rate, key in _limits(request=request, factor=factor, account=account):
        single = ratelimit.consume(request, app=_APP, action=action, config={action: rate}, key=key)
        if single is None:
            usage.rollback()
            return None
        usage.usage.extend(single.usage)
    return usage


def signin_attempts_clear(*, request: HttpRequest, factor: str, account: str) -> None:
    """Forget the account's count from everywhere (after a password reset proved the email)."""
    action, rate, key = _limits(request=request, factor=factor, account=account)[2]
    ratelimit.clear(request, app=_APP, action=action, config={action: rate}, key=key)


def signin_refuse(*, request: HttpRequest, user: User | None) -> None:
    """Record a refused attempt and answer 429 (slow down): never a lock-out."""
    audit_record(
        actor=None,
        action=AuditEvent.Action.SIGN_IN_FAILED,
        obj=user,
        request=request,
        detail=REASON_RATE_LIMITED,
    )
    raise ImmediateHttpResponse(ratelimit.respond_429(request))


def signin_failure_record(*, request: HttpRequest | None, user: User, reason: str) -> AuditEvent:
    """Record a wrong second factor (authenticator or emailed code) for a known account."""
    actor = getattr(request, "user", None) if request is not None else None
    return audit_record(
        actor=actor,
        action=AuditEvent.Action.SIGN_IN_FAILED,
        obj=user,
        request=request,
        detail=reason,
    )


def password_attempt_start(*, request: HttpRequest, account: str, login: str) -> ratelimit.RateLimitUsage:
    """Count a password attempt on ``account`` (allauth's per-login key), or refuse it with 429."""
    usage = signin_attempt_consume(request=request, factor=FACTOR_PASSWORD, account=account)
    if usage is None:
        users = filter_users_by_email(login, prefer_verified=True) if login else []
        signin_refuse(request=request, user=users[0] if users else None)
    return usage


class AuthenticateForm(AllauthAuthenticateForm):
    """allauth's authenticator-code form at sign-in, with the project's per-address counts.

    allauth counts code attempts per user only, so five wrong codes from anywhere would
    block the owner's right code; the check of the code itself is allauth's (65.21).
    """

    def clean_code(self) -> str:
        request = context.request
        usage = signin_attempt_consume(request=request, factor=FACTOR_MFA, account=f"user:{self.user.pk}")
        if usage is None:
            signin_refuse(request=request, user=self.user)
        code = self.cleaned_data["code"]
        main_auth: Authenticator | None = None
        for auth in Authenticator.objects.filter(user=self.user).exclude(type=Authenticator.Type.WEBAUTHN):
            if not main_auth or auth.type == Authenticator.Type.TOTP:
                main_auth = auth
            if auth.wrap().validate_code(code):
                auth.user = self.user
                self.authenticator = auth
                usage.rollback()
                return code
        if main_auth:
            self._emit_authentication_failed(main_auth)
        raise get_mfa_adapter().validation_error("incorrect_code")
