"""The deadline watch: hard dates of open cases, near or just past, that nobody has marked filed.

A case still in intake, seeking an attorney or offered but not accepted has no one else to
watch its dates; a placed case stays on the watch until its attorney (or staff) confirms the
filing with the "filed" mark. Only program staff see this list: it names case references.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import HARD_DATE_KINDS, CaseDate, CaseStatus, MatchingSettings

WATCHED_STATUSES = (CaseStatus.INTAKE, CaseStatus.SEEKING, CaseStatus.OFFERED, CaseStatus.PLACED)
# A passed date stays on the list this long (as "overdue") unless marked filed, then drops off,
# so that years-old dates of long-running cases do not bury the urgent ones.
OVERDUE_SHOWN_DAYS = 30

STATUS_LABELS = {
    CaseStatus.INTAKE: _("In intake, no attorney"),
    CaseStatus.SEEKING: _("Seeking an attorney"),
    CaseStatus.OFFERED: _("Offered, not yet accepted"),
    CaseStatus.PLACED: _("Placed, filing not confirmed"),
}


@dataclass(frozen=True)
class WatchRow:
    case_date_id: int
    case_id: int
    reference: str
    kind_label: str
    date: datetime.date
    days_left: int
    status: str
    status_label: str
    verified: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left


def deadline_watch_dates(*, today: datetime.date, window_days: int):
    """The unfiled hard dates of watched cases from ``OVERDUE_SHOWN_DAYS`` ago to ``window_days`` ahead."""
    return (
        CaseDate.objects.filter(
            kind__in=HARD_DATE_KINDS,
            filed_at__isnull=True,
            case__status__in=WATCHED_STATUSES,
            date__gte=today - datetime.timedelta(days=OVERDUE_SHOWN_DAYS),
            date__lte=today + datetime.timedelta(days=window_days),
        )
        .select_related("case")
        .order_by("date", "case_id", "id")
    )


def deadline_watch_rows(*, today: datetime.date | None = None, window_days: int | None = None) -> list[WatchRow]:
    """The watch list, fewest days left first (overdue dates lead). The window is matching's urgent
    window (``MatchingSettings.urgent_within_days``) unless given."""
    today = today or timezone.localdate()
    if window_days is None:
        window_days = MatchingSettings.load().urgent_within_days
    return [
        WatchRow(
            case_date_id=case_date.pk,
            case_id=case_date.case_id,
            reference=case_date.case.reference,
            kind_label=str(case_date.get_kind_display()),
            date=case_date.date,
            days_left=(case_date.date - today).days,
            status=case_date.case.status,
            status_label=str(STATUS_LABELS[case_date.case.status]),
            verified=case_date.verified_at is not None,
        )
        for case_date in deadline_watch_dates(today=today, window_days=window_days)
    ]
