"""Pro bono hours, read for transcripts, the attorney's list and staff totals."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count, Max, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from mentorship.models import HoursEntry

CENT = Decimal("0.01")


APPROVED = "approved"
PENDING = "pending"


def _with_status(entries: QuerySet[HoursEntry], status: str | None) -> QuerySet[HoursEntry]:
    if status == APPROVED:
        return entries.filter(approved_at__isnull=False)
    if status == PENDING:
        return entries.filter(approved_at__isnull=True, rejected_at__isnull=True)
    return entries


def pro_bono_hours_for(
    *, user, start: datetime.date | None = None, end: datetime.date | None = None, status: str | None = None
) -> Decimal:
    """Total pro bono hours the user logged on cases, between two dates inclusive.

    `status` "approved" counts only hours staff approved (the only ones that earn CLE credit),
    "pending" those awaiting a decision; None counts every entry logged.
    """
    entries = _with_status(HoursEntry.objects.filter(attorney=user), status)
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    if end is not None:
        entries = entries.filter(worked_on__lte=end)
    total = entries.aggregate(total=Sum("hours"))["total"]
    return _two_places(total)


def _two_places(value) -> Decimal:
    # SQLite sums decimals to whatever precision it likes; show hours as 0.00 everywhere.
    return Decimal(value if value is not None else 0).quantize(CENT)


def pro_bono_last_approval_for(*, user, start: datetime.date, end: datetime.date) -> datetime.date | None:
    """The day staff last approved hours worked in the period (the provider's affirmation on the transcript)."""
    approved_at = (
        HoursEntry.objects.filter(attorney=user, worked_on__gte=start, worked_on__lte=end, approved_at__isnull=False)
        .aggregate(last=Max("approved_at"))
        .get("last")
    )
    return timezone.localdate(approved_at) if approved_at is not None else None


def hours_pending_for_staff() -> QuerySet[HoursEntry]:
    """Hours awaiting a staff decision, oldest first."""
    return (
        HoursEntry.objects.filter(approved_at__isnull=True, rejected_at__isnull=True)
        .select_related("case", "attorney")
        .order_by("worked_on", "id")
    )


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
    totals["hours"] = _two_places(totals["hours"])
    return totals


def hours_by_month(*, start: datetime.date | None = None) -> list[dict]:
    """Per month: hours, number of attorneys and of cases (aggregates only)."""
    entries = HoursEntry.objects.all()
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    rows = list(
        entries.annotate(month=TruncMonth("worked_on"))
        .values("month")
        .annotate(hours=Sum("hours"), attorneys=Count("attorney", distinct=True), cases=Count("case", distinct=True))
        .order_by("month")
    )
    for row in rows:
        row["hours"] = _two_places(row["hours"])
    return rows


def hours_by_attorney(*, start: datetime.date | None = None, end: datetime.date | None = None) -> list[dict]:
    """Per attorney: hours, entries and cases, most hours first (for staff, never exported)."""
    entries = HoursEntry.objects.all()
    if start is not None:
        entries = entries.filter(worked_on__gte=start)
    if end is not None:
        entries = entries.filter(worked_on__lte=end)
    rows = list(
        entries.values("attorney_id", "attorney__full_name", "attorney__email")
        .annotate(hours=Sum("hours"), entries=Count("id"), cases=Count("case", distinct=True))
        .order_by("-hours", "attorney__full_name")
    )
    for row in rows:
        row["hours"] = _two_places(row["hours"])
    return rows


def attorney_hours_by_month(*, user, months: list[datetime.date]) -> list[tuple[datetime.date, Decimal]]:
    """The attorney's logged hours in each of `months` (first days, oldest first), zero where none."""
    if not months:
        return []
    totals = {
        row["month"]: row["hours"]
        for row in HoursEntry.objects.filter(attorney=user, worked_on__gte=months[0])
        .annotate(month=TruncMonth("worked_on"))
        .values("month")
        .annotate(hours=Sum("hours"))
    }
    return [(month, _two_places(totals.get(month) or 0)) for month in months]
