"""The attorney choosers render in Python, option for option what Django's select renders."""

import re

from django import forms

from mentorship.forms import LongSelect, OfferSendForm
from tests.factories import attorney_with_profile

CHOICES = [("", "---------"), (1, "Ana <Ruiz> & Co"), (2, "Bo"), (3, "Cé")]


def options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, bool(selected), label)
        for value, selected, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)
    ]


def test_long_select_renders_what_djangos_select_renders():
    class Form(forms.Form):
        plain = forms.ChoiceField(choices=CHOICES)
        long = forms.ChoiceField(choices=CHOICES, widget=LongSelect)

    form = Form(data={"plain": "2", "long": "2"})
    assert options(str(form["long"])) == options(str(form["plain"]))
    assert ("2", True, "Bo") in options(str(form["long"]))
    assert ("1", False, "Ana &lt;Ruiz&gt; &amp; Co") in options(str(form["long"]))
    assert 'name="long"' in str(form["long"]) and "required" in str(form["long"])


def test_the_offer_form_lists_attorneys_and_keeps_the_one_chosen(db):
    chosen, other = attorney_with_profile(), attorney_with_profile()
    html = str(OfferSendForm(data={"attorney": str(chosen.pk)})["attorney"])
    values = {value: selected for value, selected, _label in options(html)}
    assert values[str(chosen.pk)] is True
    assert values[str(other.pk)] is False
