"""Writing check-ins, the pairing rating and the mentoring plan (goals).

A check-in that asks for staff attention, or a pairing rated as not working, flags the
mentorship for staff: its health turns to "needs attention" and staff get an email that
says only that something needs a look.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from .. import policy
from ..models import CheckIn, CheckInMode, MentoringGoal, Mentorship
from ..selectors.checkins import POOR_RATING
from .reminders import email_staff_update

CHECKIN_TOPICS = [
    ("strategy", gettext_lazy("Case strategy and theory")),
    ("evidence", gettext_lazy("Evidence and declarations")),
    ("client", gettext_lazy("Working with the client (trauma-informed practice)")),
    ("interpreter", gettext_lazy("Interpreters and language access")),
    ("filing", gettext_lazy("Filings and deadlines")),
    ("hearing", gettext_lazy("Hearing or interview preparation")),
    ("ethics", gettext_lazy("Ethics and confidentiality")),
    ("wellbeing", gettext_lazy("Well-being and secondary trauma")),
    ("other", gettext_lazy("Other")),
]
TOPIC_VALUES = {value for value, _label in CHECKIN_TOPICS}
MAX_MINUTES = 24 * 60


class CheckInError(ValidationError):
    pass


def _check_fields(
    *, mentorship: Mentorship, occurred_on: datetime.date, mode: str, topics: list[str], minutes: int,
    next_steps: str, notes: str,
) -> None:  # fmt: skip
    if occurred_on > timezone.localdate():
        raise CheckInError(_("A check-in cannot be in the future."))
    if occurred_on < timezone.localtime(mentorship.started_at).date() - datetime.timedelta(days=1):
        raise CheckInError(_("A check-in cannot be before the mentorship started."))
    if mode not in CheckInMode.values:
        raise CheckInError(_("Choose how you met."))
    if any(topic not in TOPIC_VALUES for topic in topics):
        raise CheckInError(_("Unknown topic."))
    if not 0 <= minutes <= MAX_MINUTES:
        raise CheckInError(_("Minutes must be between 0 and %(max)d.") % {"max": MAX_MINUTES})
    # A check-in resets the pairing's cadence: an empty Save (the form comes prefilled) would
    # mark an overdue pairing as on track without anything having been recorded.
    if not topics and not next_steps.strip() and not notes.strip():
        raise CheckInError(
            _("Say what the check-in covered: tick at least one topic, or write next steps or a private note.")
        )


def checkin_log(
    *,
    mentorship: Mentorship,
    by: User,
    occurred_on: datetime.date,
    mode: str,
    topics: list[str],
    minutes: int,
    next_steps: str = "",
    needs_staff_attention: bool = False,
    notes: str = "",
) -> CheckIn:
    """The mentor or the mentee records a check-in that happened (not in the future)."""
    if not policy.can_log_checkin(by, mentorship):
        raise CheckInError(_("You cannot log a check-in for this mentorship."))
    _check_fields(
        mentorship=mentorship, occurred_on=occurred_on, mode=mode, topics=topics, minutes=minutes,
        next_steps=next_steps, notes=notes,
    )  # fmt: skip
    with transaction.atomic():
        checkin = CheckIn.objects.create(
            mentorship=mentorship,
            logged_by=by,
            occurred_on=occurred_on,
            mode=mode,
            topics=sorted(set(topics)),
            minutes=minutes,
            next_steps=next_steps.strip(),
            needs_staff_attention=needs_staff_attention,
            notes=notes.strip(),
        )
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=checkin)
        if needs_staff_attention:
            email_staff_update(subject=_("A mentorship needs staff attention"))
    return checkin


def checkin_update(
    *,
    checkin: CheckIn,
    by: User,
    occurred_on: datetime.date,
    mode: str,
    topics: list[str],
    minutes: int,
    next_steps: str = "",
    needs_staff_attention: bool = False,
    notes: str = "",
) -> CheckIn:
    """The author corrects their check-in, within ``policy.CHECKIN_CHANGE_DAYS`` of logging it."""
    if not policy.can_change_checkin(by, checkin):
        raise CheckInError(_("Only its author can change a check-in, within %(days)d days of logging it.") % {
            "days": policy.CHECKIN_CHANGE_DAYS
        })  # fmt: skip
    _check_fields(
        mentorship=checkin.mentorship, occurred_on=occurred_on, mode=mode, topics=topics, minutes=minutes,
        next_steps=next_steps, notes=notes,
    )  # fmt: skip
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=checkin.pk)
        newly_flagged = needs_staff_attention and not locked.needs_staff_attention
        locked.occurred_on, locked.mode, locked.topics, locked.minutes = occurred_on, mode, sorted(set(topics)), minutes
        locked.next_steps, locked.notes = next_steps.strip(), notes.strip()
        locked.needs_staff_attention = needs_staff_attention
        locked.save()
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="check-in edited")
        if newly_flagged:
            email_staff_update(subject=_("A mentorship needs staff attention"))
    return locked


def checkin_delete(*, checkin: CheckIn, by: User) -> None:
    """The author removes a check-in logged by mistake, within ``policy.CHECKIN_CHANGE_DAYS``."""
    if not policy.can_change_checkin(by, checkin):
        raise CheckInError(_("Only its author can delete a check-in, within %(days)d days of logging it.") % {
            "days": policy.CHECKIN_CHANGE_DAYS
        })  # fmt: skip
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().filter(pk=checkin.pk).first()
        if locked is None:
            raise CheckInError(_("This check-in was already deleted."))
        audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=locked)
        locked.delete()


def checkin_rate(*, checkin: CheckIn, by: User, rating: int) -> CheckIn:
    """The one-question pairing rating (1 = not working at all, 5 = working very well)."""
    if not policy.can_edit_checkin(by, checkin) or not policy.can_log_checkin(by, checkin.mentorship):
        raise CheckInError(_("You cannot rate this check-in."))
    if not 1 <= rating <= 5:
        raise CheckInError(_("Choose a rating from 1 to 5."))
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=checkin.pk)
        was_poor = locked.pairing_rating is not None and locked.pairing_rating <= POOR_RATING
        locked.pairing_rating = rating
        locked.save(update_fields=["pairing_rating"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, detail="pairing rated")
        if rating <= POOR_RATING and not was_poor:
            email_staff_update(subject=_("A mentorship needs staff attention"))
    return locked


def goal_create(*, mentorship: Mentorship, by: User, title: str, due_on: datetime.date | None) -> MentoringGoal:
    """Add a goal to the mentoring plan (the pair or staff)."""
    if not policy.can_change_plan(by, mentorship):
        raise CheckInError(_("You cannot change this mentoring plan."))
    title = " ".join(title.split())
    if not title:
        raise CheckInError(_("Give the goal a title."))
    with transaction.atomic():
        goal = MentoringGoal.objects.create(mentorship=mentorship, title=title[:200], due_on=due_on)
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=goal)
    return goal


def goal_set_done(*, goal: MentoringGoal, by: User, done: bool) -> MentoringGoal:
    if not policy.can_change_plan(by, goal.mentorship):
        raise CheckInError(_("You cannot change this mentoring plan."))
    with transaction.atomic():
        goal.done = done
        goal.done_at = timezone.now() if done else None
        goal.save(update_fields=["done", "done_at"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=goal, detail="done" if done else "reopened")
    return goal
