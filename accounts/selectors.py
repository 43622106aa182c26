"""Reads for the account page and the onboarding checklist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from .registry import ONBOARDING_STEPS

if TYPE_CHECKING:
    from .models import User


@dataclass(frozen=True)
class AccountOverview:
    emails: list[EmailAddress]
    has_password: bool
    has_authenticator: bool
    recovery_codes_left: int | None  # None: no recovery codes were made


@dataclass(frozen=True)
class OnboardingItem:
    key: str
    label: str
    hint: str
    url: str
    done: bool


def account_overview_for(*, user: User) -> AccountOverview:
    authenticators = {a.type: a for a in Authenticator.objects.filter(user=user)}
    codes = authenticators.get(Authenticator.Type.RECOVERY_CODES)
    return AccountOverview(
        emails=list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        has_password=user.has_usable_password(),
        has_authenticator=Authenticator.Type.TOTP in authenticators,
        recovery_codes_left=len(codes.wrap().get_unused_codes()) if codes is not None else None,
    )


def onboarding_for(*, user: User) -> list[OnboardingItem]:
    """The first steps that apply to the user, in order, each ticked when its data exists."""
    if not user.is_authenticated:
        return []
    steps = sorted(ONBOARDING_STEPS.values(), key=lambda step: (step.order, step.key))
    return [
        OnboardingItem(step.key, str(step.label), str(step.hint), reverse(step.route), step.is_done(user))
        for step in steps
        if step.role is None or user.has_role(step.role)
    ]


def onboarding_is_complete(*, user: User) -> bool:
    return all(item.done for item in onboarding_for(user=user))


def dashboard_sections_for(*, request) -> list[tuple[str, dict]]:
    """The checklist at the top of the dashboard, until every step is done."""
    items = onboarding_for(user=request.user)
    if not items or all(item.done for item in items):
        return []
    return [("account/onboarding_section.html", {"onboarding": items})]
