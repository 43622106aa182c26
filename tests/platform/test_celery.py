from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.tasks import sessions_purge_task
from lms.celery import app


def test_beat_schedule_is_defined_in_code_and_names_real_tasks():
    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule
    assert schedule, "no periodic tasks"
    for entry in schedule.values():
        assert entry["task"] in app.tasks, entry["task"]


def test_tasks_that_write_ack_late():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_runs_on_a_real_worker_against_redis():
    expired = Session.objects.create(
        session_key="expired-session-key-for-worker-test",
        session_data="e30=",
        expire_date=timezone.now() - timedelta(days=1),
    )
    live = Session.objects.create(
        session_key="live-session-key-for-worker-test",
        session_data="e30=",
        expire_date=timezone.now() + timedelta(days=1),
    )
    result = sessions_purge_task.delay()
    assert not app.conf.task_always_eager
    result.get(timeout=60)
    assert result.successful()
    assert not Session.objects.filter(pk=expired.pk).exists()
    assert Session.objects.filter(pk=live.pk).exists()
