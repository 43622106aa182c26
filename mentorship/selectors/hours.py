"""Pro bono hours, read for transcripts, the attorney's list and staff totals."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth

from mentorship.models import HoursEntry


def pro_bono_hours_for(*, user, start: datetime.date | None = None, end: datetime.date | None = None) -> Decimal:
    """Total pro bono hours the user logged on cases, between two dates inclusive."""
    entries = HoursEntry.objects.filter(attorney=user)
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    if end is not None:
        entries = entries.filter(worked_on__lte=end)
    total = entries.aggregate(total=Sum("hours"))["total"]
    return total if total is not None else Decimal("0.00")


def hours_entries_for(*, user, case=None) -> QuerySet[HoursEntry]:
    entries = HoursEntry.objects.filter(attorney=user).select_related("case")
    if case is not None:
        entries = entries.filter(case=case)
    return entries.order_by("-worked_on", "-id")


def hours_totals(*, start: datetime.date | None = None, end: datetime.date | None = None) -> dict:
    """Program-wide totals for staff: hours, entries, attorneys and cases."""
    entries = HoursEntry.objects.all()
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    if end is not None:
        entries = entries.filter(worked_on__lte=end)
    totals = entries.aggregate(
        hours=Sum("hours"),
        entries=Count("id"),
        attorneys=Count("attorney", distinct=True),
        cases=Count("case", distinct=True),
    )
    totals["hours"] = totals["hours"] or Decimal("0.00")
    return totals


def hours_by_month(*, start: datetime.date | None = None) -> list[dict]:
    """Per month: hours, number of attorneys and of cases (aggregates only)."""
    entries = HoursEntry.objects.all()
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    return list(
        entries.annotate(month=TruncMonth("worked_on"))
        .values("month")
        .annotate(hours=Sum("hours"), attorneys=Count("attorney", distinct=True), cases=Count("case", distinct=True))
        .order_by("month")
    )
