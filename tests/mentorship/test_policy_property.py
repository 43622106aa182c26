"""Property: for random assignment graphs, each user's visible cases are exactly their assigned cases.

Ended pairings (and pairings whose placement closed) are part of the graphs: a mentor's
access ends with the pairing; the attorney keeps a read-only history of it.
"""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from mentorship import policy
from mentorship.models import Case, CaseOffer, CheckIn, Mentorship, MentorshipStatus, OfferStatus, Placement
from tests.factories import CaseFactory, MentorFactory, StaffFactory, VolunteerFactory

N_CASES, N_ATTORNEYS, N_MENTORS = 5, 3, 2

# For each case: (placed attorney index or None, placement closed?, offered attorney or None,
# offer status, offer expired?, mentor index or None, mentorship ended?)
case_plans = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, N_ATTORNEYS - 1)),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, N_ATTORNEYS - 1)),
        st.sampled_from([OfferStatus.PENDING, OfferStatus.DECLINED, OfferStatus.EXPIRED, OfferStatus.WITHDRAWN]),
        st.booleans(),
        st.one_of(st.none(), st.integers(0, N_MENTORS - 1)),
        st.booleans(),
    ),
    min_size=N_CASES,
    max_size=N_CASES,
)


@pytest.mark.django_db
class TestVisibleEqualsAssigned(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = StaffFactory()
        cls.attorneys = [VolunteerFactory() for _ in range(N_ATTORNEYS)]
        cls.mentors = [MentorFactory() for _ in range(N_MENTORS)]
        cls.outsider = VolunteerFactory()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(plans=case_plans)
    def test_visible_set_is_assigned_set(self, plans):
        now = timezone.now()
        people = [*self.attorneys, *self.mentors, self.outsider]
        expected = {user.pk: set() for user in people}
        # Mentorships each user may open, and those they may still write to (check-ins, plan).
        expected_pairings = {user.pk: set() for user in people}
        expected_writable = {user.pk: set() for user in people}
        for placed, closed, offered, offer_status, expired, mentor, ended in plans:
            case = CaseFactory(created_by=self.staff)
            if placed is not None:
                attorney = self.attorneys[placed]
                placement = Placement.objects.create(case=case, attorney=attorney, closed_at=now if closed else None)
                if not closed:
                    expected[attorney.pk].add(case.pk)
                if mentor is not None:
                    mentor_user = self.mentors[mentor]
                    mentorship = Mentorship.objects.create(
                        placement=placement,
                        case=case,
                        mentor=mentor_user,
                        mentee=attorney,
                        status=MentorshipStatus.ENDED if ended else MentorshipStatus.ACTIVE,
                    )
                    CheckIn.objects.create(mentorship=mentorship, logged_by=mentor_user, occurred_on=now.date())
                    expected_pairings[attorney.pk].add(mentorship.pk)
                    if not ended and not closed:
                        expected[mentor_user.pk].add(case.pk)
                        expected_pairings[mentor_user.pk].add(mentorship.pk)
                        expected_writable[mentor_user.pk].add(mentorship.pk)
                        expected_writable[attorney.pk].add(mentorship.pk)
            elif offered is not None:
                attorney = self.attorneys[offered]
                expires = now + datetime.timedelta(days=-1 if expired else 2)
                CaseOffer.objects.create(case=case, attorney=attorney, status=offer_status, expires_at=expires)
                if offer_status == OfferStatus.PENDING and not expired:
                    expected[attorney.pk].add(case.pk)
        all_ids = set(Case.objects.values_list("pk", flat=True))
        for user in [*self.attorneys, *self.mentors, self.outsider]:
            visible = set(policy.cases_visible_to(user).values_list("pk", flat=True))
            assert visible == expected[user.pk]
            for case_id in all_ids:
                level = policy.case_view_level(user, Case.objects.get(pk=case_id))
                assert (level != policy.NONE) == (case_id in expected[user.pk])
                if user in self.mentors and level != policy.NONE:
                    assert not policy.can_see_confidential_notes(level)
                    assert not policy.can_see_adverse_parties(level)
        assert set(policy.cases_visible_to(self.staff).values_list("pk", flat=True)) == all_ids
        all_pairings = list(Mentorship.objects.all())
        for user in people:
            visible = set(policy.mentorships_visible_to(user).values_list("pk", flat=True))
            assert visible == expected_pairings[user.pk]
            checkins = set(policy.checkins_visible_to(user).values_list("mentorship_id", flat=True))
            assert checkins == expected_pairings[user.pk]
            for mentorship in all_pairings:
                assert policy.can_view_mentorship(user, mentorship) == (mentorship.pk in expected_pairings[user.pk])
                writable = mentorship.pk in expected_writable[user.pk]
                assert policy.can_log_checkin(user, mentorship) == writable
                assert policy.can_change_plan(user, mentorship) == writable
        assert set(policy.mentorships_visible_to(self.staff).values_list("pk", flat=True)) == {
            m.pk for m in all_pairings
        }
