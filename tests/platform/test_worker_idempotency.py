"""Many tasks, some sent twice, to two worker processes on one queue: one result each.

The test starts its own Celery worker (two processes, prefork, warm: no fresh process per task)
on a queue of its own in Redis, reading this test's database. Certificate and reminder tasks
are sent in bulk and some again before the first copy has run, as a retried beat or a double
click would; each certificate must exist once, rendered and announced once, and each reminder
be sent once, whichever process ran which copy.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
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

CERTIFICATES = 200
REMINDER_RUNS = 200
PAIRINGS = 10  # each with a hearing in a week: two reminders (attorney and mentor)


ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_queue(tmp_path):
    """A Celery worker of two processes consuming a queue only this test sends to."""
    queue = f"idempotency-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "PRIVATE_STORAGE_ROOT": str(settings.PRIVATE_STORAGE_ROOT),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "celery"),
                "-A",
                "lms",
                "worker",
                "-Q",
                queue,
                "-n",
                f"{queue}@%h",
                "--concurrency=2",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        yield queue
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_certificate_and_reminder_tasks_sent_twice_to_two_processes_do_each_thing_once(worker_queue):
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
        sent += [certificates_issue_task.apply_async((enrollment.pk,), queue=worker_queue) for _ in range(copies)]
    reminder_runs = [reminders_send_task.apply_async(queue=worker_queue) for _ in range(REMINDER_RUNS)]

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
