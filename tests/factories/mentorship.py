import datetime
import io

import factory
from django.utils import timezone

from courses.vocabulary import ReliefType
from mentorship.fields import keyed_hash
from mentorship.models import (
    AttorneyLanguage,
    AttorneyProfile,
    AttorneyReliefExperience,
    Case,
    CaseDate,
    CaseDateKind,
    CaseOffer,
    CaseStatus,
    CheckIn,
    HoursEntry,
    MentorProfile,
    Mentorship,
    OfferStatus,
    Placement,
)

from .accounts import MentorFactory, StaffFactory, VolunteerFactory

__all__ = [
    "AttorneyProfileFactory",
    "AttorneyLanguageFactory",
    "AttorneyReliefExperienceFactory",
    "MentorProfileFactory",
    "CaseFactory",
    "CaseDateFactory",
    "CaseOfferFactory",
    "PlacementFactory",
    "MentorshipFactory",
    "CheckInFactory",
    "HoursEntryFactory",
    "attorney_with_profile",
    "case_document_make",
]


class AttorneyProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttorneyProfile

    user = factory.SubFactory(VolunteerFactory)
    capacity = 2
    detained_ok = True
    remote_ok = True


class AttorneyLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttorneyLanguage

    profile = factory.SubFactory(AttorneyProfileFactory)
    code = "spa"
    ilr_level = 4


class AttorneyReliefExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttorneyReliefExperience

    profile = factory.SubFactory(AttorneyProfileFactory)
    relief_type = ReliefType.ASYLUM
    level = 2


class MentorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorProfile

    user = factory.SubFactory(MentorFactory)
    max_mentees = 3
    available = True
    expertise = factory.LazyFunction(lambda: [ReliefType.ASYLUM.value])
    languages = factory.LazyFunction(lambda: ["spa"])


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"PBA-2026-{n + 1000:04d}")
    client_initials = "MG"
    country_of_origin = "GT"
    languages = factory.LazyFunction(lambda: ["spa"])
    min_ilr_level = 3
    relief_types = factory.LazyFunction(lambda: [ReliefType.ASYLUM.value])
    court = "Example Immigration Court"
    location = "Example City"
    status = CaseStatus.SEEKING
    confidential_notes = "Notes for staff only."
    adverse_parties = "Party One"
    adverse_party_hashes = factory.LazyAttribute(
        lambda o: sorted({keyed_hash(n) for n in o.adverse_parties.splitlines() if n.strip()})
    )
    created_by = factory.SubFactory(StaffFactory)


class CaseDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseDate

    case = factory.SubFactory(CaseFactory)
    kind = CaseDateKind.HEARING
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=45))
    source = "Notice of hearing"


class CaseOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseOffer

    case = factory.SubFactory(CaseFactory, status=CaseStatus.OFFERED)
    attorney = factory.SubFactory(VolunteerFactory)
    offered_by = factory.SubFactory(StaffFactory)
    offered_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    status = OfferStatus.PENDING


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    case = factory.SubFactory(CaseFactory, status=CaseStatus.PLACED)
    attorney = factory.SubFactory(VolunteerFactory)


class MentorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentorship

    placement = factory.SubFactory(PlacementFactory)
    case = factory.SelfAttribute("placement.case")
    mentee = factory.SelfAttribute("placement.attorney")
    mentor = factory.SubFactory(MentorFactory)


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    mentorship = factory.SubFactory(MentorshipFactory)
    logged_by = factory.SelfAttribute("mentorship.mentor")
    occurred_on = factory.LazyFunction(timezone.localdate)
    minutes = 30


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HoursEntry

    case = factory.SubFactory(CaseFactory)
    attorney = factory.SubFactory(VolunteerFactory)
    worked_on = factory.LazyFunction(timezone.localdate)
    hours = "2.50"
    description = "Drafting"


def attorney_with_profile(
    *, languages=(("spa", 4),), capacity: int = 2, relief=(("asylum", 2),), bar: str | None = "TX", **profile_kwargs
):
    """A volunteer with a profile, languages, relief experience and (unless `bar` is None) an
    active bar admission in `bar`."""
    from .courses import BarAdmissionFactory, JurisdictionFactory

    profile = AttorneyProfileFactory(capacity=capacity, **profile_kwargs)
    if bar:
        BarAdmissionFactory(user=profile.user, jurisdiction=JurisdictionFactory(code=bar))
    for code, level in languages:
        AttorneyLanguageFactory(profile=profile, code=code, ilr_level=level)
    for relief_type, level in relief:
        AttorneyReliefExperienceFactory(profile=profile, relief_type=relief_type, level=level)
    return profile.user


def case_document_make(
    *,
    case,
    by,
    content: bytes | None = None,
    name: str = "notice.pdf",
    title: str = "Hearing notice",
    kind: str = "notice",
    sensitivity: str = "court_filing",
    shared_with_mentor: bool = False,
):
    """A document on the case through the upload service (a blank one-page PDF unless given)."""
    from mentorship.demo import blank_pdf
    from mentorship.services.documents import document_upload

    return document_upload(
        case=case,
        by=by,
        file=io.BytesIO(blank_pdf() if content is None else content),
        name=name,
        title=title,
        kind=kind,
        sensitivity=sensitivity,
        shared_with_mentor=shared_with_mentor,
    )
