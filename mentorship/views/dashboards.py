"""The staff dashboard: the deadline watch, cases waiting, capacity by language (server-side SVG), check-ins, hours."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent
from home.charts import Series, bar_chart, column_chart, last_months

from .. import policy
from ..models import Mentorship, MentorshipStatus
from ..selectors.checkins import ON_TRACK, mentorship_rows
from ..selectors.deadlines import OVERDUE_SHOWN_DAYS, deadline_watch_rows
from ..selectors.hours import hours_by_attorney, hours_by_month
from ..selectors.reports import (
    EXPORTS,
    capacity_by_language,
    capacity_chart,
    placements_by_month,
    staff_overview,
    waiting_by_relief_and_language,
)


@login_required
def staff_dashboard(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    today = timezone.localdate()
    capacity = capacity_by_language(today=today)
    rows = mentorship_rows(queryset=Mentorship.objects.filter(status=MentorshipStatus.ACTIVE), today=today)
    needing = [row for row in rows if row.health.status != ON_TRACK]
    waiting = waiting_by_relief_and_language()
    watch = deadline_watch_rows(today=today)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type="mentorship.staff_dashboard",
        request=request,
        detail=f"waiting_groups={len(waiting)} mentorships={len(needing)} deadlines={len(watch)}",
    )
    context = {
        "watch": watch,
        "overdue_shown_days": OVERDUE_SHOWN_DAYS,
        "overview": staff_overview(today=today),
        "waiting": waiting,
        "capacity": capacity,
        "chart": capacity_chart(capacity),
        "waiting_chart": bar_chart(
            [(f"{group.relief_label} · {group.language_label}", [group.cases]) for group in waiting],
            series=[Series(_("cases waiting"), "chart-bar--waiting")],
        ),
        "placements_chart": column_chart(
            [(date_format(month, "M y"), n) for month, n in placements_by_month(months=last_months(today))],
            css="chart-bar--capacity",
        ),
        "needing": needing,
        "months": hours_by_month(start=today.replace(day=1, year=today.year - 1)),
        "attorney_hours": hours_by_attorney(start=today.replace(month=1, day=1), end=today),
        "exports": list(EXPORTS),
    }
    return render(request, "mentorship/dashboards/staff.html", context)
