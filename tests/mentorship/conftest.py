import pytest

from tests.factories import (
    CaseFactory,
    CaseOfferFactory,
    MentorProfileFactory,
    MentorshipFactory,
    PlacementFactory,
    StaffFactory,
    attorney_with_profile,
    totp_enrol,
)

NOTES_SENTINEL = "SENTINEL-NOTES-7f3a"
PARTY_SENTINEL = "SENTINEL-PARTY-Qz9"


@pytest.fixture
def staff_user(db):
    user = StaffFactory()
    totp_enrol(user)
    return user


@pytest.fixture
def sentinel_case(db, staff_user):
    return CaseFactory(
        created_by=staff_user,
        confidential_notes=f"Client disclosed {NOTES_SENTINEL}",
        adverse_parties=f"{PARTY_SENTINEL}\nOther Person",
    )


@pytest.fixture
def attorney(db):
    return attorney_with_profile(capacity=1)


@pytest.fixture
def world(db, staff_user):
    """One case of each kind, and a person in each role around them.

    - offered: ``offered_attorney`` holds a pending offer on ``offered_case``;
    - placed: ``placed_attorney`` represents ``placed_case``, mentored by ``mentor_user``;
    - ``other_mentor`` mentors someone else's case; ``other_attorney`` has their own case.
    """
    offered_attorney = attorney_with_profile()
    placed_attorney = attorney_with_profile()
    other_attorney = attorney_with_profile()
    offered_case = CaseFactory(
        status="offered",
        confidential_notes=f"offered {NOTES_SENTINEL}",
        adverse_parties=PARTY_SENTINEL,
        created_by=staff_user,
    )
    offer = CaseOfferFactory(case=offered_case, attorney=offered_attorney, offered_by=staff_user)
    placed_case = CaseFactory(
        status="placed",
        confidential_notes=f"placed {NOTES_SENTINEL}",
        adverse_parties=PARTY_SENTINEL,
        created_by=staff_user,
    )
    placement = PlacementFactory(case=placed_case, attorney=placed_attorney)
    mentor_profile = MentorProfileFactory()
    totp_enrol(mentor_profile.user)
    mentorship = MentorshipFactory(placement=placement, mentor=mentor_profile.user)
    other_mentor_profile = MentorProfileFactory()
    totp_enrol(other_mentor_profile.user)
    other_placement = PlacementFactory(attorney=other_attorney)
    other_mentorship = MentorshipFactory(placement=other_placement, mentor=other_mentor_profile.user)
    seeking_case = CaseFactory(status="seeking", created_by=staff_user)
    return {
        "staff": staff_user,
        "offered_attorney": offered_attorney,
        "placed_attorney": placed_attorney,
        "other_attorney": other_attorney,
        "mentor": mentor_profile.user,
        "other_mentor": other_mentor_profile.user,
        "offered_case": offered_case,
        "offer": offer,
        "placed_case": placed_case,
        "placement": placement,
        "mentorship": mentorship,
        "other_placement": other_placement,
        "other_mentorship": other_mentorship,
        "other_case": other_placement.case,
        "seeking_case": seeking_case,
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
