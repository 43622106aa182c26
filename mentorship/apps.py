from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "mentorship"

    def ready(self) -> None:
        from accounts.registry import OnboardingStep, account_section_register, onboarding_step_register
        from accounts.roles import Role

        from .selectors.account import account_sections_for, attorney_has_languages

        account_section_register(account_sections_for)
        onboarding_step_register(
            OnboardingStep(
                key="profile_languages",
                label=_("Fill in your profile, with the languages you work in"),
                hint=_("Cases are offered to attorneys who speak the client's language."),
                route="mentorship:attorney_profile",
                is_done=attorney_has_languages,
                order=10,
                role=Role.VOLUNTEER,
            )
        )
