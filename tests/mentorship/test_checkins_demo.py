"""The demo shows every check-in health state, a mentoring plan and logged hours."""

import pytest

from mentorship.models import CheckIn, HoursEntry, MentoringGoal, Mentorship
from mentorship.selectors.checkins import NEEDS_ATTENTION, NEEDS_CHECKIN, mentorship_health

pytestmark = pytest.mark.django_db


def test_demo_seeds_overdue_flagged_and_poorly_rated_pairings_with_goals_and_hours(demo_seed):
    demo_seed()
    health = {m.case.reference: mentorship_health(mentorship=m) for m in Mentorship.objects.filter(status="active")}
    assert health["PBA-2026-0001"].status == NEEDS_CHECKIN and "overdue" in health["PBA-2026-0001"].reasons
    assert health["PBA-2026-0004"].status == NEEDS_CHECKIN  # detained: weekly
    assert health["PBA-2026-0002"].status == NEEDS_ATTENTION and "flag" in health["PBA-2026-0002"].reasons
    assert health["PBA-2026-0003"].status == NEEDS_ATTENTION and "poor_rating" in health["PBA-2026-0003"].reasons
    assert CheckIn.objects.filter(needs_staff_attention=True).count() == 1
    assert CheckIn.objects.filter(pairing_rating__lte=2).count() == 1
    assert MentoringGoal.objects.filter(done=True).exists() and MentoringGoal.objects.filter(done=False).exists()
    assert HoursEntry.objects.filter(case__reference="PBA-2026-0015").exists()  # kept after the case closed
    counts = (CheckIn.objects.count(), MentoringGoal.objects.count(), HoursEntry.objects.count())
    demo_seed()
    assert (CheckIn.objects.count(), MentoringGoal.objects.count(), HoursEntry.objects.count()) == counts
