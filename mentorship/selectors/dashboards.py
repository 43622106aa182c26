"""The mentorship parts of the signed-in dashboard, by role.

``dashboard_sections_for`` is called by ``/dashboard/`` (``home.dashboard``) and returns
``(template_name, context)`` pairs. Sections that show case references are given only to
people who have passed the MFA enrolment their role requires, and each listing of case data
is audited once (S23).
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditEvent
from accounts.services import user_needs_mfa_enrolment
from home.charts import last_weeks, rhythm_chart

from .. import policy
from ..models import CaseDate, CaseOffer, CheckIn, Mentorship, MentorshipStatus, OfferStatus, Placement
from .checkins import NEEDS_ATTENTION, NEEDS_CHECKIN, mentorship_rows
from .deadlines import deadline_watch_rows
from .hours import pro_bono_hours_for
from .messages import unread_conversations_for
from .reports import staff_overview


def attorney_dashboard(*, user, today: datetime.date | None = None) -> dict:
    """My offers, my cases with their next dates, my mentor and the check-in due, my hours."""
    today = today or timezone.localdate()
    offers = list(
        CaseOffer.objects.filter(attorney=user, status=OfferStatus.PENDING, expires_at__gt=timezone.now())
        .select_related("case")
        .order_by("expires_at")
    )
    placements = list(
        Placement.objects.filter(attorney=user, closed_at__isnull=True)
        .select_related("case")
        .prefetch_related(
            Prefetch(
                "case__dates", queryset=CaseDate.objects.filter(date__gte=today).order_by("date"), to_attr="upcoming"
            )
        )
    )
    cases = [
        {
            "placement": p,
            "case": p.case,
            "next_date": p.case.upcoming[0] if p.case.upcoming else None,
            "days_left": (p.case.upcoming[0].date - today).days if p.case.upcoming else None,
        }
        for p in placements
    ]
    mentoring = mentorship_rows(queryset=policy.mentorships_of_mentee(user), today=today, include_rating=False)
    return {
        "offers": offers,
        "cases": cases,
        # Hours stay listed after a placement ends: the dashboard must not then say "not placed yet".
        "placed_before": not cases and Placement.objects.filter(attorney=user).exists(),
        "mentoring": mentoring,
        "hours_year": pro_bono_hours_for(user=user, start=today.replace(month=1, day=1), end=today),
        "today": today,
    }


def mentor_dashboard(*, user, today: datetime.date | None = None) -> dict:
    """Mentees with last and next check-in, overdue and attention flags, worst first, and the
    rhythm of check-ins over the last twelve weeks."""
    rows = mentorship_rows(queryset=policy.mentorships_mentored_by(user), today=today, include_rating=False)
    weeks = last_weeks(today or timezone.localdate())
    days: dict[int, list[datetime.date]] = {row.mentorship.pk: [] for row in rows}
    for mentorship_id, occurred_on in CheckIn.objects.filter(
        mentorship_id__in=days, occurred_on__gte=weeks[0]
    ).values_list("mentorship_id", "occurred_on"):
        days[mentorship_id].append(occurred_on)
    rhythm = rhythm_chart(
        [(row.mentorship.mentee.get_full_name(), days[row.mentorship.pk]) for row in rows], weeks=weeks
    )
    return {
        "rows": rows,
        "rhythm": rhythm,
        "attention": sum(1 for r in rows if r.health.status == NEEDS_ATTENTION),
        "overdue": sum(1 for r in rows if r.health.status == NEEDS_CHECKIN),
    }


def staff_dashboard_summary(*, today: datetime.date | None = None) -> dict:
    rows = mentorship_rows(queryset=Mentorship.objects.filter(status=MentorshipStatus.ACTIVE), today=today)
    overview = staff_overview(today=today)
    overview["attention"] = sum(1 for r in rows if r.health.status == NEEDS_ATTENTION)
    overview["overdue"] = sum(1 for r in rows if r.health.status == NEEDS_CHECKIN)
    overview["deadlines"] = len(deadline_watch_rows(today=today))
    return overview


def dashboard_sections_for(*, request) -> list[tuple[str, dict]]:
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return []
    mfa_ok = not user_needs_mfa_enrolment(user=user)
    sections: list[tuple[str, dict]] = []
    if policy.is_attorney(user) or mfa_ok:
        unread = unread_conversations_for(user=user)
        if unread:
            sections.append(("mentorship/dashboards/_messages.html", {"unread": unread}))
    if policy.is_attorney(user):
        context = attorney_dashboard(user=user)
        if context["cases"] or context["offers"] or context["mentoring"]:
            audit_record(
                actor=user,
                action=AuditEvent.Action.READ,
                object_type="mentorship.dashboard",
                object_id="attorney",
                request=request,
                detail=f"cases={len(context['cases'])} offers={len(context['offers'])}",
            )
        sections.append(("mentorship/dashboards/_attorney.html", context))
    if policy.is_mentor(user) and mfa_ok:
        context = mentor_dashboard(user=user)
        if context["rows"]:
            audit_record(
                actor=user,
                action=AuditEvent.Action.READ,
                object_type="mentorship.dashboard",
                object_id="mentor",
                request=request,
                detail=f"mentorships={len(context['rows'])}",
            )
        sections.append(("mentorship/dashboards/_mentor.html", context))
    if policy.is_staff(user) and mfa_ok:
        sections.append(("mentorship/dashboards/_staff.html", staff_dashboard_summary()))
    return sections
