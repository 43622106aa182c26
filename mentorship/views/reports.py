"""Aggregate CSV exports for staff: a fixed list of reports, small cells suppressed, each audited."""

from __future__ import annotations

import csv

from allauth.account.decorators import reauthentication_required
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import policy
from ..selectors.reports import outcome_report_rows, report_rows


def _safe_cell(value) -> str:
    # A cell starting with =, +, - or @ would run as a formula in a spreadsheet.
    text = str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


@login_required
@require_GET
@policy.staff_required
@reauthentication_required
def report_csv(request: HttpRequest, kind: str) -> HttpResponse:
    report = report_rows(kind=kind)
    if report is None:
        raise Http404
    header, rows = report
    policy.audit_export(request, object_type=f"mentorship.report.{kind}", count=len(rows))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{kind}-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow([_safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([_safe_cell(cell) for cell in row])
    return response


@login_required
@require_GET
@policy.staff_required
def outcomes_report(request: HttpRequest) -> HttpResponse:
    """Outcomes by relief type, court and year, as exported: aggregate, small cells suppressed."""
    header, rows = outcome_report_rows()
    return render(request, "mentorship/staff/outcomes_report.html", {"header": header, "rows": rows})
