"""Two attorneys taking the last seat of a live session at once: the row lock on the session lets one in."""

import datetime

import pytest

from courses import sessions
from courses.models import SessionRegistration
from courses.services import LearningError
from tests.courses.test_concurrency import race
from tests.factories import CourseSessionFactory, VolunteerFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_attorneys_racing_for_the_last_seat_get_one_registration(course):
    session = CourseSessionFactory(course=course, capacity=1)
    people = [VolunteerFactory(), VolunteerFactory()]
    before = datetime.datetime(2030, 3, 12, 9, 0, tzinfo=session.zone)
    results, errors = race(lambda i: sessions.session_register(user=people[i], session=session, now=before))
    assert SessionRegistration.objects.filter(session=session, cancelled_at__isnull=True).count() == 1
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], LearningError) and "full" in str(errors[0])


def test_the_same_attorney_registering_twice_at_once_holds_one_seat(course):
    session = CourseSessionFactory(course=course, capacity=5)
    person = VolunteerFactory()
    before = datetime.datetime(2030, 3, 12, 9, 0, tzinfo=session.zone)
    results, errors = race(lambda _i: sessions.session_register(user=person, session=session, now=before))
    assert not errors, errors
    assert SessionRegistration.objects.filter(session=session).count() == 1
    assert results[0].pk == results[1].pk
