"""Reminder and digest emails, each sent at most once per due item and threshold.

Every email says only that something is due or new, with a link to sign in: never a case
reference, client detail, date or note (S18). Idempotency rests on the unique constraint of
``ReminderSent``: the row is inserted first and the email goes out only if the insert won,
so two runs of the beat task, or two workers at once, send one email.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditEvent, User
from accounts.roles import ROLE_GROUP_NAMES, Role

from .. import policy
from ..models import (
    CalendarFeedToken,
    Case,
    CaseDate,
    CaseStatus,
    ReminderSent,
)
from ..selectors.matching import fitting_attorney_counts

logger = logging.getLogger(__name__)

KIND_CHECKIN = "checkin_overdue"
KIND_CASE_DATE = "case_date"
KIND_DIGEST = "case_digest"
THRESHOLD_OVERDUE = "overdue"
THRESHOLD_7_DAYS = "7d"
THRESHOLD_1_DAY = "1d"
THRESHOLD_WEEKLY = "weekly"
DIGEST_NEW_WITHIN_DAYS = 7


def _absolute(route: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(route)


def email_update(*, user: User, subject: str, message: str, route: str = "dashboard") -> None:
    """One short email in the user's language: a sentence and a sign-in link, nothing else."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        body = render_to_string(
            "mentorship/emails/update.txt",
            {"message": message, "url": _absolute(route), "site_name": settings.SITE_NAME},
        )
        send_mail(f"[{settings.SITE_NAME}] {subject}", body, None, [user.email], fail_silently=False)


def staff_users():
    return User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.PROGRAM_STAFF], is_active=True).distinct()


def email_staff_update(*, subject: str) -> None:
    """Tell program staff that something needs a look; sent after the surrounding commit."""
    recipients = list(staff_users())

    def send() -> None:
        for user in recipients:
            try:
                email_update(
                    user=user, subject=subject, message=_("Something needs your attention."), route="dashboard"
                )
            except OSError:
                logger.warning("staff update email failed for user %s", user.pk)

    transaction.on_commit(send)


def reminder_claim(*, kind: str, object_key: str, threshold: str, recipient: User) -> bool:
    """Insert the reminder row; True only for the one caller whose insert succeeded."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, object_key=object_key, threshold=threshold, recipient=recipient)
    except IntegrityError:
        return False
    return True


def reminder_release(*, kind: str, object_key: str, threshold: str, recipient: User) -> None:
    ReminderSent.objects.filter(kind=kind, object_key=object_key, threshold=threshold, recipient=recipient).delete()


@dataclass(frozen=True)
class DueItem:
    kind: str
    object_key: str
    threshold: str
    recipients: tuple[User, ...]


def _checkin_items(today: datetime.date) -> list[DueItem]:
    from ..selectors.checkins import mentorship_health, mentorships_with_health_data

    items = []
    for mentorship in mentorships_with_health_data(policy.mentorships_current()):
        # Only those who may log the check-in hear it is due: never a former mentor (policy).
        people = tuple(
            u for u in (mentorship.mentor, mentorship.mentee) if policy.may_be_reminded_of_checkin(u, mentorship)
        )
        if not people:
            continue
        health = mentorship_health(mentorship=mentorship, today=today)
        if health.next_due < today:
            # The due date is part of the key: once a check-in is logged, the next due date is a new item.
            key = f"mentorship:{mentorship.pk}:{health.next_due.isoformat()}"
            items.append(DueItem(KIND_CHECKIN, key, THRESHOLD_OVERDUE, people))
    return items


def _case_date_items(today: datetime.date) -> list[DueItem]:
    items = []
    dates = CaseDate.objects.filter(
        date__gte=today, date__lte=today + datetime.timedelta(days=7), case__status=CaseStatus.PLACED
    ).select_related("case")
    for case_date in dates:
        days_left = (case_date.date - today).days
        threshold = THRESHOLD_1_DAY if days_left <= 1 else THRESHOLD_7_DAYS
        key = f"casedate:{case_date.pk}:{case_date.date.isoformat()}"
        items.append(DueItem(KIND_CASE_DATE, key, threshold, tuple(policy.people_reminded_of_case(case_date.case))))
    return items


_MESSAGES = {
    KIND_CHECKIN: (
        lambda: _("A mentoring check-in is due"),
        lambda: _("A mentoring check-in is due. Sign in to see which one and to log it."),
    ),
    KIND_CASE_DATE: (
        lambda: _("A date is coming up"),
        lambda: _("A date on one of your cases is coming up. Sign in to see it."),
    ),
}


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send every reminder now due, once per item, threshold and person; returns emails sent."""
    today = today or timezone.localdate()
    sent = 0
    for item in _checkin_items(today) + _case_date_items(today):
        for recipient in item.recipients:
            if not reminder_claim(
                kind=item.kind, object_key=item.object_key, threshold=item.threshold, recipient=recipient
            ):
                continue
            subject, message = _MESSAGES[item.kind]
            try:
                with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
                    email_update(user=recipient, subject=subject(), message=message())
            except OSError:  # smtplib errors are OSErrors too
                # Give the claim back so the next run tries again, and carry on with the others.
                reminder_release(
                    kind=item.kind, object_key=item.object_key, threshold=item.threshold, recipient=recipient
                )
                logger.warning("reminder email failed: kind=%s recipient=%s", item.kind, recipient.pk)
                continue
            sent += 1
    return sent


