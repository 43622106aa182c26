from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"

    def ready(self) -> None:
        from accounts.registry import OnboardingStep, onboarding_step_register
        from accounts.roles import Role

        from .selectors import user_has_bar_admission, user_has_enrollment

        onboarding_step_register(
            OnboardingStep(
                key="bar_admission",
                label=_("Add your bar admission"),
                hint=_("Your CLE credit is counted for the jurisdictions you are admitted in."),
                route="courses:bar_admissions",
                is_done=user_has_bar_admission,
                order=20,
                role=Role.VOLUNTEER,
            )
        )
        onboarding_step_register(
            OnboardingStep(
                key="first_course",
                label=_("Start your first course"),
                hint=_("Choose one in the catalog; your progress is kept as you go."),
                route="courses:catalog",
                is_done=user_has_enrollment,
                order=30,
                role=Role.VOLUNTEER,
            )
        )
