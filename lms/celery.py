"""The Celery application and the periodic schedule (beat), defined in code."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "send-due-reminders": {
        "task": "mentorship.tasks.reminders_send_task",
        "schedule": crontab(minute=0, hour="*/1"),
    },
    # Hourly, so a date entered late is heard of within the hour; each email goes out once.
    "send-deadline-watch": {
        "task": "mentorship.tasks.deadline_watch_send_task",
        "schedule": crontab(minute=10, hour="*/1"),
    },
    "expire-stale-offers": {
        "task": "mentorship.tasks.offers_expire_task",
        "schedule": crontab(minute="*/15"),
    },
    "send-weekly-case-digest": {
        "task": "mentorship.tasks.case_digest_send_task",
        "schedule": crontab(minute=0, hour=8, day_of_week="mon"),
    },
    "purge-case-details-past-retention": {
        "task": "mentorship.tasks.case_retention_purge_task",
        "schedule": crontab(minute=45, hour=3),
    },
    "purge-expired-sessions": {
        "task": "accounts.tasks.sessions_purge_task",
        "schedule": crontab(minute=30, hour=3),
    },
}
