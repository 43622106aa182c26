"""Races settled by the database (PostgreSQL row locks and unique constraints)."""

import threading
from unittest import mock

import pytest
from django.db import connection
from django.http import QueryDict

from courses import services
from courses.models import Enrollment, QuizAttempt
from tests.factories import EnrollmentFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(target, count=2):
    barrier = threading.Barrier(count, timeout=20)
    results, errors = [], []

    def run(index):
        try:
            barrier.wait()
            results.append(target(index))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results, errors


def test_same_token_submitted_twice_at_once_records_one_attempt(volunteer, final_course):
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    token = services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL)
    data = QueryDict("q0=1&q1=1&q2=0&q2=1&q3=0")
    results, errors = race(lambda _i: services.quiz_attempt_submit(enrollment=enrollment, token=token, data=data))
    assert not errors, errors
    assert QuizAttempt.objects.count() == 1
    assert sorted(outcome.created for outcome in results) == [False, True]


def test_two_forms_racing_for_the_last_attempt_record_one(volunteer, final_course):
    final_course.max_attempts = 1
    final_course.save_revision().publish()
    enrollment = EnrollmentFactory(user=volunteer, course=final_course)
    tokens = [services.quiz_token_issue(enrollment=enrollment, kind=QuizAttempt.Kind.FINAL) for _ in range(2)]
    results, errors = race(
        lambda i: services.quiz_attempt_submit(enrollment=enrollment, token=tokens[i], data=QueryDict("q0=0"))
    )
    assert QuizAttempt.objects.count() == 1
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], services.LearningError)


def test_two_last_events_at_once_complete_once_and_queue_one_certificate_task(volunteer, course, lessons):
    enrollment = EnrollmentFactory(user=volunteer, course=course)
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    with mock.patch("courses.certificates.tasks.certificates_issue_task") as task:
        results, errors = race(
            lambda _i: services.lesson_complete(enrollment=Enrollment.objects.get(pk=enrollment.pk), lesson=lessons[1])
        )
    assert not errors, errors
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    task.delay.assert_called_once_with(enrollment.pk)
