"""The CLE requirement progress as bars (earned beside required, per line), drawn on the server."""

from django import template
from django.utils.translation import gettext as _

from home.charts import BarChart, Series, bar_chart, hours_text

register = template.Library()


@register.simple_tag
def requirement_chart(progress) -> BarChart:
    """`progress` is a courses.certificates.requirements.RequirementProgress."""
    rows = [(line.label, [line.earned, line.required]) for line in [*progress.lines, progress.total]]
    return bar_chart(
        rows,
        series=[Series(_("earned"), "chart-bar--earned"), Series(_("required"), "chart-bar--required")],
        fmt=hours_text,
    )
