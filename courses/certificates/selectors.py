"""Reads for CLE certificates: verification, the attorney's own certificates, transcripts, reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from .codes import code_normalise
from .models import Certificate
from .transcripts import current_progress_for

if TYPE_CHECKING:
    from accounts.models import User


def certificate_for_verification(*, code: str) -> Certificate | None:
    normalised = code_normalise(code)
    if not normalised:
        return None
    return Certificate.objects.select_related("superseded_by").filter(code=normalised).first()


def verification_facts(*, certificate: Certificate) -> dict[str, Any]:
    """Only what the public page may show: name, course, credits, date (and status, by the caller)."""
    snapshot = certificate.snapshot
    return {
        "name": snapshot["attorney"]["name"],
        "course": snapshot["course"]["title"],
        "completed_on": snapshot["completion"]["completed_on"],
        "jurisdiction": snapshot["jurisdiction"]["name"],
        "total": snapshot["credits"]["total"],
        "unit": snapshot["credits"]["unit_label"].lower(),
        "lines": snapshot["credits"]["lines"],
        # Live certificates only: format, date, times and minutes attended (no sign-in times).
        "session": {
            key: snapshot["session"][key] for key in ("format_label", "date", "times_label", "attended_minutes")
        }
        if snapshot.get("session")
        else None,
    }


def certificates_for_user(*, user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).select_related("jurisdiction").order_by("-completed_on", "-version")


def certificate_for_owner(*, user: User, pk: int) -> QuerySet[Certificate]:
    """The attorney's own certificate by id (empty for anyone else's: the view answers 404)."""
    return Certificate.objects.filter(user=user, pk=pk)


def dashboard_sections_for(*, request) -> list[tuple[str, dict]]:
    """The attorney's progress toward each jurisdiction's CLE requirement in the current period."""
    user = request.user
    if not user.is_authenticated or not user.is_volunteer:
        return []
    transcripts = current_progress_for(user=user)
    if not transcripts:
        return []
    return [("certificates/dashboard_section.html", {"cle_transcripts": transcripts})]