# ---------------------------------------------------------------------------
# The weekly digest of new cases that may fit an attorney


def fitting_new_case_counts(*, today: datetime.date) -> dict[int, int]:
    """Attorney id → number of cases opened for placement in the last week that fit them
    (every hard constraint of matching, as staff's suggestions apply them)."""
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=DIGEST_NEW_WITHIN_DAYS), datetime.time.min)
    )
    new_case_ids = list(
        Case.objects.filter(status=CaseStatus.SEEKING, created_at__gte=since).values_list("pk", flat=True)
    )
    if not new_case_ids:
        return {}
    return fitting_attorney_counts(case_ids=new_case_ids)


def case_digest_send(*, today: datetime.date | None = None) -> int:
    """The weekly digest: how many new cases may fit, never which ones; once per attorney and week."""
    today = today or timezone.localdate()
    year, week, _weekday = today.isocalendar()
    week_key = f"{year}-W{week:02d}"
    sent = 0
    counts = fitting_new_case_counts(today=today)
    for user in User.objects.filter(pk__in=counts.keys()):
        if not reminder_claim(kind=KIND_DIGEST, object_key=week_key, threshold=THRESHOLD_WEEKLY, recipient=user):
            continue
        try:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                message = translation.ngettext(
                    "%(count)d new case that may fit you is looking for an attorney. Sign in to browse open cases.",
                    "%(count)d new cases that may fit you are looking for an attorney. Sign in to browse open cases.",
                    counts[user.pk],
                ) % {"count": counts[user.pk]}
                email_update(
                    user=user, subject=_("New cases this week"), message=message, route="mentorship:open_cases"
                )
        except OSError:  # smtplib errors are OSErrors too
            reminder_release(kind=KIND_DIGEST, object_key=week_key, threshold=THRESHOLD_WEEKLY, recipient=user)
            logger.warning("digest email failed: recipient=%s", user.pk)
            continue
        sent += 1
    return sent


# ---------------------------------------------------------------------------
# Private calendar feeds: the reminders, in the user's own calendar app


def calendar_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def calendar_feed_create(*, user: User) -> str:
    """A new feed secret for the user; any earlier feed stops working. Returns the secret once.

    A new address keeps the detail choice of the feed it replaces; a feed created after the
    last one was switched off starts without the kinds of date."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        now = timezone.now()
        current = list(CalendarFeedToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
        CalendarFeedToken.objects.filter(pk__in=[feed.pk for feed in current]).update(revoked_at=now)
        feed = CalendarFeedToken.objects.create(
            user=user,
            token_hash=calendar_token_hash(token),
            created_at=now,
            show_date_kinds=any(old.show_date_kinds for old in current),
        )
        audit_record(actor=user, action=AuditEvent.Action.CREATE, obj=feed)
    return token


def calendar_feed_set_detail(*, user: User, show_date_kinds: bool) -> int:
    """The owner's choice: name the kind of each date in their feed, or only "Case date".
    Applies to the active feed (none: nothing to change); returns the feeds changed."""
    with transaction.atomic():
        count = CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).update(
            show_date_kinds=show_date_kinds
        )
        if count:
            audit_record(
                actor=user,
                action=AuditEvent.Action.CHANGE,
                object_type="mentorship.calendarfeedtoken",
                detail="date kinds shown" if show_date_kinds else "date kinds hidden",
            )
    return count


def calendar_feed_revoke(*, user: User) -> int:
    with transaction.atomic():
        count = CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        if count:
            audit_record(
                actor=user,
                action=AuditEvent.Action.CHANGE,
                object_type="mentorship.calendarfeedtoken",
                detail="revoked",
            )
    return count
