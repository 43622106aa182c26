"""Health labels: a pure function over plain data (no database)."""

import datetime

from mentorship.selectors.checkins import (
    NEEDS_ATTENTION,
    NEEDS_CHECKIN,
    ON_TRACK,
    HealthInput,
    health_compute,
    next_checkin_due,
)

TODAY = datetime.date(2026, 11, 23)


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def test_new_pairing_within_kickoff_week_is_on_track():
    health = health_compute(HealthInput(started_on=TODAY - days(5), cadence_days=30), today=TODAY)
    assert health.status == ON_TRACK
    assert health.next_due == TODAY + days(2)


def test_no_kickoff_within_seven_days_of_placement_needs_checkin():
    health = health_compute(HealthInput(started_on=TODAY - days(8), cadence_days=30), today=TODAY)
    assert health.status == NEEDS_CHECKIN
    assert "overdue" in health.reasons
    assert health.next_due == TODAY - days(1)


def test_checkin_within_cadence_is_on_track_and_past_cadence_needs_checkin():
    started = TODAY - days(100)
    fresh = HealthInput(started_on=started, cadence_days=30, last_checkin_on=TODAY - days(29))
    stale = HealthInput(started_on=started, cadence_days=30, last_checkin_on=TODAY - days(31))
    assert health_compute(fresh, today=TODAY).status == ON_TRACK
    assert health_compute(stale, today=TODAY).status == NEEDS_CHECKIN


def test_detained_docket_is_weekly_whatever_the_cadence():
    data = HealthInput(started_on=TODAY - days(60), cadence_days=30, detained=True, last_checkin_on=TODAY - days(8))
    health = health_compute(data, today=TODAY)
    assert health.status == NEEDS_CHECKIN
    assert health.next_due == TODAY - days(1)


def test_flag_raised_needs_attention_even_when_checkins_are_current():
    data = HealthInput(started_on=TODAY - days(60), cadence_days=30, last_checkin_on=TODAY, latest_flagged=True)
    health = health_compute(data, today=TODAY)
    assert health.status == NEEDS_ATTENTION
    assert health.reasons == ("flag",)


def test_pairing_rating_of_two_or_less_needs_attention_three_does_not():
    base = {"started_on": TODAY - days(60), "cadence_days": 30, "last_checkin_on": TODAY - days(1)}
    assert health_compute(HealthInput(**base, latest_rating=2), today=TODAY).status == NEEDS_ATTENTION
    assert health_compute(HealthInput(**base, latest_rating=1), today=TODAY).status == NEEDS_ATTENTION
    assert health_compute(HealthInput(**base, latest_rating=3), today=TODAY).status == ON_TRACK


def test_case_date_within_14_days_without_recent_checkin_needs_attention():
    hearing = (TODAY + days(10),)
    stale = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(20), other_dates=hearing
    )
    recent = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(3), other_dates=hearing
    )
    far = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(20), other_dates=(TODAY + days(15),)
    )
    assert health_compute(stale, today=TODAY).status == NEEDS_ATTENTION
    assert "date_near" in health_compute(stale, today=TODAY).reasons
    assert health_compute(recent, today=TODAY).status == ON_TRACK
    assert health_compute(far, today=TODAY).status == ON_TRACK


def test_past_case_dates_do_not_raise_attention():
    data = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(20), other_dates=(TODAY - days(2),)
    )
    assert health_compute(data, today=TODAY).status == ON_TRACK


def test_extra_checkin_is_due_thirty_days_before_a_merits_hearing():
    # Last check-in 10 days ago (monthly cadence would next be due in 20 days), hearing in 25 days:
    # the 30-day milestone passed 5 days ago with no check-in since, so one is overdue.
    data = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(10), hard_dates=(TODAY + days(25),)
    )
    assert next_checkin_due(data, today=TODAY) == TODAY - days(5)
    assert health_compute(data, today=TODAY).status == NEEDS_CHECKIN


def test_milestone_already_covered_by_a_later_checkin_is_not_due_again():
    data = HealthInput(
        started_on=TODAY - days(90), cadence_days=30, last_checkin_on=TODAY - days(2), hard_dates=(TODAY + days(25),)
    )
    # Next milestone: 14 days before the hearing.
    assert next_checkin_due(data, today=TODAY) == TODAY + days(11)
    assert health_compute(data, today=TODAY).status == ON_TRACK


def test_attention_outranks_overdue_and_keeps_both_reasons():
    data = HealthInput(started_on=TODAY - days(60), cadence_days=7, last_checkin_on=TODAY - days(30), latest_rating=1)
    health = health_compute(data, today=TODAY)
    assert health.status == NEEDS_ATTENTION
    assert set(health.reasons) == {"poor_rating", "overdue"}
