"""Labels for codes stored on cases and profiles."""

from django import template

from courses.vocabulary import ReliefType

from ..languages import country_name, language_name

register = template.Library()
_RELIEF = dict(ReliefType.choices)


@register.filter
def relief_label(code: str) -> str:
    return str(_RELIEF.get(code, code))


@register.filter
def relief_labels(codes) -> str:
    return ", ".join(relief_label(code) for code in codes or [])


@register.filter
def language_label(code: str) -> str:
    return f"{language_name(code)} ({code})"


@register.filter
def language_labels(codes) -> str:
    return ", ".join(language_label(code) for code in codes or [])


@register.filter
def country_label(code: str) -> str:
    return country_name(code) if code else "—"
