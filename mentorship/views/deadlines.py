"""The deadline watch page for program staff, and the "filed" mark on a hard date.

Staff and the attorney placed on the case may mark a hard date filed or take the mark back;
a mentor sees the mark and cannot change it; anyone else gets the audited 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..models import CaseDate
from ..selectors.deadlines import OVERDUE_SHOWN_DAYS, deadline_watch_rows
from ..services.cases import CaseError
from ..services.deadlines import case_date_mark_filed, case_date_unmark_filed


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


def _set_filed(request: HttpRequest, pk: int, date_pk: int, *, filed: bool) -> HttpResponse:
    in_staff_area = request.resolver_match.namespace == "staff"
    if in_staff_area:
        policy.require_staff(request)
    case, _level = policy.case_for_request(request, pk, minimum=policy.MENTOR, audit=False)
    if not policy.can_mark_filed(request.user, case):
        raise policy.deny(request, object_type="mentorship.casedate", object_id=date_pk)
    case_date = CaseDate.objects.filter(pk=date_pk, case=case).first()
    if case_date is None:
        raise policy.deny(request, object_type="mentorship.casedate", object_id=date_pk)
    try:
        if filed:
            case_date_mark_filed(case_date=case_date, by=request.user)
        else:
            case_date_unmark_filed(case_date=case_date, by=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Marked filed.") if filed else _("The filed mark is removed."))
    if in_staff_area:
        if request.POST.get("back") == "watch":
            return redirect("staff:deadline_watch")
        return redirect("staff:case_detail", pk=case.pk)
    return redirect("mentorship:case_detail", pk=case.pk)


@login_required
@require_POST
def case_date_filed(request: HttpRequest, pk: int, date_pk: int) -> HttpResponse:
    return _set_filed(request, pk, date_pk, filed=True)


@login_required
@require_POST
def case_date_unfiled(request: HttpRequest, pk: int, date_pk: int) -> HttpResponse:
    return _set_filed(request, pk, date_pk, filed=False)
