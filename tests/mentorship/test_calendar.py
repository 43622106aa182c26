"""The private calendar feed: only references and kinds of date, revocable, hashed, audited."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.models import AuditEvent
from mentorship.models import CalendarFeedToken, CaseDateKind
from tests.factories import CaseDateFactory, CheckInFactory
from tests.mentorship.test_authorization import ROLES, SIGNED_IN, expect

pytestmark = pytest.mark.django_db


def _live_token(w):
    from mentorship.services.reminders import calendar_feed_create

    return {"token": calendar_feed_create(user=w["placed_attorney"])}


def _revoked_token(w):
    from mentorship.services.reminders import calendar_feed_create, calendar_feed_revoke

    token = calendar_feed_create(user=w["placed_attorney"])
    calendar_feed_revoke(user=w["placed_attorney"])
    return {"token": token}


# The feed is read by calendar apps without a session: the secret token is the only key.
AUTHZ_MATRIX = {
    "mentorship:calendar_settings": [("get", None, expect(SIGNED_IN, 200))],
    "mentorship:calendar_feed": [
        ("get", _live_token, dict.fromkeys(ROLES, 200)),
        ("get", _revoked_token, dict.fromkeys(ROLES, 404)),
    ],
}

SECRETS = ("QZ", "SENTINEL-COURT-88", "SENTINEL-PLACE-19", "SENTINEL-NOTE-3b", "SENTINEL-PARTY", "next steps SENTINEL")


@pytest.fixture
def dated_world(world):
    case = world["placed_case"]
    case.client_initials = "QZ"
    case.court = "SENTINEL-COURT-88"
    case.location = "SENTINEL-PLACE-19"
    case.confidential_notes = "SENTINEL-NOTE-3b"
    case.adverse_parties = "SENTINEL-PARTY"
    case.save()
    today = timezone.localdate()
    world["hearing"] = CaseDateFactory(case=case, kind=CaseDateKind.MERITS_HEARING, date=today + datetime.timedelta(days=40),
                                       source="SENTINEL-NOTE-3b")  # fmt: skip
    world["deadline"] = CaseDateFactory(
        case=case, kind=CaseDateKind.FILING_DEADLINE, date=today + datetime.timedelta(days=20)
    )
    world["other_date"] = CaseDateFactory(
        case=world["other_case"], kind=CaseDateKind.HEARING, date=today + datetime.timedelta(days=5)
    )
    CheckInFactory(mentorship=world["mentorship"], notes="SENTINEL-NOTE-3b", next_steps="next steps SENTINEL")
    return world


def create_feed(client) -> str:
    response = client.post(reverse("mentorship:calendar_settings"), {"action": "create"})
    assert response.status_code == 200
    match = re.search(r'value="(http://testserver/calendar/[^"]+\.ics)"', response.content.decode())
    assert match, "the new feed address is shown once"
    return match.group(1).replace("http://testserver", "")


def summaries(body: bytes) -> list[str]:
    cal = Calendar.from_ical(body)
    return sorted(str(event["SUMMARY"]) for event in cal.walk("VEVENT"))


def test_feed_lists_hearings_deadlines_and_checkins_with_only_the_reference(dated_world, client, client_for):
    attorney = dated_world["placed_attorney"]
    path = create_feed(client_for(attorney))
    response = client.get(path)  # a calendar app: no session
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    reference = dated_world["placed_case"].reference
    # By default the feed does not say what kind of date it is (see the detail choice below).
    assert summaries(response.content) == sorted(
        [
            f"Case date — {reference}",
            f"Case date — {reference}",
            f"Mentoring check-in due — {reference}",
        ]
    )
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body
    assert dated_world["other_case"].reference not in body
    # Nothing but the summary and timing: no description, location or attendees.
    for prop in ("DESCRIPTION", "LOCATION", "ATTENDEE", "ORGANIZER"):
        assert f"\n{prop}" not in body


def test_mentor_feed_has_the_mentees_dates_but_not_other_cases(dated_world, client, client_for):
    path = create_feed(client_for(dated_world["mentor"]))
    body = client.get(path).content.decode()
    assert dated_world["placed_case"].reference in body
    assert dated_world["other_case"].reference not in body
    assert "QZ" not in body


def test_reading_the_feed_writes_an_audit_row(dated_world, client, client_for):
    attorney = dated_world["placed_attorney"]
    path = create_feed(client_for(attorney))
    client.get(path)
    client.get(path)
    reads = AuditEvent.objects.filter(actor=attorney, action="read", object_type="mentorship.calendarfeedtoken")
    assert reads.count() == 2
    assert all("SENTINEL" not in e.detail for e in reads)


def test_only_a_hash_of_the_token_is_stored(dated_world, client_for):
    path = create_feed(client_for(dated_world["placed_attorney"]))
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    stored = CalendarFeedToken.objects.get(user=dated_world["placed_attorney"])
    assert token not in stored.token_hash
    assert len(token) >= 40


def test_revoked_feed_answers_404(dated_world, client, client_for):
    user_client = client_for(dated_world["placed_attorney"])
    path = create_feed(user_client)
    assert client.get(path).status_code == 200
    user_client.post(reverse("mentorship:calendar_settings"), {"action": "revoke"})
    assert client.get(path).status_code == 404


def test_regenerating_replaces_the_old_address(dated_world, client, client_for):
    user_client = client_for(dated_world["placed_attorney"])
    old = create_feed(user_client)
    new = create_feed(user_client)
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeedToken.objects.filter(user=dated_world["placed_attorney"], revoked_at__isnull=True).count() == 1


@pytest.mark.parametrize("token", ["nope", "a" * 43, "x" * 500])
def test_unknown_token_answers_404(db, client, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_deactivated_user_feed_answers_404(dated_world, client, client_for):
    attorney = dated_world["placed_attorney"]
    path = create_feed(client_for(attorney))
    attorney.is_active = False
    attorney.save()
    assert client.get(path).status_code == 404


def test_settings_page_needs_sign_in(db, client):
    response = client.get(reverse("mentorship:calendar_settings"))
    assert response.status_code == 302


# ---------------------------------------------------------------------------
# The kind of date ("One-year asylum filing deadline") names the relief sought: shown only if
# the feed's owner chooses it, since anyone who sees their phone's calendar sees it too.


@pytest.fixture
def every_kind(world):
    today = timezone.localdate()
    for offset, kind in enumerate(CaseDateKind.values):
        CaseDateFactory(case=world["placed_case"], kind=kind, date=today + datetime.timedelta(days=10 + offset))
    return world


def sentinel_kinds(monkeypatch):
    """Render every kind of date under a sentinel label, so any trace of it is found."""
    from mentorship.selectors import checkins

    monkeypatch.setattr(checkins, "case_date_label", lambda kind: f"SENTINEL-KIND-{kind}")


def event_texts(body: bytes) -> list[str]:
    cal = Calendar.from_ical(body)
    return [str(event.get(prop, "")) for event in cal.walk("VEVENT") for prop in ("SUMMARY", "DESCRIPTION")]


def choose_detail(client, *, show: bool):
    data = {"action": "detail"}
    if show:
        data["show_date_kinds"] = "on"
    return client.post(reverse("mentorship:calendar_settings"), data)


def test_default_feed_names_no_kind_of_date(every_kind, client, client_for, monkeypatch):
    sentinel_kinds(monkeypatch)
    path = create_feed(client_for(every_kind["placed_attorney"]))
    body = client.get(path).content
    texts = event_texts(body)
    assert sum("Case date" in text for text in texts) == len(CaseDateKind.values)
    assert "SENTINEL-KIND" not in body.decode()
    for label in CaseDateKind.labels:
        assert all(str(label).lower() not in text.lower() for text in texts), label


def test_owner_who_chooses_detail_sees_the_kind_of_date(every_kind, client, client_for, monkeypatch):
    attorney = every_kind["placed_attorney"]
    user_client = client_for(attorney)
    path = create_feed(user_client)
    response = choose_detail(user_client, show=True)
    assert response.status_code == 302
    sentinel_kinds(monkeypatch)
    body = client.get(path).content.decode()
    for kind in CaseDateKind.values:
        assert f"SENTINEL-KIND-{kind} — {every_kind['placed_case'].reference}" in body
    change = AuditEvent.objects.get(actor=attorney, action="change", object_type="mentorship.calendarfeedtoken")
    assert change.detail == "date kinds shown"
    # Kept when the address is replaced; switched back off on request, audited again.
    path = create_feed(user_client)
    assert "SENTINEL-KIND" in client.get(path).content.decode()
    choose_detail(user_client, show=False)
    assert "SENTINEL-KIND" not in client.get(path).content.decode()
    assert AuditEvent.objects.filter(actor=attorney, action="change", detail="date kinds hidden").count() == 1


def test_the_detail_choice_needs_a_post_with_csrf(every_kind):
    from django.test import Client

    from mentorship.services.reminders import calendar_feed_create

    attorney = every_kind["placed_attorney"]
    calendar_feed_create(user=attorney)
    client = Client(enforce_csrf_checks=True)
    client.force_login(attorney)
    url = reverse("mentorship:calendar_settings")
    assert client.get(url, {"action": "detail", "show_date_kinds": "on"}).status_code == 200
    assert choose_detail(client, show=True).status_code == 403
    feed = CalendarFeedToken.objects.get(user=attorney, revoked_at__isnull=True)
    assert feed.show_date_kinds is False


def test_settings_page_offers_the_choice_and_says_who_can_see_it(every_kind, client_for):
    user_client = client_for(every_kind["placed_attorney"])
    create_feed(user_client)
    page = user_client.get(reverse("mentorship:calendar_settings")).content.decode()
    assert 'name="show_date_kinds"' in page
    assert "Anyone who can see your phone" in page


def test_feed_speaks_its_owners_language_whatever_the_calendar_app_asks(dated_world, client, client_for):
    attorney = dated_world["placed_attorney"]
    path = create_feed(client_for(attorney))
    type(attorney).objects.filter(pk=attorney.pk).update(preferred_language="es")
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    reference = dated_world["placed_case"].reference
    assert summaries(response.content) == sorted(
        [
            f"Fecha del caso — {reference}",
            f"Fecha del caso — {reference}",
            f"Seguimiento de mentoría pendiente — {reference}",
        ]
    )
