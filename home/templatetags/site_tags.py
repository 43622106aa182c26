"""Site-wide template helpers."""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from lms.form_rendering import error_summary_items

register = template.Library()


@register.filter(is_safe=True)
def with_site_name(title: str) -> str:
    """A page title followed by the site's name, once: the home page is titled with the name itself."""
    # The filtered text is the rendered, already escaped, title block.
    title = mark_safe(" ".join(str(title).split()))  # noqa: S308
    site = settings.SITE_NAME
    if not title or title == conditional_escape(site):
        return conditional_escape(site)
    return format_html("{} · {}", title, site)


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form) -> dict:
    """GOV.UK's "There is a problem" box: every error of the form, each a link to its input."""
    prefix = getattr(form, "prefix", None) or "form"
    return {"items": error_summary_items(form), "summary_id": f"error-summary-{prefix}"}
