"""Reading profiles: attorney and mentor lists for staff, and mentor suggestions for a placement."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role

from ..models import MentorProfile, MentorshipStatus, Placement


def attorneys_for_staff() -> QuerySet[User]:
    return (
        User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.VOLUNTEER], is_active=True)
        .select_related("attorney_profile")
        .annotate(active_cases=Count("placements", filter=Q(placements__closed_at__isnull=True), distinct=True))
        .order_by("full_name", "email")
        .distinct()
    )


def mentors_for_staff() -> QuerySet[User]:
    return (
        User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.MENTOR], is_active=True)
        .select_related("mentor_profile")
        .annotate(
            active_mentees=Count(
                "mentorships_as_mentor",
                filter=Q(mentorships_as_mentor__status=MentorshipStatus.ACTIVE),
                distinct=True,
            )
        )
        .order_by("full_name", "email")
        .distinct()
    )


@dataclass(frozen=True)
class MentorSuggestion:
    mentor: User
    score: int
    expertise: list[str]
    languages: list[str]
    load: int
    capacity: int


def mentors_suggested_for(*, placement: Placement, limit: int = 5) -> list[MentorSuggestion]:
    """Available mentors with free capacity, ranked by expertise, shared language and load."""
    case = placement.case
    profiles = (
        MentorProfile.objects.filter(available=True, user__is_active=True)
        .exclude(user_id=placement.attorney_id)
        .filter(user__groups__name=ROLE_GROUP_NAMES[Role.MENTOR])
        .select_related("user")
        .annotate(
            load=Count(
                "user__mentorships_as_mentor",
                filter=Q(user__mentorships_as_mentor__status=MentorshipStatus.ACTIVE),
                distinct=True,
            )
        )
        .distinct()
    )
    suggestions = []
    for profile in profiles:
        if profile.load >= profile.max_mentees:
            continue
        expertise = [r for r in case.relief_types if r in (profile.expertise or [])]
        languages = [code for code in case.languages if code in (profile.languages or [])]
        free_share = 1 - profile.load / profile.max_mentees if profile.max_mentees else 0
        score = round(
            50 * (len(expertise) / len(case.relief_types) if case.relief_types else 1)
            + 25 * (1 if languages else 0)
            + 25 * free_share
        )
        suggestions.append(
            MentorSuggestion(profile.user, score, expertise, languages, profile.load, profile.max_mentees)
        )
    suggestions.sort(key=lambda s: (-s.score, s.load, s.mentor.pk))
    return suggestions[:limit]
