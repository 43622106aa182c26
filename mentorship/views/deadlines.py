"""The deadline watch page for program staff."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..selectors.deadlines import OVERDUE_SHOWN_DAYS, deadline_watch_rows


@login_required
def deadline_watch(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    rows = deadline_watch_rows()
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type="mentorship.deadline_watch",
        request=request,
        detail=f"rows={len(rows)}",
    )
    return render(
        request, "mentorship/staff/deadline_watch.html", {"watch": rows, "overdue_shown_days": OVERDUE_SHOWN_DAYS}
    )
