"""Two evaluations of the same course by the same attorney at once: the database keeps one."""

import pytest
from django.utils import timezone

from courses import evaluations
from courses.models import CourseEvaluation, EvaluationSubmitted
from tests.courses.test_concurrency import race
from tests.factories import EnrollmentFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

GOOD = {"objectives": "5", "faculty": "4", "materials": "4", "relevance": "5", "recommend": "5"}


@pytest.mark.parametrize("declined_first", [False, True])
def test_two_submissions_at_once_record_one_evaluation(volunteer, course, lessons, declined_first):
    EnrollmentFactory(user=volunteer, course=course, completed_at=timezone.now())
    if declined_first:
        evaluations.course_evaluation_decline(user=volunteer, course=course)
    results, errors = race(lambda _i: evaluations.course_evaluation_submit(user=volunteer, course=course, answers=GOOD))
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], evaluations.EvaluationError)
    assert CourseEvaluation.objects.count() == 1
    assert EvaluationSubmitted.objects.filter(user=volunteer, course=course, declined=False).count() == 1
