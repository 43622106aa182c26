"""How every form on the site is drawn: GOV.UK's error summary on top, each error beside its field.

Django renders ``{{ form }}``, ``as_div`` and ``as_p`` through the renderer named by
``FORM_RENDERER``; allauth's pages draw their fields with ``as_p``. Pointing the stock form
templates at the site's own means every form gets the summary without each template
asking for it. Templates that lay fields out one by one include
``includes/error_summary.html`` through ``{% error_summary form %}`` (home/templatetags).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.forms import BaseForm, CheckboxSelectMultiple, RadioSelect
from django.forms.renderers import TemplatesSetting

SITE_FORM_TEMPLATES = {
    "django/forms/div.html": "forms/div.html",
    "django/forms/p.html": "forms/p.html",
}


class SiteFormRenderer(TemplatesSetting):
    """The project's templates first (so the site's form layouts apply), Django's widgets beneath."""

    form_template_name = "forms/div.html"

    def get_template(self, template_name: str):
        return super().get_template(SITE_FORM_TEMPLATES.get(template_name, template_name))


@dataclass(frozen=True)
class ErrorSummaryItem:
    message: str
    anchor: str  # the id of the input to jump to; empty when there is none to show


def _anchor(bound_field) -> str:
    if bound_field.is_hidden or not bound_field.auto_id:
        return ""
    # Radio buttons and checkbox lists: the first option, as GOV.UK links them.
    if isinstance(bound_field.field.widget, (RadioSelect, CheckboxSelectMultiple)):
        return bound_field.field.widget.id_for_label(bound_field.auto_id, "0")
    return bound_field.id_for_label or bound_field.auto_id


def error_summary_items(form: BaseForm) -> list[ErrorSummaryItem]:
    """Each error of a bound form, in field order, with the id of the input it is about.

    An error about the whole form (a wrong password, a mismatch) points at the first input
    the person can see, where they will start correcting it.
    """
    if not form.is_bound or not form.errors:
        return []
    visible = [field for field in form if not field.is_hidden]
    first_anchor = _anchor(visible[0]) if visible else ""
    items = [ErrorSummaryItem(str(message), first_anchor) for message in form.non_field_errors()]
    for bound_field in form:
        items.extend(ErrorSummaryItem(str(message), _anchor(bound_field)) for message in bound_field.errors)
    return items
