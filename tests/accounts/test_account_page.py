"""The account page: name and language, password, addresses, authenticator app, calendar feed."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.services.reminders import calendar_feed_create
from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def test_header_name_links_to_the_account_page(client_for, volunteer):
    html = client_for(volunteer).get(reverse("dashboard")).content.decode()
    assert f'href="{reverse("account_overview")}" data-route="account_overview"' in html


def test_account_page_shows_every_part(client_for):
    user = VolunteerFactory(email="ana@example.org")
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"primary": True, "verified": True})
    response = client_for(user).get(reverse("account_overview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ana@example.org" in html
    assert reverse("account_email") in html
    assert reverse("account_change_password") in html
    assert reverse("mfa_index") in html
    assert reverse("mentorship:calendar_settings") in html
    assert 'name="preferred_language"' in html and 'for="id_preferred_language"' in html
    assert 'for="id_full_name"' in html
    assert response["Cache-Control"].startswith("private") or "no-store" in response["Cache-Control"]


def test_account_page_needs_sign_in(client):
    response = client.get(reverse("account_overview"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_changing_name_and_language_saves_and_audits_without_the_values(client_for, volunteer):
    client = client_for(volunteer)
    response = client.post(reverse("account_overview"), {"full_name": "  Ana   Morales ", "preferred_language": "es"})
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.full_name == "Ana Morales"
    assert volunteer.preferred_language == "es"
    event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE, object_type="accounts.user")
    assert event.actor == volunteer and event.object_id == str(volunteer.pk)
    assert "full_name" in event.detail and "preferred_language" in event.detail
    assert "Morales" not in event.detail


def test_saving_unchanged_details_writes_no_audit_row(client_for, volunteer):
    client = client_for(volunteer)
    data = {"full_name": volunteer.full_name, "preferred_language": volunteer.preferred_language}
    assert client.post(reverse("account_overview"), data).status_code == 302
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE, object_type="accounts.user").exists()


def test_blank_name_or_unknown_language_is_a_form_error_and_changes_nothing(client_for, volunteer):
    client = client_for(volunteer)
    before = volunteer.full_name
    response = client.post(reverse("account_overview"), {"full_name": "   ", "preferred_language": "xx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_full_name"' in html and 'href="#id_preferred_language"' in html
    volunteer.refresh_from_db()
    assert volunteer.full_name == before


def test_authenticator_status_is_shown(client_for, mentor):
    html = client_for(mentor).get(reverse("account_overview")).content.decode()
    assert "Manage your authenticator app" in html


def test_without_authenticator_the_page_offers_to_set_one_up(client_for, volunteer):
    html = client_for(volunteer).get(reverse("account_overview")).content.decode()
    assert "Set up an authenticator app" in html


def test_calendar_feed_status_and_a_new_address(client_for, volunteer):
    client = client_for(volunteer)
    assert "Make my calendar feed" in client.get(reverse("account_overview")).content.decode()
    calendar_feed_create(user=volunteer)
    html = client.get(reverse("account_overview")).content.decode()
    assert "Make a new address" in html
    # The button posts to the existing feed page, which shows the new address once.
    response = client.post(reverse("mentorship:calendar_settings"), {"action": "create"})
    assert "/calendar/" in response.content.decode() and ".ics" in response.content.decode()
