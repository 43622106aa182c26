"""The signed-in dashboard: each app contributes the sections that fit the user's roles."""

from django.template.loader import render_to_string

from accounts.selectors import dashboard_sections_for as onboarding_sections
from courses.certificates.selectors import dashboard_sections_for as cle_sections
from courses.selectors import dashboard_sections_for as course_sections
from mentorship.selectors.dashboards import dashboard_sections_for as mentorship_sections

# Each provider takes request= and returns (template_name, context) pairs for the user.
DASHBOARD_PROVIDERS = [onboarding_sections, course_sections, cle_sections, mentorship_sections]


def dashboard_sections(*, request) -> list[str]:
    return [
        render_to_string(template_name, context, request=request)
        for provider in DASHBOARD_PROVIDERS
        for template_name, context in provider(request=request)
    ]
