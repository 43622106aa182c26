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
    assert summaries(response.content) == sorted(
        [
            f"Merits hearing — {reference}",
            f"Filing deadline — {reference}",
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
