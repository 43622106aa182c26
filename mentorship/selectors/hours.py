"""Pro bono hours, read for transcripts and dashboards."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Sum

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
