"""Staff approve or reject logged pro bono hours; only approved hours count toward CLE."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from mentorship.models import HoursEntry
from mentorship.selectors.hours import pro_bono_hours_for
from mentorship.services.hours import HoursError, hours_approve, hours_delete, hours_reject
from tests.factories import HoursEntryFactory, StaffFactory
from tests.mentorship.test_authorization import staff_only

pytestmark = pytest.mark.django_db


def _entry(w):
    return {"pk": HoursEntryFactory(case=w["placed_case"], attorney=w["placed_attorney"]).pk}


AUTHZ_MATRIX = {
    "staff:hours_pending": [("get", None, staff_only())],
    "staff:hours_approve": [("post", _entry, staff_only(302))],
    "staff:hours_reject": [("post", _entry, staff_only(302))],
}


@pytest.fixture
def entry(world):
    return HoursEntryFactory(case=world["placed_case"], attorney=world["placed_attorney"], hours="3.00")


def test_staff_approve_from_the_pending_list_and_the_approval_is_audited(world, entry, client_for):
    staff = world["staff"]
    client = client_for(staff)
    page = client.get(reverse("staff:hours_pending")).content.decode()
    assert world["placed_case"].reference in page and "Approve" in page
    assert pro_bono_hours_for(user=entry.attorney, status="approved") == 0
    response = client.post(reverse("staff:hours_approve", args=[entry.pk]), follow=True)
    assert "now count toward CLE" in response.content.decode()
    entry.refresh_from_db()
    assert entry.approved_by == staff and entry.approved_at is not None and entry.status == "approved"
    assert pro_bono_hours_for(user=entry.attorney, status="approved") == 3
    event = AuditEvent.objects.filter(object_type="mentorship.hoursentry", object_id=str(entry.pk)).latest("pk")
    assert (event.actor, event.action, event.detail) == (staff, AuditEvent.Action.CHANGE, "hours approved")


def test_approving_twice_gets_a_clear_message(world, entry, client_for):
    client = client_for(world["staff"])
    client.post(reverse("staff:hours_approve", args=[entry.pk]))
    response = client.post(reverse("staff:hours_approve", args=[entry.pk]), follow=True)
    assert response.status_code == 200
    assert "already approved" in response.content.decode()


def test_rejecting_needs_a_reason_and_the_attorney_sees_it(world, entry, client_for):
    client = client_for(world["staff"])
    response = client.post(reverse("staff:hours_reject", args=[entry.pk]), {"reason": "  "}, follow=True)
    assert "Say why the hours are rejected" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == "pending"
    client.post(reverse("staff:hours_reject", args=[entry.pk]), {"reason": "Not pro bono work"})
    entry.refresh_from_db()
    assert entry.status == "rejected" and entry.rejection_reason == "Not pro bono work"
    with pytest.raises(HoursError, match="already rejected"):
        hours_approve(entry=entry, by=world["staff"])
    mine = client_for(world["placed_attorney"]).get(reverse("mentorship:my_hours")).content.decode()
    assert "Rejected: Not pro bono work" in mine


def test_the_attorney_sees_each_entrys_status_and_cannot_remove_approved_hours(world, entry, client_for):
    other = HoursEntryFactory(case=world["placed_case"], attorney=world["placed_attorney"], hours="1.00")
    hours_approve(entry=entry, by=world["staff"])
    page = client_for(world["placed_attorney"]).get(reverse("mentorship:my_hours")).content.decode()
    assert "counts toward CLE" in page and "Awaiting staff approval" in page
    with pytest.raises(HoursError, match="cannot be removed"):
        hours_delete(entry=entry, by=world["placed_attorney"])
    hours_delete(entry=other, by=world["placed_attorney"])  # pending entries can still be removed
    assert HoursEntry.objects.filter(pk=entry.pk).exists()


def test_only_staff_can_approve_or_reject_in_the_service(world, entry):
    with pytest.raises(HoursError):
        hours_approve(entry=entry, by=world["placed_attorney"])
    with pytest.raises(HoursError):
        hours_reject(entry=entry, by=world["mentor"], reason="x")
    entry.refresh_from_db()
    assert entry.status == "pending"
    hours_approve(entry=entry, by=StaffFactory())
