"""Every form with errors opens with GOV.UK's "There is a problem" box, each error a link to its input."""

import re

import pytest
from django import forms
from django.urls import reverse

from lms.form_rendering import error_summary_items
from tests.factories import PlacementFactory, VolunteerFactory

pytestmark = pytest.mark.django_db


def _summary(html: str) -> str:
    match = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S)
    assert match, "the page has no error summary"
    return match.group(0)


def _assert_summary_links(html: str, *field_ids: str) -> str:
    summary = _summary(html)
    assert 'role="alert"' in summary
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert "There is a problem" in summary
    for field_id in field_ids:
        assert f'href="#{field_id}"' in summary
        # The link leads somewhere: the input carries that id.
        assert f'id="{field_id}"' in html
    return summary


class _Sample(forms.Form):
    name = forms.CharField()
    colour = forms.ChoiceField(choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect)
    token = forms.CharField(widget=forms.HiddenInput)


def test_summary_links_each_error_to_its_input_and_radios_to_the_first_option():
    items = error_summary_items(_Sample(data={}))
    anchors = [item.anchor for item in items]
    assert anchors == ["id_name", "id_colour_0", ""]  # a hidden field has nothing to jump to


def test_unbound_or_valid_form_has_no_summary():
    assert error_summary_items(_Sample()) == []
    assert error_summary_items(_Sample(data={"name": "a", "colour": "r", "token": "t"})) == []
    assert "error-summary" not in _Sample().as_div()


def test_form_rendered_whole_shows_summary_and_each_error_beside_its_field():
    html = _Sample(data={"colour": "r", "token": "t"}).as_div()
    summary = _assert_summary_links(html, "id_name")
    assert "This field is required." in summary
    # The field's own message is there too, outside the summary.
    assert html.replace(summary, "").count("This field is required.") == 1


def test_login_with_wrong_password_summarises_the_error(client):
    user = VolunteerFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "not-the-password"})
    assert response.status_code == 200
    summary = _assert_summary_links(response.content.decode(), "id_login")
    assert "is not right" in summary


def test_signup_with_mismatched_passwords_links_to_the_password(client):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Ana Morales",
            "email": "ana@example.org",
            "password1": "a long enough passphrase",
            "password2": "another long passphrase",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 200
    summary = _assert_summary_links(response.content.decode(), "id_password2")
    assert "same password" in summary


def test_attorney_profile_error_is_summarised(client_for, volunteer):
    client = client_for(volunteer)
    response = client.post(reverse("mentorship:attorney_profile"), {"capacity": "99"})
    assert response.status_code == 200
    _assert_summary_links(response.content.decode(), "id_capacity")


def test_hours_form_error_is_summarised(client_for):
    placement = PlacementFactory()
    client = client_for(placement.attorney)
    response = client.post(
        reverse("mentorship:my_hours"), {"case": placement.case.pk, "worked_on": "2026-01-01", "hours": "lots"}
    )
    assert response.status_code == 200
    _assert_summary_links(response.content.decode(), "id_hours")


def test_staff_case_form_error_is_summarised(client_for, staff):
    client = client_for(staff)
    # An empty POST is read as "not sent yet"; one field left blank is a sent form.
    response = client.post(reverse("staff:case_create"), {"relief_type": ""})
    assert response.status_code == 200
    summary = _summary(response.content.decode())
    assert 'href="#id_' in summary
