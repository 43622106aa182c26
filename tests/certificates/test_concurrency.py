"""Idempotency under real concurrency (PostgreSQL) and through a real Celery worker."""

import threading

import pytest
from django.core import mail
from django.db import connection

from courses.certificates import services
from courses.certificates.models import Certificate
from courses.certificates.tasks import certificates_issue_task
from tests.factories import VolunteerFactory, bar_admission_make, cle_world_make, completed_enrollment_make


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_completions_racing_yield_one_certificate_one_file_one_email(private_storage, monkeypatch):
    world = cle_world_make()
    user = VolunteerFactory()
    bar_admission_make(user=user, jurisdiction=world.ny)
    enrollment = completed_enrollment_make(user=user, course=world.course)

    # Both workers pass the "does it exist yet?" look before either inserts: the race the
    # unique constraint has to settle.
    barrier = threading.Barrier(2, timeout=20)
    original_new_code = services._new_code

    attempts = []

    def new_code_after_both_looked():
        attempts.append(1)
        barrier.wait()
        return original_new_code()

    monkeypatch.setattr(services, "_new_code", new_code_after_both_looked)
    results, errors = [], []

    def complete():
        try:
            results.append(certificates_issue_task.apply(args=[enrollment.pk]).get())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert len(attempts) == 2  # both really tried to insert
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert results == [[certificate.pk], [certificate.pk]]
    assert len(list(private_storage.rglob("*.pdf"))) == 1
    assert len(mail.outbox) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_certificate_issued_through_a_real_worker():
    world = cle_world_make()
    user = VolunteerFactory()
    bar_admission_make(user=user, jurisdiction=world.ny)
    enrollment = completed_enrollment_make(user=user, course=world.course)
    first = certificates_issue_task.delay(enrollment.pk).get(timeout=120)
    second = certificates_issue_task.delay(enrollment.pk).get(timeout=120)
    assert first == second
    certificate = Certificate.objects.get()
    assert first == [certificate.pk]
    assert certificate.rendered_at is not None and certificate.file_key
    assert certificate.emailed_at is not None
