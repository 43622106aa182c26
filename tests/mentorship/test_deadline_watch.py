"""The deadline watch: program staff hear of every hard date near, whoever holds the case."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from lms.celery import app
from mentorship.models import CaseDate, CaseDateKind, MatchingSettings, ReminderSent
from mentorship.services.deadlines import case_date_mark_filed, deadline_watch_send, due_threshold
from mentorship.tasks import deadline_watch_send_task, reminders_send_task
from tests.factories import (
    CaseDateFactory,
    CaseFactory,
    CaseOfferFactory,
    CheckInFactory,
    PlacementFactory,
    StaffFactory,
    VolunteerFactory,
)
from tests.mentorship.test_authorization import expect, staff_only

pytestmark = pytest.mark.django_db

SENTINEL = "SENTINEL-DEADLINE-5e1"
DAY = datetime.timedelta(days=1)


def at(day: datetime.date, hour: int = 9):
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), tick=False)


def run_beat_once() -> None:
    """Every periodic task of the schedule, called as a function, as beat would queue them."""
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        app.tasks[entry["task"]]()


def staff_count() -> int:
    from mentorship.services.reminders import staff_users

    return staff_users().count()


def watch_mail(to: str | None = None) -> list:
    return [
        m
        for m in mail.outbox
        if m.subject.startswith("[") and "Deadline watch" in m.subject and (not to or m.to == [to])
    ]


def assert_no_client_details(case) -> None:
    for message in mail.outbox:
        text = message.subject + message.body
        for secret in (case.reference, case.client_initials, SENTINEL, "asylum", "One-year", "hearing", "U visa"):
            assert secret not in text, secret
        assert f"/cases/{case.pk}/" not in text
        assert "/staff/deadlines/" in message.body


@pytest.fixture
def staff(staff_user):
    return staff_user


def seeking_case(staff, *, days: int, kind=CaseDateKind.ONE_YEAR_DEADLINE, status="seeking"):
    case = CaseFactory(status=status, created_by=staff, client_initials="QV", confidential_notes=SENTINEL)
    case_date = CaseDateFactory(case=case, kind=kind, date=timezone.localdate() + days * DAY)
    return case, case_date


# ---------------------------------------------------------------------------
# The report: a seeking case three days from its one-year deadline emailed no one


def test_seeking_case_with_a_hard_date_three_days_away_emails_program_staff(staff):
    case, _date = seeking_case(staff, days=3)
    run_beat_once()
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "a hard date is 3 days away" in mail.outbox[0].body
    assert_no_client_details(case)


# ---------------------------------------------------------------------------
# Emails: once per case, date and threshold, as the days pass


def test_seeking_case_emails_staff_once_per_threshold_as_days_pass_never_twice(staff):
    other_staff = StaffFactory()
    today = timezone.localdate()
    case, case_date = seeking_case(staff, days=34)
    sent_on = {}
    for offset in range(0, 37):
        with at(today + offset * DAY):
            count = deadline_watch_send_task()
            assert deadline_watch_send_task() == 0  # a second run the same hour sends nothing
            assert deadline_watch_send_task() == 0
        if count:
            sent_on[34 - offset] = count
    # 30, 14, 7, 3 and 1 days before, to both staff members; nothing on the day or after.
    assert sent_on == {30: 2, 14: 2, 7: 2, 3: 2, 1: 2}
    assert len(watch_mail(staff.email)) == 5 and len(watch_mail(other_staff.email)) == 5
    assert len(mail.outbox) == 10
    keys = ReminderSent.objects.filter(kind="deadline_watch", recipient=staff)
    assert sorted(keys.values_list("threshold", flat=True)) == sorted(["30d", "14d", "7d", "3d", "1d"])
    assert set(keys.values_list("object_key", flat=True)) == {f"casedate:{case_date.pk}:{case_date.date.isoformat()}"}
    bodies = [m.body for m in watch_mail(staff.email)]
    assert "a hard date is 30 days away" in bodies[0] and "a hard date is 1 day away" in bodies[-1]
    assert_no_client_details(case)


def test_after_downtime_only_the_nearest_threshold_crossed_is_sent(staff):
    today = timezone.localdate()
    case, _date = seeking_case(staff, days=40)
    with at(today):
        assert deadline_watch_send_task() == 0  # outside every threshold
    with at(today + 35 * DAY):  # the task was down; 5 days left: 30 and 14 passed unheard
        assert deadline_watch_send_task() == 1
    assert len(mail.outbox) == 1 and "5 days away" in mail.outbox[0].body
    assert list(ReminderSent.objects.values_list("threshold", flat=True)) == ["7d"]
    with at(today + 36 * DAY):
        assert deadline_watch_send_task() == 0
    with at(today + 37 * DAY):
        assert deadline_watch_send_task() == 1  # 3 days
    assert len(mail.outbox) == 2


def test_a_date_entered_already_passed_emails_once_saying_it_passed(staff):
    seeking_case(staff, days=-2)
    assert deadline_watch_send_task() == 1
    assert deadline_watch_send_task() == 0
    assert "passed 2 days ago and is not marked filed" in mail.outbox[0].body


def test_a_moved_date_starts_its_thresholds_again(staff):
    today = timezone.localdate()
    _case, case_date = seeking_case(staff, days=3)
    assert deadline_watch_send_task() == 1
    CaseDate.objects.filter(pk=case_date.pk).update(date=today + 10 * DAY)
    assert deadline_watch_send_task() == 1  # a new date: its nearest threshold (14 days)
    assert deadline_watch_send_task() == 0
    assert "10 days away" in mail.outbox[-1].body


def test_several_dates_crossing_at_once_make_one_email_per_person(staff):
    seeking_case(staff, days=3)
    seeking_case(staff, days=12)
    assert deadline_watch_send_task() == 1
    assert deadline_watch_send_task() == 0
    (message,) = mail.outbox
    assert "2 hard dates need attention" in message.subject
    assert "3 days away" in message.body and "12 days away" in message.body
    assert ReminderSent.objects.filter(kind="deadline_watch").count() == 2


def test_only_active_program_staff_are_emailed(staff):
    inactive = StaffFactory(is_active=False)
    VolunteerFactory()
    seeking_case(staff, days=3)
    assert deadline_watch_send_task() == 1
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert inactive.email not in [address for m in mail.outbox for address in m.to]


def test_a_failed_send_gives_the_claims_back_and_the_next_run_sends_them(staff, monkeypatch):
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
    seeking_case(staff, days=3)
    seeking_case(staff, days=5)
    assert deadline_watch_send_task() == 0
    assert ReminderSent.objects.count() == 0
    assert deadline_watch_send_task() == 1
    assert deadline_watch_send_task() == 0
    assert "2 hard dates" in mail.outbox[0].subject


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_alert_once():
    import threading

    from django.db import connection

    staff_a, staff_b = StaffFactory(), StaffFactory()
    case = CaseFactory(status="seeking", created_by=staff_a)
    CaseDateFactory(case=case, kind=CaseDateKind.FILING_DEADLINE, date=timezone.localdate() + 3 * DAY)
    CaseDateFactory(case=case, kind=CaseDateKind.MERITS_HEARING, date=timezone.localdate() + 6 * DAY)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(deadline_watch_send_task())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Each (date, threshold, person) is claimed by one worker: every person hears of both
    # dates once, in one email or split between the two workers' emails.
    assert sum(results) == len(mail.outbox) >= 2
    assert ReminderSent.objects.filter(kind="deadline_watch").count() == 4
    for person in (staff_a, staff_b):
        lines = [
            line
            for m in mail.outbox
            if m.to == [person.email]
            for line in m.body.splitlines()
            if "hard date is" in line
        ]
        assert sorted(lines) == sorted(
            [
                "A case needs attention: a hard date is 3 days away.",
                "A case needs attention: a hard date is 6 days away.",
            ]
        )


# ---------------------------------------------------------------------------
# Which cases are watched


def test_watch_covers_unplaced_offered_and_unfiled_placed_cases_not_the_rest(staff):
    today = timezone.localdate()
    seeking, _ = seeking_case(staff, days=5)
    intake, _ = seeking_case(staff, days=6, status="intake")
    offered = CaseOfferFactory(case__created_by=staff, offered_by=staff).case
    CaseDateFactory(case=offered, kind=CaseDateKind.MERITS_HEARING, date=today + 7 * DAY)
    placed = PlacementFactory(case__created_by=staff).case
    CaseDateFactory(case=placed, kind=CaseDateKind.U_VISA_CERT_EXPIRY, date=today + 8 * DAY)
    filed = PlacementFactory(case__created_by=staff).case
    filed_date = CaseDateFactory(case=filed, kind=CaseDateKind.FILING_DEADLINE, date=today + 4 * DAY)
    case_date_mark_filed(case_date=filed_date, by=staff)
    closed, _ = seeking_case(staff, days=3, status="closed")
    soft, _ = seeking_case(staff, days=3, kind=CaseDateKind.HEARING)  # not a hard date
    far, _ = seeking_case(staff, days=61)  # outside the urgent window (60 days)
    long_past, _ = seeking_case(staff, days=-31)
    from mentorship.selectors.deadlines import deadline_watch_rows

    rows = deadline_watch_rows()
    assert [(r.reference, r.days_left, r.status) for r in rows] == [
        (seeking.reference, 5, "seeking"),
        (intake.reference, 6, "intake"),
        (offered.reference, 7, "offered"),
        (placed.reference, 8, "placed"),
    ]
    assert deadline_watch_send_task() == 1
    assert "4 hard dates" in mail.outbox[0].subject
    for case in (filed, closed, soft, far, long_past):
        assert case.reference not in {r.reference for r in rows}


def test_the_urgent_window_is_matchings_setting(staff):
    from mentorship.selectors.deadlines import deadline_watch_rows

    case, _ = seeking_case(staff, days=20)
    MatchingSettings.objects.update_or_create(pk=1, defaults={"urgent_within_days": 21})
    assert [r.reference for r in deadline_watch_rows()] == [case.reference]
    MatchingSettings.objects.filter(pk=1).update(urgent_within_days=19, deadline_watch_days=[14, 7])
    assert deadline_watch_rows() == []
    assert deadline_watch_send_task() == 0


# ---------------------------------------------------------------------------
# The dashboard and the watch page


def test_staff_dashboard_lists_the_case_with_kind_days_left_status_and_link(staff, client_for):
    case, _ = seeking_case(staff, days=3)
    overdue, _ = seeking_case(staff, days=-2, kind=CaseDateKind.FILING_DEADLINE)
    later, _ = seeking_case(staff, days=45, kind=CaseDateKind.MERITS_HEARING)
    client = client_for(staff)
    for route in ("staff:dashboard", "staff:deadline_watch"):
        page = client.get(reverse(route)).content.decode()
        start = page.index('id="deadline-watch"')
        watch = page[start : page.index("</section>", start)]
        assert watch.index(overdue.reference) < watch.index(case.reference) < watch.index(later.reference)
        assert "One-year asylum filing deadline" in watch and "Merits hearing" in watch
        assert "overdue by 2 days" in watch
        assert "Seeking an attorney" in watch
        assert reverse("staff:case_detail", kwargs={"pk": case.pk}) in watch
    assert AuditEvent.objects.filter(actor=staff, object_type="mentorship.deadline_watch").count() == 1
    summary = client.get(reverse("dashboard")).content.decode()
    assert reverse("staff:deadline_watch") in summary


def test_deadline_watch_page_is_for_staff_only(world, client_for):
    for who in ("placed_attorney", "mentor", "offered_attorney"):
        assert client_for(world[who]).get(reverse("staff:deadline_watch")).status_code == 404


# ---------------------------------------------------------------------------
# The filed mark


@pytest.fixture
def placed(world):
    """The placed case of ``world`` with an unfiled filing deadline 3 days away."""
    case_date = CaseDateFactory(
        case=world["placed_case"], kind=CaseDateKind.FILING_DEADLINE, date=timezone.localdate() + 3 * DAY
    )
    return {**world, "case_date": case_date}


def _filed_url(namespace: str, case_date, *, unfiled: bool = False) -> str:
    name = f"{namespace}:case_date_{'unfiled' if unfiled else 'filed'}"
    return reverse(name, kwargs={"pk": case_date.case_id, "date_pk": case_date.pk})


def test_placed_attorney_marks_filed_which_closes_the_watch_and_stops_emails(placed, client_for):
    from mentorship.selectors.deadlines import deadline_watch_rows

    staff, attorney, case_date = placed["staff"], placed["placed_attorney"], placed["case_date"]
    today = timezone.localdate()
    with at(today - 4 * DAY):  # 7 days before
        assert deadline_watch_send_task() == staff_count()
    assert [r.status_label for r in deadline_watch_rows()] == ["Placed, filing not confirmed"]
    client = client_for(attorney)
    page = client.get(reverse("mentorship:case_detail", kwargs={"pk": case_date.case_id})).content.decode()
    assert _filed_url("mentorship", case_date) in page and "not marked filed" in page
    response = client.post(_filed_url("mentorship", case_date))
    assert response.status_code == 302
    assert response["Location"] == reverse("mentorship:case_detail", kwargs={"pk": case_date.case_id})
    case_date.refresh_from_db()
    assert case_date.filed_at is not None and case_date.filed_by == attorney
    assert AuditEvent.objects.filter(actor=attorney, detail="date marked filed").count() == 1
    assert deadline_watch_rows() == []
    page = client_for(staff).get(reverse("staff:dashboard")).content.decode()
    assert "No hard date needs watching." in page
    assert deadline_watch_send_task() == 0
    with at(today + 2 * DAY):
        assert deadline_watch_send_task() == 0
    assert len(watch_mail()) == staff_count()


def test_removing_the_mark_watches_the_date_again_without_resending(placed, client_for):
    from mentorship.selectors.deadlines import deadline_watch_rows

    staff, case_date = placed["staff"], placed["case_date"]
    assert deadline_watch_send_task() == staff_count()
    client = client_for(staff)
    assert client.post(_filed_url("staff", case_date)).status_code == 302
    assert deadline_watch_rows() == []
    response = client.post(_filed_url("staff", case_date, unfiled=True))
    assert response["Location"] == reverse("staff:case_detail", kwargs={"pk": case_date.case_id})
    case_date.refresh_from_db()
    assert case_date.filed_at is None and case_date.filed_by is None
    assert AuditEvent.objects.filter(actor=staff, detail="date filed mark removed").count() == 1
    assert len(deadline_watch_rows()) == 1
    assert deadline_watch_send_task() == 0  # the 3-day email went out already


def test_staff_mark_filed_from_the_watch_list_returns_to_it(placed, client_for):
    response = client_for(placed["staff"]).post(_filed_url("staff", placed["case_date"]), {"back": "watch"})
    assert response["Location"] == reverse("staff:deadline_watch")


def test_mentor_sees_the_mark_but_cannot_change_it(placed, client_for):
    mentor, case_date = placed["mentor"], placed["case_date"]
    client = client_for(mentor)
    page = client.get(reverse("mentorship:case_detail", kwargs={"pk": case_date.case_id})).content.decode()
    assert "not marked filed" in page and _filed_url("mentorship", case_date) not in page
    assert client.post(_filed_url("mentorship", case_date)).status_code == 404
    case_date.refresh_from_db()
    assert case_date.filed_at is None
    assert AuditEvent.objects.filter(actor=mentor, action=AuditEvent.Action.DENIED).exists()


def test_only_hard_dates_take_the_mark(placed, client_for):
    hearing = CaseDateFactory(case=placed["placed_case"], kind=CaseDateKind.HEARING)
    response = client_for(placed["placed_attorney"]).post(_filed_url("mentorship", hearing), follow=True)
    assert "Only hard dates" in response.content.decode()
    hearing.refresh_from_db()
    assert hearing.filed_at is None


def test_a_date_of_another_case_is_404(placed, client_for):
    other = CaseDateFactory(case=placed["other_case"], kind=CaseDateKind.FILING_DEADLINE)
    url = reverse("mentorship:case_date_filed", kwargs={"pk": placed["placed_case"].pk, "date_pk": other.pk})
    assert client_for(placed["placed_attorney"]).post(url).status_code == 404


def test_placing_a_seeking_case_with_the_date_filed_stops_the_emails(staff):
    today = timezone.localdate()
    case, case_date = seeking_case(staff, days=10)
    with at(today):
        assert deadline_watch_send_task() == 1  # 14 days
    case.status = "placed"
    case.save()
    PlacementFactory(case=case)
    with at(today + 3 * DAY):  # placed, not filed: still watched
        assert deadline_watch_send_task() == 1  # 7 days
    case_date_mark_filed(case_date=case_date, by=staff)
    with at(today + 7 * DAY):
        assert deadline_watch_send_task() == 0
    with at(today + 9 * DAY):
        assert deadline_watch_send_task() == 0
    assert len(mail.outbox) == 2


def test_attorney_and_mentor_reminders_are_unchanged_beside_the_watch(placed):
    """The placed attorney and mentor still get their own 7- and 1-day reminders; staff get the watch."""
    CheckInFactory(mentorship=placed["mentorship"], occurred_on=timezone.localdate())
    today = timezone.localdate()
    with at(today - 4 * DAY):  # 7 days before
        CheckInFactory(mentorship=placed["mentorship"], occurred_on=timezone.localdate())
        assert reminders_send_task() == 2
        assert deadline_watch_send_task() == staff_count() >= 1
    from mentorship.services.reminders import staff_users

    reminded = sorted(address for m in mail.outbox if "Deadline watch" not in m.subject for address in m.to)
    assert reminded == sorted([placed["placed_attorney"].email, placed["mentor"].email])
    assert sorted(address for m in watch_mail() for address in m.to) == sorted(u.email for u in staff_users())
    assert ReminderSent.objects.filter(kind="case_date").count() == 2


def test_due_threshold_is_the_nearest_crossed():
    thresholds = [30, 14, 7, 3, 1]
    assert due_threshold(days_left=31, thresholds=thresholds) is None
    assert due_threshold(days_left=30, thresholds=thresholds) == 30
    assert due_threshold(days_left=8, thresholds=thresholds) == 14
    assert due_threshold(days_left=2, thresholds=thresholds) == 3
    assert due_threshold(days_left=0, thresholds=thresholds) == 1
    assert due_threshold(days_left=-9, thresholds=thresholds) == 1


def test_the_send_service_takes_a_day(staff):
    seeking_case(staff, days=20)
    today = timezone.localdate()
    assert deadline_watch_send(today=today) == 1
    assert deadline_watch_send(today=today + 6 * DAY) == 1
    assert deadline_watch_send(today=today + 6 * DAY) == 0


# ---------------------------------------------------------------------------
# Who may use each route (read by test_authorization)


def _hard_date(w) -> dict:
    case_date = CaseDateFactory(case=w["placed_case"], kind=CaseDateKind.FILING_DEADLINE)
    return {"pk": case_date.case_id, "date_pk": case_date.pk}


AUTHZ_MATRIX = {
    "staff:deadline_watch": [("get", None, staff_only())],
    "staff:case_date_filed": [("post", _hard_date, staff_only(302))],
    "staff:case_date_unfiled": [("post", _hard_date, staff_only(302))],
    "mentorship:case_date_filed": [("post", _hard_date, expect(("placed_attorney", "staff"), 302))],
    "mentorship:case_date_unfiled": [("post", _hard_date, expect(("placed_attorney", "staff"), 302))],
}
