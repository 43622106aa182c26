"""Writing attorney and mentor profiles."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..models import (
    AttorneyLanguage,
    AttorneyProfile,
    AttorneyReliefExperience,
    MatchingSettings,
    MentorProfile,
    ReliefTypeRequirement,
)

PROFILE_FIELDS = ("firm_name", "capacity", "paused_until", "detained_ok", "remote_ok", "locations")
MENTOR_FIELDS = ("max_mentees", "available", "availability_note", "expertise", "languages")


def attorney_profile_ensure(*, user: User) -> AttorneyProfile:
    profile, _created = AttorneyProfile.objects.get_or_create(user=user)
    return profile


def attorney_profile_update(
    *,
    profile: AttorneyProfile,
    data: dict,
    languages: Iterable[tuple[str, int]] | None = None,
    relief: Iterable[tuple[str, int]] | None = None,
) -> AttorneyProfile:
    """Replace the profile's fields, languages (code, ILR level) and relief experience (type, level)."""
    with transaction.atomic():
        for name in PROFILE_FIELDS:
            if name in data:
                setattr(profile, name, data[name])
        profile.save()
        if languages is not None:
            wanted = dict(languages)
            profile.languages.exclude(code__in=wanted).delete()
            for code, level in wanted.items():
                AttorneyLanguage.objects.update_or_create(profile=profile, code=code, defaults={"ilr_level": level})
        if relief is not None:
            wanted = dict(relief)
            profile.relief_experience.exclude(relief_type__in=wanted).delete()
            for relief_type, level in wanted.items():
                AttorneyReliefExperience.objects.update_or_create(
                    profile=profile, relief_type=relief_type, defaults={"level": level}
                )
    return profile


def mentor_profile_ensure(*, user: User) -> MentorProfile:
    profile, _created = MentorProfile.objects.get_or_create(user=user)
    return profile


def mentor_profile_update(*, profile: MentorProfile, data: dict) -> MentorProfile:
    with transaction.atomic():
        for name in MENTOR_FIELDS:
            if name in data:
                setattr(profile, name, data[name])
        profile.full_clean(exclude=["user"])
        profile.save()
    return profile


def matching_settings_update(*, form, by: User) -> MatchingSettings:
    """Save the staff's matching settings form (one row)."""
    with transaction.atomic():
        settings_row = form.save()
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=settings_row)
    return settings_row


def relief_requirement_add(*, relief_type: str, course, by: User) -> ReliefTypeRequirement:
    with transaction.atomic():
        requirement, created = ReliefTypeRequirement.objects.get_or_create(relief_type=relief_type, course=course)
        if created:
            audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=requirement)
    return requirement


def relief_requirement_remove(*, requirement: ReliefTypeRequirement, by: User) -> None:
    with transaction.atomic():
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=requirement)
        requirement.delete()
