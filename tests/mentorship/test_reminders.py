"""Reminders: each due item and threshold sends one email per person, however often the task runs."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from mentorship.models import CaseDateKind, ReminderSent
from mentorship.services.reminders import case_digest_send
from mentorship.tasks import case_digest_send_task, reminders_send_task
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CheckInFactory,
    MentorshipFactory,
    attorney_with_profile,
)

SENTINEL = "SENTINEL-NOTE-41c"

pytestmark = pytest.mark.django_db


def at(day: datetime.date, hour: int = 9):
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), tick=False)


@pytest.fixture
def pairing():
    mentorship = MentorshipFactory(case__client_initials="QX", case__confidential_notes=SENTINEL, cadence_days=30)
    return mentorship


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def assert_no_case_details(mentorship) -> None:
    for message in mail.outbox:
        text = message.subject + message.body
        assert mentorship.case.reference not in text
        assert SENTINEL not in text
        assert "QX" not in text
        assert "http" in message.body  # the sign-in link is there


def test_overdue_kickoff_sends_one_email_to_mentor_and_mentee_even_when_run_twice(pairing):
    today = timezone.localdate()
    with at(today + datetime.timedelta(days=6)):
        assert reminders_send_task() == 0
    with at(today + datetime.timedelta(days=9)):
        assert reminders_send_task() == 2
        assert reminders_send_task() == 0
    assert recipients() == sorted([pairing.mentor.email, pairing.mentee.email])
    assert ReminderSent.objects.filter(kind="checkin_overdue").count() == 2
    assert all("check-in" in m.subject.lower() for m in mail.outbox)
    assert_no_case_details(pairing)


def test_a_new_checkin_then_a_new_overdue_period_sends_a_new_reminder(pairing):
    today = timezone.localdate()
    with at(today + datetime.timedelta(days=9)):
        assert reminders_send_task() == 2
        CheckInFactory(mentorship=pairing, occurred_on=timezone.localdate())
        assert reminders_send_task() == 0  # on track again
    with at(today + datetime.timedelta(days=9 + 31)):
        assert reminders_send_task() == 2
        assert reminders_send_task() == 0
    assert len(mail.outbox) == 4


def test_case_date_reminders_at_seven_and_one_day_once_each(pairing):
    today = timezone.localdate()
    # Keep check-ins current so only the date reminders are in play.
    CheckInFactory(mentorship=pairing, occurred_on=today)
    hearing = CaseDateFactory(case=pairing.case, kind=CaseDateKind.HEARING, date=today + datetime.timedelta(days=20))
    people = sorted([pairing.mentor.email, pairing.mentee.email])
    with at(today + datetime.timedelta(days=12)):  # 8 days ahead: nothing yet
        CheckInFactory(mentorship=pairing, occurred_on=timezone.localdate())
        assert reminders_send_task() == 0
    with at(today + datetime.timedelta(days=13)):  # 7 days ahead
        assert reminders_send_task() == 2
        assert reminders_send_task() == 0
    with at(today + datetime.timedelta(days=15)):  # 5 days ahead: still the 7-day threshold
        assert reminders_send_task() == 0
    with at(today + datetime.timedelta(days=19)):  # 1 day ahead
        assert reminders_send_task() == 2
        assert reminders_send_task() == 0
    with at(today + datetime.timedelta(days=20)):  # the day itself: the 1-day reminder was sent
        assert reminders_send_task() == 0
    assert recipients() == sorted(people * 2)
    thresholds = set(ReminderSent.objects.filter(kind="case_date").values_list("threshold", flat=True))
    assert thresholds == {"7d", "1d"}
    assert all(
        key.startswith(f"casedate:{hearing.pk}:")
        for key in ReminderSent.objects.values_list("object_key", flat=True).filter(kind="case_date")
    )
    assert_no_case_details(pairing)


def test_a_moved_date_is_a_new_item(pairing):
    today = timezone.localdate()
    CheckInFactory(mentorship=pairing, occurred_on=today)
    hearing = CaseDateFactory(case=pairing.case, date=today + datetime.timedelta(days=7))
    assert reminders_send_task() == 2
    hearing.date = today + datetime.timedelta(days=6)
    hearing.save()
    assert reminders_send_task() == 2


def test_closed_placement_and_ended_mentorship_send_nothing(pairing):
    today = timezone.localdate()
    CaseDateFactory(case=pairing.case, date=today + datetime.timedelta(days=3))
    pairing.placement.closed_at = timezone.now()
    pairing.placement.save()
    pairing.status = "ended"
    pairing.save()
    pairing.case.status = "closed"
    pairing.case.save()
    with at(today + datetime.timedelta(days=9)):
        assert reminders_send_task() == 0
    assert mail.outbox == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once():
    import threading

    from django.db import connection

    mentorship = MentorshipFactory(cadence_days=30)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(reminders_send_task())
        finally:
            connection.close()

    with at(timezone.localdate() + datetime.timedelta(days=9)):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(results) in ([0, 2], [1, 1])
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mentorship.mentor.email, mentorship.mentee.email])


# ---------------------------------------------------------------------------
# Weekly digest


def test_weekly_digest_counts_fitting_new_cases_once_a_week_without_details():
    fits = attorney_with_profile(languages=(("spa", 4),))
    no_language = attorney_with_profile(languages=(("fra", 4),))
    CaseFactory(status="seeking", languages=["spa"], client_initials="ZZ", reference="PBA-2026-7777")
    CaseFactory(status="seeking", languages=["spa", "mam"], detained=True)
    CaseFactory(status="intake", languages=["spa"])
    assert case_digest_send_task() == 1
    assert case_digest_send_task() == 0
    assert [m.to for m in mail.outbox] == [[fits.email]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert "2 new cases" in body  # the factory profile takes detained cases
    assert "PBA-2026-7777" not in body and "ZZ" not in body
    assert "/mentorship/open-cases/" in body
    assert no_language.email not in recipients()


def test_weekly_digest_applies_every_hard_constraint_of_matching():
    from mentorship.models import ReliefTypeRequirement
    from tests.factories import CaseOfferFactory, CoursePageFactory, EnrollmentFactory

    course = CoursePageFactory()
    ReliefTypeRequirement.objects.create(relief_type="u_visa", course=course)
    trained, untrained = attorney_with_profile(), attorney_with_profile()
    EnrollmentFactory(user=trained, course=course, completed_at=timezone.now())
    unadmitted = attorney_with_profile(bar=None)
    busy = attorney_with_profile(capacity=1)
    CaseOfferFactory(attorney=busy)  # a pending offer holds the one place
    CaseFactory(status="seeking", languages=["spa"], relief_types=["u_visa"])
    CaseFactory(status="seeking", languages=["spa"], relief_types=["asylum"])
    assert case_digest_send_task() == 2
    counts = {m.to[0]: m.body for m in mail.outbox}
    assert "2 new cases" in counts[trained.email] and "1 new case " in counts[untrained.email]
    assert unadmitted.email not in counts and busy.email not in counts


def test_weekly_digest_goes_out_again_the_next_week():
    attorney_with_profile(languages=(("spa", 4),))
    CaseFactory(status="seeking", languages=["spa"])
    today = timezone.localdate()
    assert case_digest_send(today=today) == 1
    assert case_digest_send(today=today + datetime.timedelta(days=7)) == 1
    assert case_digest_send(today=today + datetime.timedelta(days=7)) == 0


def test_a_failed_send_gives_the_claim_back_and_the_next_run_sends_it(pairing, monkeypatch):
    import smtplib

    from mentorship.services import reminders

    real = reminders.send_mail
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise smtplib.SMTPServerDisconnected("gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(reminders, "send_mail", flaky)
    with at(timezone.localdate() + datetime.timedelta(days=9)):
        assert reminders_send_task() == 1  # one of the two failed
        assert ReminderSent.objects.count() == 1
        assert reminders_send_task() == 1  # the failed one, retried
        assert reminders_send_task() == 0
    assert recipients() == sorted([pairing.mentor.email, pairing.mentee.email])
