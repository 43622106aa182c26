"""Many tasks, some sent twice, through the real worker's processes on one queue: one result each.

CI's PostgreSQL leg runs a Celery worker with two processes reading one Redis queue (see
`.ci/run`). Certificate and reminder tasks are sent in bulk and some again before the first
copy has run, as a retried beat or a double click would; each certificate must exist once,
rendered and announced once, and each reminder be sent once, whichever process ran which copy.
"""

import datetime

import pytest
from django.utils import timezone

from courses.certificates.models import Certificate
from courses.certificates.tasks import certificates_issue_task
from mentorship.models import ReminderSent
from mentorship.tasks import reminders_send_task
from tests.factories import (
    CaseDateFactory,
    CheckInFactory,
    MentorshipFactory,
    VolunteerFactory,
    bar_admission_make,
    cle_world_make,
    completed_enrollment_make,
)

CERTIFICATES = 40
REMINDER_RUNS = 40
PAIRINGS = 10  # each with a hearing in a week: two reminders (attorney and mentor)


@pytest.mark.postgres
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_certificate_and_reminder_tasks_sent_twice_to_two_processes_do_each_thing_once():
    world = cle_world_make()
    enrollments = []
    for number in range(CERTIFICATES):
        user = VolunteerFactory()
        bar_admission_make(user=user, jurisdiction=world.ny, bar_number=f"55{number:05d}")
        enrollments.append(completed_enrollment_make(user=user, course=world.course))
    today = timezone.localdate()
    for _ in range(PAIRINGS):
        pairing = MentorshipFactory(cadence_days=30)
        CheckInFactory(mentorship=pairing, occurred_on=today)
        CaseDateFactory(case=pairing.case, date=today + datetime.timedelta(days=7))

    # Every fourth certificate and every reminder run is sent twice, back to back.
    sent = []
    for index, enrollment in enumerate(enrollments):
        copies = 2 if index % 4 == 0 else 1
        sent += [certificates_issue_task.delay(enrollment.pk) for _ in range(copies)]
    reminder_runs = [reminders_send_task.delay() for _ in range(REMINDER_RUNS)]

    certificate_results = [result.get(timeout=600) for result in sent]
    emails_sent = sum(result.get(timeout=600) for result in reminder_runs)

    assert Certificate.objects.count() == CERTIFICATES
    assert all(len(ids) == 1 for ids in certificate_results)
    assert len({ids[0] for ids in certificate_results}) == CERTIFICATES
    assert not Certificate.objects.filter(rendered_at__isnull=True).exists()
    assert not Certificate.objects.filter(emailed_at__isnull=True).exists()
    assert Certificate.objects.values("file_key").distinct().count() == CERTIFICATES

    assert ReminderSent.objects.count() == 2 * PAIRINGS
    assert emails_sent == 2 * PAIRINGS
