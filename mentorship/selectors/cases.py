"""Reading cases: the staff list with filters, an attorney's cases, and open cases that fit."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from courses.selectors import completed_course_ids

from ..models import (
    AttorneyProfile,
    Case,
    CaseStatus,
    Mentorship,
    MentorshipStatus,
    Placement,
    ReliefTypeRequirement,
)
from ..policy import cases_visible_to
from ..services.conflicts import conflicted_case_ids


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
    cases = cases_visible_to(user).annotate(offer_count=Count("offers")).order_by("-created_at", "-id")
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
    return (
        Mentorship.objects.filter(mentor=user, status=MentorshipStatus.ACTIVE)
        .select_related("case", "mentee", "placement")
        .order_by("-started_at")
    )


def mentorships_for_mentee(*, user: User) -> QuerySet[Mentorship]:
    return Mentorship.objects.filter(mentee=user, status=MentorshipStatus.ACTIVE).select_related("mentor")


def _language_fits(case: Case, levels: dict[str, int]) -> bool:
    if case.interpreter_arranged or not case.languages:
        return True
    return any(levels.get(code, -1) >= case.min_ilr_level for code in case.languages)


def _training_fits(case: Case, required: dict[str, set[int]], completed: set[int]) -> bool:
    return all(required.get(relief_type, set()) <= completed for relief_type in case.relief_types or [])


def required_courses_by_relief() -> dict[str, set[int]]:
    required: dict[str, set[int]] = {}
    for relief_type, course_id in ReliefTypeRequirement.objects.values_list("relief_type", "course_id"):
        required.setdefault(relief_type, set()).add(course_id)
    return required


def open_cases_for_attorney(*, user: User) -> QuerySet[Case]:
    """Seeking cases that pass the hard constraints for this attorney.

    Language (unless an interpreter is arranged), the training staff require for each relief
    type (from course completions), an active admission where the case requires a specific
    bar, capacity and pause, detained-docket willingness, and no conflict or earlier decline.
    """
    if not (user.is_authenticated and user.is_volunteer):
        return Case.objects.none()
    profile = AttorneyProfile.objects.filter(user=user).prefetch_related("languages").first()
    if profile is None or profile.is_paused(timezone.localdate()):
        return Case.objects.none()
    if Placement.objects.filter(attorney=user, closed_at__isnull=True).count() >= profile.capacity:
        return Case.objects.none()
    levels = {lang.code: lang.ilr_level for lang in profile.languages.all()}
    seeking = Case.objects.filter(status=CaseStatus.SEEKING)
    blocked = conflicted_case_ids(attorney=user, cases=seeking)
    from courses.models import BarAdmission

    admitted_in = {
        code.upper()
        for code in BarAdmission.objects.filter(user=user, status=BarAdmission.Status.ACTIVE).values_list(
            "jurisdiction__code", flat=True
        )
    }
    required = required_courses_by_relief()
    completed = completed_course_ids(user_ids=[user.pk]).get(user.pk, set()) if required else set()
    ids = [
        case.pk
        for case in seeking.only(
            "pk",
            "languages",
            "min_ilr_level",
            "interpreter_arranged",
            "detained",
            "relief_types",
            "requires_bar_jurisdiction",
        )
        if case.pk not in blocked
        and (not case.requires_bar_jurisdiction or case.requires_bar_jurisdiction.strip().upper() in admitted_in)
        and _language_fits(case, levels)
        and _training_fits(case, required, completed)
        and (profile.detained_ok or not case.detained)
    ]
    return Case.objects.filter(pk__in=ids).order_by("-detained", "created_at")


def case_timeline(*, case: Case) -> dict:
    """Everything staff see on one case page."""
    return {
        "history": case.status_changes.select_related("changed_by").order_by("-changed_at", "-id"),
        "dates": case.dates.select_related("verified_by"),
        "offers": case.offers.select_related("attorney", "offered_by").order_by("-offered_at", "-id"),
        "interests": case.interests.select_related("attorney"),
        "placements": case.placements.select_related("attorney").prefetch_related("mentorships__mentor"),
        "conflicts": case.conflicts.select_related("attorney", "recorded_by"),
    }


def case_status_counts() -> dict[str, int]:
    counts = dict(Case.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in CaseStatus.values}


def cases_search_q(text: str) -> Q:
    return Q(reference__icontains=text)
