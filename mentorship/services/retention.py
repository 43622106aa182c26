"""Retention: what identifies a client or tells their story is cleared once it is no longer needed.

A purge keeps the pseudonymous skeleton of the case (reference, languages, relief types,
dates, placements, hours and check-in counts) so that program reports still add up, and
clears every other field that could point to the client: initials, country, court and
location, notes, adverse parties and their hashes, reasons, date sources, check-in notes
and next steps, mentoring-plan goals, hours descriptions and links to a family's other
cases, and the case's conversations (their messages and read marks). It runs on schedule
for cases closed longer than ``CASE_RETENTION_DAYS`` and, for a closed case, when program
staff ask. Each purge writes an audit row; purging twice
changes nothing. The case's documents go entirely: their rows at once, their bytes on the
private storage as soon as the purge is committed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..models import (
    Case,
    CaseDate,
    CaseOffer,
    CaseStatus,
    CaseStatusChange,
    CheckIn,
    Conflict,
    ConversationRead,
    HoursEntry,
    MentoringGoal,
    Message,
    Placement,
)
from .cases import CaseError
from .documents import documents_delete_for_case

PURGE_SCHEDULED = "retention"
PURGE_BY_STAFF = "staff"


def case_purge(*, case: Case, by: User | None, why: str = PURGE_BY_STAFF) -> bool:
    """Clear the client details of a closed case; False when it was purged already."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.purged_at is not None:
            return False
        if locked.status != CaseStatus.CLOSED:
            raise CaseError(_("Only a closed case can be purged."))
        now = timezone.now()
        Case.objects.filter(pk=locked.pk).update(
            client_initials="",
            country_of_origin="",
            court="",
            location="",
            status_reason="",
            confidential_notes="",
            adverse_parties="",
            adverse_party_hashes=[],
            purged_at=now,
        )
        locked.related_cases.clear()
        CaseStatusChange.objects.filter(case=locked).update(reason="")
        CaseDate.objects.filter(case=locked).update(source="")
        CaseOffer.objects.filter(case=locked).update(decline_reason="", override_reason="")
        Placement.objects.filter(case=locked).update(closed_reason="")
        Conflict.objects.filter(case=locked).update(reason="")
        CheckIn.objects.filter(mentorship__case=locked).update(notes="", next_steps="")
        MentoringGoal.objects.filter(mentorship__case=locked).update(title=_("(removed at retention)"))
        HoursEntry.objects.filter(case=locked).update(description="")
        messages, _by_model = Message.objects.filter(placement__case=locked).delete()
        ConversationRead.objects.filter(placement__case=locked).delete()
        documents = documents_delete_for_case(case=locked)
        detail = f"purge={why}" + (f" messages={messages}" if messages else "")
        detail += f" documents={documents}" if documents else ""
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=locked, detail=detail)
    return True


def cases_due_for_purge(*, now: datetime.datetime | None = None) -> list[int]:
    """Closed, unpurged cases whose last closing is older than the retention period."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.CASE_RETENTION_DAYS)
    closed_at = (
        CaseStatusChange.objects.filter(case=OuterRef("pk"), to_status=CaseStatus.CLOSED)
        .order_by("-changed_at", "-id")
        .values("changed_at")[:1]
    )
    return list(
        Case.objects.filter(status=CaseStatus.CLOSED, purged_at__isnull=True)
        .annotate(closed_at=Subquery(closed_at))
        .filter(closed_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def cases_purge_due(*, now: datetime.datetime | None = None) -> int:
    """The scheduled purge; returns how many cases it purged."""
    purged = 0
    for case_id in cases_due_for_purge(now=now):
        try:
            purged += case_purge(case=Case(pk=case_id), by=None, why=PURGE_SCHEDULED)
        except CaseError:  # reopened since it was listed
            continue
    return purged
