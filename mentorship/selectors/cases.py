"""Reading cases: the staff list with filters, an attorney's cases, and open cases that fit."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from accounts.models import User

from ..models import (
    Case,
    CaseStatus,
    Mentorship,
    Placement,
)
from ..policy import cases_visible_to, mentorships_mentored_by, mentorships_of_mentee
from .matching import fitting_open_case_ids


def cases_for_staff(
    *,
    user: User,
    status: str = "",
    relief_type: str = "",
    language: str = "",
    detained: str = "",
    reference: str = "",
) -> list[Case]:
    """The staff case list; JSON list filters are applied in Python to stay portable."""
    # The list shows no encrypted field: none is read (and decrypted) for thousands of rows.
    cases = (
        cases_visible_to(user)
        .defer("confidential_notes", "adverse_parties")
        .annotate(offer_count=Count("offers"))
        .order_by("-created_at", "-id")
    )
    if status:
        cases = cases.filter(status=status)
    if detained in {"yes", "no"}:
        cases = cases.filter(detained=detained == "yes")
    if reference:
        cases = cases.filter(reference__icontains=reference.strip())
    result = list(cases)
    if relief_type:
        result = [case for case in result if relief_type in (case.relief_types or [])]
    if language:
        result = [case for case in result if language in (case.languages or [])]
    return result


def placements_for_attorney(*, user: User) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(attorney=user, closed_at__isnull=True, case__in=cases_visible_to(user))
        .select_related("case")
        .order_by("-placed_at")
    )


def mentorships_for_mentor(*, user: User) -> QuerySet[Mentorship]:
    """The mentor's current pairings (an ended one is no longer theirs to see)."""
    return (
        mentorships_mentored_by(user)
        .select_related("case", "mentee", "placement__offer__overridden_by")
        .order_by("-started_at")
    )


def mentorships_for_mentee(*, user: User) -> QuerySet[Mentorship]:
    return mentorships_of_mentee(user).select_related("mentor")


def mentorships_ended_for_mentee(*, user: User) -> QuerySet[Mentorship]:
    """The attorney's earlier pairings, kept as a read-only history."""
    return (
        mentorships_of_mentee(user, include_ended=True)
        .exclude(pk__in=mentorships_of_mentee(user).values("pk"))
        .select_related("mentor")
        .order_by("-ended_at", "-started_at", "-id")
    )


def open_cases_for_attorney(*, user: User) -> QuerySet[Case]:
    """Seeking cases that pass every hard constraint of matching for this attorney.

    The same rules as staff's suggestions: language (unless an interpreter is arranged), the
    training each relief type requires, bar admission, capacity (pending offers included),
    pause, detained docket, deadline experience, and no conflict or earlier decline.
    """
    if not (user.is_authenticated and user.is_volunteer):
        return Case.objects.none()
    ids = fitting_open_case_ids(user_id=user.pk)
    return Case.objects.filter(pk__in=ids, status=CaseStatus.SEEKING).order_by("-detained", "created_at")


def case_timeline(*, case: Case) -> dict:
    """Everything staff see on one case page."""
    return {
        "history": case.status_changes.select_related("changed_by").order_by("-changed_at", "-id"),
        "dates": case.dates.select_related("verified_by"),
        "offers": case.offers.select_related("attorney", "offered_by").order_by("-offered_at", "-id"),
        "interests": case.interests.select_related("attorney"),
        "placements": case.placements.select_related("attorney").prefetch_related("mentorships__mentor", "outcomes"),
        "conflicts": case.conflicts.select_related("attorney", "recorded_by"),
    }


def case_status_counts() -> dict[str, int]:
    counts = dict(Case.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in CaseStatus.values}
