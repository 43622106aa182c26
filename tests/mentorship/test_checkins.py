"""Check-ins and the mentoring plan: who may log, the pairing rating, flags for staff, encryption."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentorship.models import CheckIn, MentoringGoal
from mentorship.selectors.checkins import NEEDS_ATTENTION, ON_TRACK, mentorship_health
from mentorship.services.reminders import staff_users
from tests.factories import CheckInFactory
from tests.mentorship.test_authorization import expect

pytestmark = pytest.mark.django_db

PAIR = ("placed_attorney", "mentor")


def _new_checkin(w):
    return {"pk": CheckInFactory(mentorship=w["mentorship"], logged_by=w["mentor"]).pk}


def _new_goal(w):
    return {"pk": MentoringGoal.objects.create(mentorship=w["mentorship"], title="Goal").pk}


def _mentorship(w):
    return {"pk": w["mentorship"].pk}


def _ended(key):
    return lambda w: {"pk": w[key].pk}


# The ended pairing (``ended_mentorship``, see test_authorization.people): the former mentor
# gets a 404 on every route of it; the attorney keeps a read-only history; staff read it all.
AUTHZ_MATRIX = {
    "mentorship:mentorship_checkins": [
        ("get", _mentorship, expect((*PAIR, "staff"), 200)),
        ("get", _ended("ended_mentorship"), expect(("placed_attorney", "staff"), 200)),
    ],
    "mentorship:checkin_create": [
        ("get", _mentorship, expect(PAIR, 200)),
        ("get", _ended("ended_mentorship"), expect((), 404)),
        ("post", _ended("ended_mentorship"), expect((), 404)),
    ],
    "mentorship:checkin_rate": [
        ("get", _new_checkin, expect(("mentor",), 200)),
        ("get", _ended("ended_checkin"), expect((), 404)),
        ("post", _ended("ended_checkin"), expect((), 404)),
    ],
    "mentorship:checkin_edit": [
        ("get", _new_checkin, expect(("mentor",), 200)),
        ("get", _ended("ended_checkin"), expect((), 404)),
        ("post", _ended("ended_checkin"), expect((), 404)),
    ],
    "mentorship:checkin_delete": [
        ("post", _new_checkin, expect(("mentor",), 302)),
        ("post", _ended("ended_checkin"), expect((), 404)),
    ],
    "mentorship:goal_create": [
        ("post", _mentorship, expect((*PAIR, "staff"), 302)),
        ("post", _ended("ended_mentorship"), expect((), 404)),
    ],
    "mentorship:goal_toggle": [
        ("post", _new_goal, expect((*PAIR, "staff"), 302)),
        ("post", _ended("ended_goal"), expect((), 404)),
    ],
}

NOTE = "SENTINEL-CHECKIN-NOTE-5d1"


def checkin_data(**overrides):
    data = {
        "occurred_on": timezone.localdate().isoformat(),
        "mode": "video",
        "topics": ["strategy", "client"],
        "minutes": "45",
        "next_steps": "Draft the declaration outline.",
        "notes": NOTE,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["mentor", "placed_attorney"])
def test_mentor_and_mentee_can_log_a_checkin_and_are_asked_to_rate(world, client_for, who):
    mentorship = world["mentorship"]
    client = client_for(world[who])
    url = reverse("mentorship:checkin_create", args=[mentorship.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, checkin_data())
    checkin = CheckIn.objects.get(mentorship=mentorship)
    assert response.status_code == 302
    assert response["Location"] == reverse("mentorship:checkin_rate", args=[checkin.pk])
    assert checkin.logged_by == world[who]
    assert checkin.topics == ["client", "strategy"]
    assert checkin.minutes == 45
    assert checkin.notes == NOTE
    assert AuditEvent.objects.filter(
        action="create", object_type="mentorship.checkin", object_id=str(checkin.pk)
    ).exists()


def test_checkin_notes_are_encrypted_at_rest(world):
    checkin = CheckInFactory(mentorship=world["mentorship"], notes=NOTE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM mentorship_checkin WHERE id = %s", [checkin.pk])
        raw = cursor.fetchone()[0]
    assert NOTE not in raw
    assert CheckIn.objects.get(pk=checkin.pk).notes == NOTE


@pytest.mark.parametrize("who", ["other_mentor", "other_attorney", "offered_attorney"])
def test_anyone_else_gets_404_and_the_denial_is_audited(world, client_for, who):
    mentorship = world["mentorship"]
    client = client_for(world[who])
    for url in (
        reverse("mentorship:mentorship_checkins", args=[mentorship.pk]),
        reverse("mentorship:checkin_create", args=[mentorship.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("mentorship:checkin_create", args=[mentorship.pk]), checkin_data()).status_code == 404
    assert not CheckIn.objects.exists()
    assert AuditEvent.objects.filter(actor=world[who], action="denied").count() == 3


def test_staff_read_the_checkins_and_notes_but_do_not_log(world, client_for):
    mentorship = world["mentorship"]
    CheckInFactory(mentorship=mentorship, notes=NOTE)
    client = client_for(world["staff"])
    page = client.get(reverse("mentorship:mentorship_checkins", args=[mentorship.pk]))
    assert page.status_code == 200
    assert NOTE in page.content.decode()
    assert client.get(reverse("mentorship:checkin_create", args=[mentorship.pk])).status_code == 404


def test_the_other_member_of_the_pair_sees_the_notes_but_no_outsider_does(world, client_for):
    mentorship = world["mentorship"]
    CheckInFactory(mentorship=mentorship, logged_by=world["mentor"], notes=NOTE)
    page = client_for(world["placed_attorney"]).get(reverse("mentorship:mentorship_checkins", args=[mentorship.pk]))
    assert NOTE in page.content.decode()
    assert "<title>" in page.content.decode() and NOTE not in page.content.decode().split("</title>")[0]


def test_a_future_or_malformed_checkin_is_a_form_error_not_a_500(world, client_for):
    mentorship = world["mentorship"]
    client = client_for(world["mentor"])
    url = reverse("mentorship:checkin_create", args=[mentorship.pk])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    for bad in (
        {"occurred_on": tomorrow},
        {"occurred_on": "not-a-date"},
        {"minutes": "-5"},
        {"minutes": "99999"},
        {"mode": "telepathy"},
        {"topics": ["<script>"]},
    ):
        response = client.post(url, checkin_data(**bad))
        assert response.status_code == 200, bad
    assert not CheckIn.objects.exists()


def test_ended_mentorship_cannot_take_new_checkins(world, client_for):
    mentorship = world["mentorship"]
    mentorship.status = "ended"
    mentorship.save()
    response = client_for(world["mentor"]).post(
        reverse("mentorship:checkin_create", args=[mentorship.pk]), checkin_data()
    )
    assert response.status_code == 404
    assert not CheckIn.objects.exists()


def test_poor_pairing_rating_flags_the_pairing_for_staff(world, client_for):
    mentorship = world["mentorship"]
    checkin = CheckInFactory(mentorship=mentorship, logged_by=world["placed_attorney"])
    assert mentorship_health(mentorship=mentorship).status == ON_TRACK
    client = client_for(world["placed_attorney"])
    url = reverse("mentorship:checkin_rate", args=[checkin.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"rating": "2"})
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.pairing_rating == 2
    health = mentorship_health(mentorship=mentorship)
    assert health.status == NEEDS_ATTENTION
    assert "poor_rating" in health.reasons


def test_poor_rating_emails_staff_without_details(world, client_for, django_capture_on_commit_callbacks):
    mentorship = world["mentorship"]
    checkin = CheckInFactory(mentorship=mentorship, logged_by=world["mentor"])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world["mentor"]).post(reverse("mentorship:checkin_rate", args=[checkin.pk]), {"rating": "1"})
    staff_emails = sorted(u.email for u in staff_users())
    assert world["staff"].email in staff_emails
    assert sorted(m.to[0] for m in mail.outbox) == staff_emails
    text = mail.outbox[0].subject + mail.outbox[0].body
    assert mentorship.case.reference not in text
    assert world["placed_attorney"].full_name not in text


def test_good_rating_keeps_the_pairing_on_track(world, client_for):
    mentorship = world["mentorship"]
    checkin = CheckInFactory(mentorship=mentorship, logged_by=world["mentor"])
    client_for(world["mentor"]).post(reverse("mentorship:checkin_rate", args=[checkin.pk]), {"rating": "4"})
    assert mentorship_health(mentorship=mentorship).status == ON_TRACK


def test_only_the_person_who_logged_rates_and_a_bad_value_is_a_form_error(world, client_for):
    checkin = CheckInFactory(mentorship=world["mentorship"], logged_by=world["mentor"])
    url = reverse("mentorship:checkin_rate", args=[checkin.pk])
    assert client_for(world["placed_attorney"]).post(url, {"rating": "1"}).status_code == 404
    assert client_for(world["other_mentor"]).post(url, {"rating": "1"}).status_code == 404
    assert client_for(world["mentor"]).post(url, {"rating": "9"}).status_code == 200
    checkin.refresh_from_db()
    assert checkin.pairing_rating is None


def test_staff_attention_flag_turns_health_to_needs_attention(world, client_for, django_capture_on_commit_callbacks):
    mentorship = world["mentorship"]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world["mentor"]).post(
            reverse("mentorship:checkin_create", args=[mentorship.pk]), checkin_data(needs_staff_attention="on")
        )
    assert mentorship_health(mentorship=mentorship).status == NEEDS_ATTENTION
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in staff_users())


def test_mentoring_plan_goals_added_and_marked_done_by_the_pair_only(world, client_for):
    mentorship = world["mentorship"]
    due = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    client = client_for(world["placed_attorney"])
    client.post(reverse("mentorship:goal_create", args=[mentorship.pk]), {"title": "File I-589", "due_on": due})
    goal = MentoringGoal.objects.get(mentorship=mentorship)
    assert goal.title == "File I-589"
    client.post(reverse("mentorship:goal_toggle", args=[goal.pk]), {"done": "1"})
    goal.refresh_from_db()
    assert goal.done and goal.done_at is not None
    outsider = client_for(world["other_mentor"])
    assert outsider.post(reverse("mentorship:goal_toggle", args=[goal.pk]), {"done": "0"}).status_code == 404
    assert outsider.post(reverse("mentorship:goal_create", args=[mentorship.pk]), {"title": "x"}).status_code == 404
    goal.refresh_from_db()
    assert goal.done
    assert MentoringGoal.objects.count() == 1


def test_overdue_goal_is_shown_in_the_plan(world, client_for):
    mentorship = world["mentorship"]
    MentoringGoal.objects.create(
        mentorship=mentorship, title="Gather evidence", due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = client_for(world["mentor"]).get(reverse("mentorship:mentorship_checkins", args=[mentorship.pk]))
    assert "Gather evidence" in page.content.decode()
    assert "goal_overdue" in mentorship_health(mentorship=mentorship).reasons


def test_a_poor_rating_is_seen_by_staff_but_never_by_the_other_member_of_the_pair(world, client_for):
    mentorship = world["mentorship"]
    CheckInFactory(mentorship=mentorship, logged_by=world["placed_attorney"], pairing_rating=1)
    url = reverse("mentorship:mentorship_checkins", args=[mentorship.pk])
    staff_page = client_for(world["staff"]).get(url).content.decode()
    assert "rated as not working well" in staff_page
    assert "Pairing rated 1/5" in staff_page
    mentor_page = client_for(world["mentor"]).get(url).content.decode()
    assert "rated as not working well" not in mentor_page
    assert "Pairing rated" not in mentor_page
    assert "Needs attention" not in mentor_page
    mentor_dashboard = client_for(world["mentor"]).get(reverse("dashboard")).content.decode()
    assert "Needs attention" not in mentor_dashboard
    staff_dashboard = client_for(world["staff"]).get(reverse("staff:dashboard")).content.decode()
    assert "Needs attention" in staff_dashboard


def test_checkin_and_rating_forms_never_answer_500(world, client_for):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    mentorship = world["mentorship"]
    checkin = CheckInFactory(mentorship=mentorship, logged_by=world["mentor"])
    client = client_for(world["mentor"])
    text = st.text(max_size=40)

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        occurred_on=text,
        mode=text,
        topics=st.lists(text, max_size=3),
        minutes=text,
        notes=text,
        rating=text,
    )
    def run(occurred_on, mode, topics, minutes, notes, rating):
        data = {"occurred_on": occurred_on, "mode": mode, "topics": topics, "minutes": minutes, "notes": notes}
        response = client.post(reverse("mentorship:checkin_create", args=[mentorship.pk]), data)
        assert response.status_code in (200, 302)
        response = client.post(reverse("mentorship:checkin_rate", args=[checkin.pk]), {"rating": rating})
        assert response.status_code in (200, 302)

    run()


def test_an_empty_save_of_the_prefilled_form_records_no_checkin(world, client_for):
    """Date, mode and minutes come prefilled: saving them alone is refused with a sentence."""
    mentorship = world["mentorship"]
    data = {"occurred_on": timezone.localdate().isoformat(), "mode": "video", "minutes": "30"}
    response = client_for(world["mentor"]).post(reverse("mentorship:checkin_create", args=[mentorship.pk]), data)
    assert response.status_code == 200
    assert "Say what the check-in covered" in response.content.decode()
    assert not CheckIn.objects.exists()
    data["topics"] = ["strategy"]
    response = client_for(world["mentor"]).post(reverse("mentorship:checkin_create", args=[mentorship.pk]), data)
    assert response.status_code == 302 and CheckIn.objects.count() == 1


def test_the_author_edits_a_checkin_and_the_change_is_audited(world, client_for):
    checkin = CheckInFactory(mentorship=world["mentorship"], logged_by=world["mentor"], minutes=30, topics=["other"])
    client = client_for(world["mentor"])
    url = reverse("mentorship:checkin_edit", args=[checkin.pk])
    assert (
        reverse("mentorship:checkin_edit", args=[checkin.pk])
        in client.get(reverse("mentorship:mentorship_checkins", args=[world["mentorship"].pk])).content.decode()
    )
    assert client.get(url).status_code == 200
    response = client.post(url, checkin_data(minutes="60", topics=["filing"]))
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert (checkin.minutes, checkin.topics, checkin.notes) == (60, ["filing"], NOTE)
    assert AuditEvent.objects.filter(
        action="change", object_type="mentorship.checkin", object_id=str(checkin.pk), detail="check-in edited"
    ).exists()
    # The other half of the pair reads it but may not change it.
    assert client_for(world["placed_attorney"]).post(url, checkin_data(minutes="5")).status_code == 404
    checkin.refresh_from_db()
    assert checkin.minutes == 60


def test_the_author_deletes_a_checkin_with_confirmation_and_an_audit_row(world, client_for):
    checkin = CheckInFactory(mentorship=world["mentorship"], logged_by=world["mentor"])
    client = client_for(world["mentor"])
    url = reverse("mentorship:checkin_delete", args=[checkin.pk])
    client.post(url)
    assert CheckIn.objects.filter(pk=checkin.pk).exists()
    client.post(url, {"confirm": "1"})
    assert not CheckIn.objects.filter(pk=checkin.pk).exists()
    assert AuditEvent.objects.filter(
        action="delete", object_type="mentorship.checkin", object_id=str(checkin.pk)
    ).exists()


def test_a_checkin_cannot_be_changed_after_the_window(world, client_for):
    from mentorship import policy

    checkin = CheckInFactory(mentorship=world["mentorship"], logged_by=world["mentor"])
    CheckIn.objects.filter(pk=checkin.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=policy.CHECKIN_CHANGE_DAYS + 1)
    )
    client = client_for(world["mentor"])
    assert client.get(reverse("mentorship:checkin_edit", args=[checkin.pk])).status_code == 404
    client.post(reverse("mentorship:checkin_delete", args=[checkin.pk]), {"confirm": "1"})
    assert CheckIn.objects.filter(pk=checkin.pk).exists()
