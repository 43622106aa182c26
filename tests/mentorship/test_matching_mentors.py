"""Mentor pairing: conflicts and capacity are hard constraints, in the pure layer and from the database."""

import pytest
from django.urls import reverse

from mentorship.matching import CaseInput, MentorInput, mentor_failed_constraints, rank_mentors
from mentorship.models import CaseStatus, Mentorship
from mentorship.selectors import matching as selectors
from mentorship.services.conflicts import conflict_record
from tests.factories import CaseFactory, MentorProfileFactory, PlacementFactory, attorney_with_profile
from tests.factories.accounts import VolunteerFactory

CASE = CaseInput(id=7, languages=("mam",), relief_types=("asylum",))


def mentor(mentor_id: int, **changes) -> MentorInput:
    return MentorInput(id=mentor_id, expertise=frozenset({"asylum"}), languages=frozenset({"mam"}), **changes)


def test_a_conflicted_mentor_is_never_suggested_for_that_case():
    conflicted = mentor(1, conflicted_case_ids=frozenset({7}))
    elsewhere = mentor(2, conflicted_case_ids=frozenset({8}))
    assert [s.mentor_id for s in rank_mentors(CASE, [conflicted, elsewhere])] == [2]
    assert [r.code for r in mentor_failed_constraints(CASE, conflicted)] == ["conflict"]
    assert mentor_failed_constraints(CASE, elsewhere) == ()


def test_a_mentor_at_capacity_or_the_mentee_themselves_is_never_suggested():
    full = mentor(1, max_mentees=2, active_mentees=2)
    free = mentor(2, max_mentees=2, active_mentees=1)
    mentee = mentor(3)
    assert [s.mentor_id for s in rank_mentors(CASE, [full, free, mentee], mentee_id=3)] == [2]
    assert [r.code for r in mentor_failed_constraints(CASE, full)] == ["capacity"]
    assert [r.code for r in mentor_failed_constraints(CASE, mentee, mentee_id=3)] == ["self"]


@pytest.fixture
def case(db):
    return CaseFactory(status=CaseStatus.PLACED, languages=["mam"], adverse_parties="Party One")


@pytest.mark.django_db
def test_mentor_inputs_carry_direct_firm_and_adverse_party_conflicts_for_the_case(staff, case):
    direct = MentorProfileFactory().user
    by_party = MentorProfileFactory().user
    # A mentor who also volunteers as an attorney has a firm on their attorney profile.
    by_firm = attorney_with_profile(firm_name="Smith & Jones LLP")
    MentorProfileFactory(user=by_firm)
    by_firm.groups.add(*direct.groups.all())
    clean = MentorProfileFactory().user
    other_case = CaseFactory()
    conflict_record(by=staff, attorney=direct, case=case)
    conflict_record(by=staff, attorney=by_party, adverse_party="party one")
    conflict_record(by=staff, firm_name="Smith &  Jones LLP", case=case)
    conflict_record(by=staff, attorney=clean, case=other_case)

    inputs = {m.id: m for m in selectors.mentor_inputs(case_id=case.pk)}
    assert {m_id for m_id, m in inputs.items() if case.pk in m.conflicted_case_ids} == {
        direct.pk,
        by_party.pk,
        by_firm.pk,
    }
    assert inputs[clean.pk].conflicted_case_ids == frozenset()
    assert all(m.conflicted_case_ids == frozenset() for m in selectors.mentor_inputs())
    for user, conflicted in ((direct, True), (by_party, True), (by_firm, True), (clean, False)):
        assert selectors.mentor_conflicted(mentor_id=user.pk, case_id=case.pk) is conflicted
    assert selectors.mentor_conflicted(mentor_id=clean.pk, case_id=other_case.pk)


@pytest.mark.django_db
def test_the_mentor_page_leaves_out_conflicted_and_full_mentors(client_for, staff, case):
    placement = PlacementFactory(case=case)
    conflicted = MentorProfileFactory(expertise=["asylum"], languages=["mam"]).user
    conflicted.full_name = "Connie Conflicted"
    conflicted.save()
    full = MentorProfileFactory(max_mentees=1).user
    Mentorship.objects.create(
        placement=PlacementFactory(), case=None, mentor=full, mentee=VolunteerFactory(), assigned_by=staff
    )
    fine = MentorProfileFactory(expertise=["u_visa"]).user
    conflict_record(by=staff, attorney=conflicted, case=case)
    client = client_for(staff)
    url = reverse("staff:matching_mentor", args=[placement.pk])
    html = client.get(url).content.decode()
    assert f'value="{fine.pk}"' in html
    assert f'value="{conflicted.pk}"' not in html and "Connie Conflicted" not in html
    assert f'value="{full.pk}"' not in html
    assert client.post(url, {"person": conflicted.pk}).status_code == 302
    assert not Mentorship.objects.filter(placement=placement).exists()
