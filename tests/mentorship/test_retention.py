"""Retention (S19): client details purged after the retention period or when staff ask, audited."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import (
    Case,
    CaseStatus,
    CaseStatusChange,
    CheckIn,
    ConversationRead,
    HoursEntry,
    MentoringGoal,
    Message,
)
from mentorship.services.cases import case_change_status
from mentorship.services.conflicts import conflict_record
from mentorship.services.messages import message_send
from mentorship.tasks import case_retention_purge_task
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CaseOfferFactory,
    CheckInFactory,
    HoursEntryFactory,
    MentorshipFactory,
)
from tests.mentorship.test_authorization import staff_only

from .conftest import NOTES_SENTINEL, PARTY_SENTINEL

pytestmark = pytest.mark.django_db

AUTHZ_MATRIX = {"staff:case_purge": [("post", lambda w: {"pk": w["seeking_case"].pk}, staff_only(302))]}


def closed_case_with_history(staff, *, closed_days_ago: int) -> Case:
    """A case with something in every field a purge clears, closed `closed_days_ago` days ago."""
    mentorship = MentorshipFactory(
        case__client_initials="QX",
        case__country_of_origin="GT",
        case__court="Example Immigration Court",
        case__location="Example City",
        case__confidential_notes=NOTES_SENTINEL,
        case__adverse_parties=PARTY_SENTINEL,
    )
    case = mentorship.case
    CheckInFactory(mentorship=mentorship, notes=f"check-in {NOTES_SENTINEL}", next_steps="Call the shelter")
    MentoringGoal.objects.create(mentorship=mentorship, title="Prepare the declaration with QX")
    HoursEntryFactory(case=case, attorney=mentorship.mentee, description="Interview at the shelter")
    CaseDateFactory(case=case, source="Notice QX received")
    CaseOfferFactory(case=case, status="declined", decline_reason="Knows the family")
    conflict_record(by=staff, attorney=mentorship.mentee, case=case, reason="Represented the cousin")
    case.related_cases.add(CaseFactory())
    message_send(placement=mentorship.placement, author=mentorship.mentee, body=f"QX moved: {NOTES_SENTINEL}")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=closed_days_ago), tick=False):
        case_change_status(case=case, to_status=CaseStatus.CLOSED, by=staff, reason="Granted; QX moved to Ohio")
    return case


def stored_notes_and_parties(case: Case) -> tuple[str, str]:
    """The values as the database holds them (encrypted columns would hold ciphertext)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT confidential_notes, adverse_parties FROM mentorship_case WHERE id = %s", [case.pk])
        return tuple(cursor.fetchone())


def test_scheduled_purge_clears_client_details_after_the_retention_period_and_keeps_the_skeleton(staff, settings):
    settings.CASE_RETENTION_DAYS = 365
    due = closed_case_with_history(staff, closed_days_ago=366)
    recent = closed_case_with_history(staff, closed_days_ago=364)
    open_case = CaseFactory(status=CaseStatus.SEEKING, confidential_notes=NOTES_SENTINEL)

    assert case_retention_purge_task() == 1
    assert case_retention_purge_task() == 0  # purged cases are skipped

    due.refresh_from_db()
    assert due.purged_at is not None
    assert (due.client_initials, due.country_of_origin, due.court, due.location, due.status_reason) == ("",) * 5
    assert due.confidential_notes == "" and due.adverse_parties == "" and due.adverse_party_hashes == []
    assert stored_notes_and_parties(due) == ("", "")
    assert not due.related_cases.exists()
    assert set(due.status_changes.values_list("reason", flat=True)) == {""}
    assert set(due.dates.values_list("source", flat=True)) == {""}
    assert set(due.offers.values_list("decline_reason", flat=True)) == {""}
    assert set(due.placements.values_list("closed_reason", flat=True)) == {""}
    assert set(due.conflicts.values_list("reason", flat=True)) == {""}
    checkin = CheckIn.objects.get(mentorship__case=due)
    assert checkin.notes == "" and checkin.next_steps == ""
    assert "QX" not in MentoringGoal.objects.get(mentorship__case=due).title
    assert HoursEntry.objects.get(case=due).description == ""
    # The conversation goes: its messages are free text about the client.
    assert not Message.objects.filter(placement__case=due).exists()
    assert not ConversationRead.objects.filter(placement__case=due).exists()
    assert Message.objects.filter(placement__case=recent).count() == 1
    # What reports need stays: reference, relief, languages, status, history, hours.
    assert due.reference.startswith("PBA-") and due.relief_types and due.status == CaseStatus.CLOSED
    assert CaseStatusChange.objects.filter(case=due, to_status=CaseStatus.CLOSED).exists()
    assert HoursEntry.objects.get(case=due).hours

    (row,) = AuditEvent.objects.filter(action=AuditEvent.Action.DELETE)
    assert (row.actor, row.object_id, row.detail) == (None, str(due.pk), "purge=retention messages=1")
    for untouched in (recent, open_case):
        untouched.refresh_from_db()
        assert untouched.purged_at is None and untouched.confidential_notes


def test_staff_purge_a_closed_case_now_after_confirming_and_the_case_stays_closed(world, client_for):
    staff = world["staff"]
    case = closed_case_with_history(staff, closed_days_ago=3)
    client = client_for(staff)
    url = reverse("staff:case_purge", args=[case.pk])
    page = client.get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    assert url in page

    client.post(url, {})  # the box is not ticked
    case.refresh_from_db()
    assert case.purged_at is None

    assert client.post(url, {"confirm": "on"}).status_code == 302
    case.refresh_from_db()
    assert case.purged_at is not None and case.confidential_notes == ""
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.DELETE, actor=staff, detail="purge=staff messages=1").count()
        == 1
    )
    page = client.get(reverse("staff:case_detail", args=[case.pk])).content.decode()
    assert "were purged on" in page and NOTES_SENTINEL not in page and url not in page

    client.post(reverse("staff:case_status", args=[case.pk]), {"to_status": "seeking", "reason": "Reopen"})
    client.post(reverse("staff:case_edit", args=[case.pk]), {"client_initials": "AB", "languages": "spa"})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.client_initials == ""


def test_only_a_closed_case_can_be_purged_by_staff(world, client_for):
    case = world["placed_case"]
    response = client_for(world["staff"]).post(reverse("staff:case_purge", args=[case.pk]), {"confirm": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.purged_at is None and NOTES_SENTINEL in case.confidential_notes
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DELETE).exists()


def test_purging_asks_staff_to_confirm_their_password_first(world):
    from tests.conftest import login_client

    case = closed_case_with_history(world["staff"], closed_days_ago=3)
    client = login_client(world["staff"], reauthenticated=False)
    response = client.post(reverse("staff:case_purge", args=[case.pk]), {"confirm": "on"})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    case.refresh_from_db()
    assert case.purged_at is None
