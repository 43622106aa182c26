"""What other apps add to the account page and to a new attorney's first steps.

Accounts knows nothing of courses or cases: the app that owns the data registers, in its
``AppConfig.ready()``, an onboarding step (a question about the user's data, answered each
time, so a step ticks itself as soon as the data exists) or a section of the account page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.template.loader import render_to_string

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import User


@dataclass(frozen=True)
class OnboardingStep:
    key: str
    label: str
    hint: str
    route: str
    is_done: Callable[[User], bool]
    order: int = 100
    role: str | None = None  # the role the step is for; None: every signed-in user


ONBOARDING_STEPS: dict[str, OnboardingStep] = {}

# Each provider takes request= and returns (template_name, context) pairs for the account page.
AccountSectionProvider = Callable[..., list[tuple[str, dict]]]
ACCOUNT_SECTION_PROVIDERS: list[AccountSectionProvider] = []


def onboarding_step_register(step: OnboardingStep) -> None:
    ONBOARDING_STEPS[step.key] = step


def account_section_register(provider: AccountSectionProvider) -> None:
    if provider not in ACCOUNT_SECTION_PROVIDERS:
        ACCOUNT_SECTION_PROVIDERS.append(provider)


def account_sections_render(*, request: HttpRequest) -> list[str]:
    """Each registered section of the account page, drawn for this request."""
    return [
        render_to_string(template_name, context, request=request)
        for provider in ACCOUNT_SECTION_PROVIDERS
        for template_name, context in provider(request=request)
    ]
