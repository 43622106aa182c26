import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import AuditEvent
from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_are_rate_limited(client):
    user = VolunteerFactory()
    statuses = [
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong password"}).status_code
        for _ in range(8)
    ]
    assert statuses[0] == 200
    assert 429 in statuses
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_FAILED).count() >= 5


def test_rate_limits_use_a_real_cache_not_a_dummy():
    backend = settings.CACHES["default"]["BACKEND"]
    assert "DummyCache" not in backend


def test_unknown_and_known_emails_get_the_same_reset_response(client):
    user = VolunteerFactory()
    known = client.post(reverse("account_reset_password"), {"email": user.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


def test_login_rotates_the_session_key(client, password):
    user = VolunteerFactory()
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert client.session.session_key != before


def test_logout_kills_the_old_session_and_clears_site_data(client, password):
    user = VolunteerFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "cookies" in response["Clear-Site-Data"]
    client.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    assert client.get(reverse("dashboard")).status_code == 302


def test_deactivated_user_loses_open_sessions(client_for):
    user = VolunteerFactory()
    client = client_for(user)
    assert client.get(reverse("dashboard")).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(reverse("dashboard")).status_code == 302


def test_absolute_session_timeout_ends_an_active_session(client, password):
    user = VolunteerFactory()
    with time_machine.travel("2026-03-02 08:00:00Z", tick=False) as traveller:
        client.post(reverse("account_login"), {"login": user.email, "password": password})
        assert client.get(reverse("dashboard")).status_code == 200
        # Active every 30 minutes, so the idle timeout never fires, but the absolute one does.
        for _ in range(settings.SESSION_ABSOLUTE_SECONDS // 1800):
            traveller.shift(1800)
            client.get(reverse("dashboard"))
        traveller.shift(1800)
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert client.get(reverse("dashboard")).status_code == 302


def test_signed_in_pages_are_never_cached(client_for):
    response = client_for(VolunteerFactory()).get(reverse("dashboard"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_security_headers_on_public_pages(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_group_can_manage_users_or_groups():
    forbidden = {"add_user", "change_user", "delete_user", "add_group", "change_group", "delete_group"}
    for group in Group.objects.all():
        held = set(group.permissions.values_list("codename", flat=True))
        assert not held & forbidden, group.name


def test_wagtail_admin_login_goes_through_the_site_login(client):
    response = client.get("/cms/login/?next=/cms/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    response = client.get("/cms/")
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_password_rules(client):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("short")
    with pytest.raises(ValidationError):
        validate_password("password123")
    with pytest.raises(ValidationError):
        validate_password("x" * 129)
    validate_password("a" * 20 + " long passphrase without rules")
    validate_password("q" * 64 + "z")


def _session_expiry(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_an_idle_session_ends_and_activity_keeps_it(client, password):
    user = VolunteerFactory()
    with time_machine.travel("2026-03-02 08:00:00Z", tick=False) as traveller:
        client.post(reverse("account_login"), {"login": user.email, "password": password})
        for _ in range(4):  # active every 50 minutes: the hour's idle limit moves on each time
            traveller.shift(50 * 60)
            assert client.get(reverse("dashboard")).status_code == 200
        traveller.shift(settings.SESSION_COOKIE_AGE + 1)
        assert client.get(reverse("dashboard")).status_code == 302


def test_a_signed_in_request_writes_the_session_at_most_once_a_minute(client, password):
    user = VolunteerFactory()
    with time_machine.travel("2026-03-02 08:00:00Z", tick=False) as traveller:
        client.post(reverse("account_login"), {"login": user.email, "password": password})
        client.get(reverse("dashboard"))
        written = _session_expiry(client)
        traveller.shift(settings.SESSION_REFRESH_SECONDS - 5)
        client.get(reverse("dashboard"))
        assert _session_expiry(client) == written
        traveller.shift(10)
        client.get(reverse("dashboard"))
        assert _session_expiry(client) > written
