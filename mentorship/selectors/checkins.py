"""Reading check-ins and mentoring plans, and the health of a mentorship.

Health is a pure function (``health_compute``) over plain data, so its rules are tested on
hand-built inputs; ``mentorship_health`` gathers that data from the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import policy
from ..models import CaseDate, CaseDateKind, CheckIn, MentoringGoal, Mentorship, MentorshipStatus

KICKOFF_DAYS = 7
DETAINED_CADENCE_DAYS = 7
# Extra check-ins before a filing deadline or merits hearing (design: 60/30/14 days).
PRE_DEADLINE_DAYS = (60, 30, 14)
NEAR_DATE_DAYS = 14
RECENT_CHECKIN_DAYS = 14
POOR_RATING = 2

ON_TRACK = "on_track"
NEEDS_CHECKIN = "needs_checkin"
NEEDS_ATTENTION = "needs_attention"

HEALTH_LABELS = {
    ON_TRACK: _("On track"),
    NEEDS_CHECKIN: _("Needs check-in"),
    NEEDS_ATTENTION: _("Needs attention"),
}
HEALTH_BADGES = {ON_TRACK: "badge--ok", NEEDS_CHECKIN: "badge--warn", NEEDS_ATTENTION: "badge--danger"}


@dataclass(frozen=True)
class HealthInput:
    """Everything health depends on, as plain values."""

    started_on: datetime.date
    cadence_days: int
    detained: bool = False
    last_checkin_on: datetime.date | None = None
    latest_flagged: bool = False
    latest_rating: int | None = None
    # Hard dates (filing deadlines, merits hearings...) and all other case dates, upcoming or not.
    hard_dates: tuple[datetime.date, ...] = ()
    other_dates: tuple[datetime.date, ...] = ()
    overdue_goals: int = 0


@dataclass(frozen=True)
class Health:
    status: str
    next_due: datetime.date
    reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return str(HEALTH_LABELS[self.status])

    @property
    def badge(self) -> str:
        return HEALTH_BADGES[self.status]

    @property
    def is_overdue(self) -> bool:
        return "overdue" in self.reasons


def effective_cadence(*, cadence_days: int, detained: bool) -> int:
    cadence = max(1, cadence_days)
    return min(cadence, DETAINED_CADENCE_DAYS) if detained else cadence


def next_checkin_due(data: HealthInput, *, today: datetime.date) -> datetime.date:
    """When the next check-in is due: kick-off, then cadence, pulled earlier before hard dates."""
    if data.last_checkin_on is None:
        due = data.started_on + datetime.timedelta(days=KICKOFF_DAYS)
    else:
        cadence = effective_cadence(cadence_days=data.cadence_days, detained=data.detained)
        due = data.last_checkin_on + datetime.timedelta(days=cadence)
    # A milestone 60/30/14 days before a hard date asks for a check-in after it.
    after = data.last_checkin_on or data.started_on
    for hard in data.hard_dates:
        if hard < today:
            continue
        for days in PRE_DEADLINE_DAYS:
            milestone = hard - datetime.timedelta(days=days)
            if milestone > after:
                due = min(due, milestone)
    return due


def health_compute(data: HealthInput, *, today: datetime.date) -> Health:
    """On track / needs check-in / needs attention, with the reasons (machine words)."""
    due = next_checkin_due(data, today=today)
    attention: list[str] = []
    if data.latest_flagged:
        attention.append("flag")
    if data.latest_rating is not None and data.latest_rating <= POOR_RATING:
        attention.append("poor_rating")
    horizon = today + datetime.timedelta(days=NEAR_DATE_DAYS)
    near = any(today <= d <= horizon for d in (*data.hard_dates, *data.other_dates))
    recent = data.last_checkin_on is not None and data.last_checkin_on >= today - datetime.timedelta(
        days=RECENT_CHECKIN_DAYS
    )
    if near and not recent:
        attention.append("date_near")
    checkin: list[str] = ["overdue"] if due < today else []
    if data.overdue_goals:
        checkin.append("goal_overdue")
    if attention:
        return Health(NEEDS_ATTENTION, due, tuple(attention + checkin))
    if "overdue" in checkin:
        return Health(NEEDS_CHECKIN, due, tuple(checkin))
    return Health(ON_TRACK, due, tuple(checkin))


REASON_TEXT = {
    "flag": _("A check-in asked for staff attention."),
    "poor_rating": _("The pairing was rated as not working well."),
    "date_near": _("A case date is within 14 days and there was no check-in in the last 14 days."),
    "overdue": _("A check-in is overdue."),
    "goal_overdue": _("A goal in the mentoring plan is past its due date."),
}


def reason_texts(health: Health) -> list[str]:
    return [str(REASON_TEXT[r]) for r in health.reasons]


# ---------------------------------------------------------------------------
# From the database


def mentorships_with_health_data(queryset: QuerySet[Mentorship]) -> QuerySet[Mentorship]:
    """The queryset with what ``mentorship_health`` reads, fetched in a fixed number of queries.

    Of the check-ins, health reads only the latest one's date and flag and the latest rating:
    those are read in SQL per pairing, never every check-in (30,000 of them at program scale,
    each with encrypted notes)."""
    latest = CheckIn.objects.filter(mentorship=OuterRef("pk")).order_by("-occurred_on", "-id")
    return (
        queryset.select_related("case", "placement", "mentor", "mentee")
        # Nor the case's encrypted fields: a list of pairings shows none of them.
        .defer("case__confidential_notes", "case__adverse_parties")
        .annotate(
            last_checkin_on=Subquery(latest.values("occurred_on")[:1]),
            last_checkin_flagged=Subquery(latest.values("needs_staff_attention")[:1]),
            last_rating=Subquery(latest.filter(pairing_rating__isnull=False).values("pairing_rating")[:1]),
        )
        .prefetch_related(
            Prefetch("case__dates", queryset=CaseDate.objects.order_by("date", "id"), to_attr="ordered_dates"),
            Prefetch("goals", queryset=MentoringGoal.objects.filter(done=False), to_attr="open_goals"),
        )
    )


@dataclass(frozen=True)
class LatestCheckins:
    occurred_on: datetime.date | None
    flagged: bool
    rating: int | None


def _latest_checkins(mentorship: Mentorship) -> LatestCheckins:
    if hasattr(mentorship, "last_checkin_on"):
        return LatestCheckins(mentorship.last_checkin_on, bool(mentorship.last_checkin_flagged), mentorship.last_rating)
    checkins = mentorship.checkins.order_by("-occurred_on", "-id")
    latest = checkins.only("occurred_on", "needs_staff_attention").first()
    rated = checkins.filter(pairing_rating__isnull=False).only("pairing_rating").first()
    return LatestCheckins(
        latest.occurred_on if latest else None,
        bool(latest and latest.needs_staff_attention),
        rated.pairing_rating if rated else None,
    )


def health_input_for(mentorship: Mentorship, *, today: datetime.date, include_rating: bool = True) -> HealthInput:
    latest = _latest_checkins(mentorship)
    case = mentorship.case
    dates: list[CaseDate] = []
    if case is not None:
        dates = getattr(case, "ordered_dates", None)
        if dates is None:
            dates = list(case.dates.order_by("date", "id"))
    goals = getattr(mentorship, "open_goals", None)
    if goals is None:
        goals = list(mentorship.goals.filter(done=False))
    started = mentorship.placement.placed_at if mentorship.placement_id else mentorship.started_at
    started = max(started, mentorship.started_at)
    return HealthInput(
        started_on=timezone.localtime(started).date(),
        cadence_days=mentorship.cadence_days,
        detained=bool(case and case.detained),
        last_checkin_on=latest.occurred_on,
        latest_flagged=latest.flagged,
        latest_rating=latest.rating if include_rating else None,
        hard_dates=tuple(d.date for d in dates if d.is_hard),
        other_dates=tuple(d.date for d in dates if not d.is_hard),
        overdue_goals=sum(1 for g in goals if g.due_on and g.due_on < today),
    )


def mentorship_health(
    *, mentorship: Mentorship, today: datetime.date | None = None, include_rating: bool = True
) -> Health:
    """The mentorship's health. ``include_rating=False`` for the pair themselves: the pairing
    rating is a private answer to program staff, so it must not show through the label."""
    today = today or timezone.localdate()
    return health_compute(health_input_for(mentorship, today=today, include_rating=include_rating), today=today)


@dataclass
class MentorshipRow:
    mentorship: Mentorship
    health: Health
    last_checkin_on: datetime.date | None


def mentorship_rows(
    *, queryset: QuerySet[Mentorship], today: datetime.date | None = None, include_rating: bool = True
) -> list[MentorshipRow]:
    """Active mentorships with their health, worst first, then by next due date."""
    today = today or timezone.localdate()
    order = {NEEDS_ATTENTION: 0, NEEDS_CHECKIN: 1, ON_TRACK: 2}
    rows = []
    for mentorship in mentorships_with_health_data(queryset.filter(status=MentorshipStatus.ACTIVE)):
        health = mentorship_health(mentorship=mentorship, today=today, include_rating=include_rating)
        rows.append(MentorshipRow(mentorship, health, mentorship.last_checkin_on))
    rows.sort(key=lambda r: (order[r.health.status], r.health.next_due, r.mentorship.pk))
    return rows


def checkins_for_mentorship(*, mentorship: Mentorship) -> QuerySet[CheckIn]:
    return mentorship.checkins.select_related("logged_by").order_by("-occurred_on", "-id")


def goals_for_mentorship(*, mentorship: Mentorship) -> QuerySet[MentoringGoal]:
    return mentorship.goals.order_by("done", "due_on", "id")


# ---------------------------------------------------------------------------
# The private calendar feed's events


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: datetime.date
    kind_label: str
    reference: str

    @property
    def summary(self) -> str:
        # A label and the opaque case reference: nothing about the client.
        return f"{self.kind_label} — {self.reference}"


def case_date_label(kind: str) -> str:
    return str(CaseDateKind(kind).label)


def calendar_events_for(
    *, user, today: datetime.date | None = None, show_date_kinds: bool = False
) -> list[CalendarEvent]:
    """Hearings and deadlines of the cases the user works on now, and their check-ins due.

    ``mentorship.policy`` says which: a former mentor's feed drops the pairing and its case.
    Dates are "Case date" unless ``show_date_kinds``: a kind such as "One-year asylum filing
    deadline" or "U visa certification expiry" tells whoever sees the calendar what the client seeks."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=90)
    events: list[CalendarEvent] = []
    dates = CaseDate.objects.filter(case__in=policy.cases_worked_on_by(user), date__gte=since).select_related("case")
    for case_date in dates:
        label = case_date_label(case_date.kind) if show_date_kinds else str(_("Case date"))
        events.append(CalendarEvent(f"casedate-{case_date.pk}", case_date.date, label, case_date.case.reference))
    for mentorship in mentorships_with_health_data(policy.mentorships_current_for(user)):
        health = mentorship_health(mentorship=mentorship, today=today)
        reference = mentorship.case.reference if mentorship.case_id else f"#{mentorship.pk}"
        events.append(
            CalendarEvent(
                f"checkin-{mentorship.pk}-{health.next_due.isoformat()}",
                health.next_due,
                str(_("Mentoring check-in due")),
                reference,
            )
        )
    events.sort(key=lambda e: (e.day, e.uid))
    return events
