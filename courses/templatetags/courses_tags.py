from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """mapping[key] in templates, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def minutes(seconds) -> int:
    try:
        return int(seconds) // 60
    except (TypeError, ValueError):
        return 0
