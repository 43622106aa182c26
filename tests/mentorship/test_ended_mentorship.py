"""An ended mentorship: the former mentor loses all of it, the attorney keeps a read-only
history, staff read everything (audited)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import CaseDateKind, MentoringGoal, MentorshipStatus
from mentorship.services.offers import mentorship_end, placement_close
from mentorship.services.reminders import calendar_feed_create
from mentorship.tasks import case_digest_send_task, reminders_send_task
from tests.factories import CaseDateFactory, CheckInFactory

pytestmark = pytest.mark.django_db

NOTE = "SENTINEL-ENDED-NOTE-8c2"
STEPS = "SENTINEL-ENDED-STEPS-19"


@pytest.fixture
def ended(world):
    """``world``'s pairing with history, then ended by staff; the placement stays open."""
    mentorship = world["mentorship"]
    CheckInFactory(mentorship=mentorship, logged_by=world["mentor"], notes=NOTE, next_steps=STEPS)
    MentoringGoal.objects.create(mentorship=mentorship, title="Draft the declaration")
    CaseDateFactory(case=world["placed_case"], kind=CaseDateKind.HEARING, date=timezone.localdate())
    world["mentorship"] = mentorship_end(mentorship=mentorship, by=world["staff"])
    return world


def test_former_mentor_gets_404_on_the_pairing_and_its_case(ended, client_for):
    client = client_for(ended["mentor"])
    pk = ended["mentorship"].pk
    for url in (
        reverse("mentorship:mentorship_checkins", args=[pk]),
        reverse("mentorship:checkin_create", args=[pk]),
        reverse("mentorship:case_detail", args=[ended["placed_case"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert NOTE not in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=ended["mentor"], action="denied", object_type="mentorship.mentorship", object_id=str(pk)
    ).exists()


def test_former_mentor_lists_and_calendar_drop_the_pairing(ended, client, client_for):
    mentor = ended["mentor"]
    reference = ended["placed_case"].reference
    mentee_name = ended["placed_attorney"].get_full_name()
    signed_in = client_for(mentor)
    for route in ("dashboard", "mentorship:mentor_home"):
        page = signed_in.get(reverse(route)).content.decode()
        assert reference not in page, route
        assert mentee_name not in page, route
        assert reverse("mentorship:mentorship_checkins", args=[ended["mentorship"].pk]) not in page, route
    feed = client.get(reverse("mentorship:calendar_feed", args=[calendar_feed_create(user=mentor)]))
    assert feed.status_code == 200
    assert reference not in feed.content.decode()


def test_reminders_and_digest_do_not_email_a_former_mentor(ended):
    today = timezone.localdate()
    CaseDateFactory(case=ended["placed_case"], kind=CaseDateKind.HEARING, date=today + datetime.timedelta(days=60))
    later = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=55), datetime.time(9)))
    with time_machine.travel(later, tick=False):
        reminders_send_task()
        case_digest_send_task()
    recipients = {address for message in mail.outbox for address in message.to}
    # The attorney still represents the case, so the date reminder goes out, but not to the former mentor.
    assert ended["placed_attorney"].email in recipients
    assert ended["mentor"].email not in recipients


def test_attorney_keeps_a_read_only_history_of_the_ended_pairing(ended, client_for):
    client = client_for(ended["placed_attorney"])
    pk = ended["mentorship"].pk
    response = client.get(reverse("mentorship:mentorship_checkins", args=[pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert STEPS in page and NOTE in page and "Draft the declaration" in page
    assert "This mentorship ended" in page
    assert reverse("mentorship:checkin_create", args=[pk]) not in page
    assert reverse("mentorship:goal_create", args=[pk]) not in page
    assert "Next check-in due" not in page
    assert client.post(reverse("mentorship:checkin_create", args=[pk]), {}).status_code == 404
    assert client.post(reverse("mentorship:goal_create", args=[pk]), {"title": "New"}).status_code == 404
    assert not MentoringGoal.objects.filter(title="New").exists()
    # The attorney finds it under earlier mentoring on their cases page.
    assert (
        reverse("mentorship:mentorship_checkins", args=[pk])
        in client.get(reverse("mentorship:my_cases")).content.decode()
    )


def test_attorney_history_hides_the_case_once_the_placement_closed(ended, client_for):
    placement_close(placement=ended["placement"], by=ended["staff"], reason="Case won")
    client = client_for(ended["placed_attorney"])
    response = client.get(reverse("mentorship:mentorship_checkins", args=[ended["mentorship"].pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert STEPS in page
    assert ended["placed_case"].reference not in page


def test_staff_read_the_whole_ended_pairing_and_the_read_is_audited(ended, client_for):
    staff = ended["staff"]
    pk = ended["mentorship"].pk
    response = client_for(staff).get(reverse("mentorship:mentorship_checkins", args=[pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert NOTE in page and STEPS in page
    assert ended["placed_case"].reference in page
    assert "This mentorship ended" in page
    assert reverse("mentorship:goal_create", args=[pk]) not in page
    assert (
        AuditEvent.objects.filter(
            actor=staff, action="read", object_type="mentorship.mentorship", object_id=str(pk)
        ).count()
        == 1
    )


def test_ending_is_what_closes_it(world, client_for):
    """The same requests succeed while the pairing is active (so the 404s above are the ending's)."""
    client = client_for(world["mentor"])
    assert world["mentorship"].status == MentorshipStatus.ACTIVE
    assert client.get(reverse("mentorship:mentorship_checkins", args=[world["mentorship"].pk])).status_code == 200
    assert client.get(reverse("mentorship:case_detail", args=[world["placed_case"].pk])).status_code == 200
