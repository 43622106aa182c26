"""The signed-in dashboard: each app contributes the sections that fit the user's roles."""

from importlib import import_module

from django.template.loader import render_to_string

# Each provider is "module.function"; it takes request= and returns a list of
# (template_name, context) pairs for the user, or an empty list.
DASHBOARD_PROVIDERS = [
    "courses.selectors.dashboard_sections_for",
    "mentorship.selectors.dashboards.dashboard_sections_for",
]


def dashboard_sections(*, request) -> list[str]:
    rendered = []
    for dotted in DASHBOARD_PROVIDERS:
        module_name, function_name = dotted.rsplit(".", 1)
        try:
            provider = getattr(import_module(module_name), function_name)
        except (ImportError, AttributeError):
            continue
        for template_name, context in provider(request=request):
            rendered.append(render_to_string(template_name, context, request=request))
    return rendered
