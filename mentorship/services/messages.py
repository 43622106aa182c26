"""Conversations on a placement: sending a message, marking a conversation read."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.audit import audit_record
from accounts.models import AuditEvent, User

from ..models import CaseDocument, ConversationRead, Mentorship, MentorshipStatus, Message, Placement
from ..policy import documents_visible_to
from .offers import _notify

MESSAGE_MAX_LENGTH = 5000


class MessageError(ValueError):
    """A message that cannot be sent as written; the text says why."""


def conversation_participants(placement: Placement) -> list[User]:
    """Who is told of a new message: the placed attorney and the current mentor (staff read
    conversations from their own area and are not emailed for each one)."""
    people = [placement.attorney]
    people += [
        m.mentor
        for m in Mentorship.objects.filter(placement=placement, status=MentorshipStatus.ACTIVE).select_related("mentor")
    ]
    return [person for person in people if person.is_active]


def attachable_documents(*, placement: Placement, user: User):
    """The case documents the user may attach to a message: those they may see that are shared
    with the mentor, so that everyone in the conversation can open what the message points to."""
    return documents_visible_to(user, placement.case).filter(shared_with_mentor=True)


def message_send(*, placement: Placement, author: User, body: str, document: CaseDocument | None = None) -> Message:
    """Add a message to the conversation and tell the others only that there is one: the text
    never goes into an email. ``document`` points the message to one of the case's documents."""
    body = body.strip()
    if not body:
        raise MessageError(_("Write a message first."))
    if len(body) > MESSAGE_MAX_LENGTH:
        raise MessageError(_("A message can be at most %(n)s characters.") % {"n": MESSAGE_MAX_LENGTH})
    with transaction.atomic():
        locked = Placement.objects.select_for_update().select_related("case").get(pk=placement.pk)
        if locked.closed_at is not None:
            raise MessageError(_("This placement has ended; its conversation is closed."))
        if (
            document is not None
            and not attachable_documents(placement=locked, user=author).filter(pk=document.pk).exists()
        ):
            raise MessageError(
                _("Only a document of this case that is shared with the mentor can be attached: share it first.")
            )
        message = Message.objects.create(placement=locked, author=author, body=body, document=document)
        conversation_mark_read(placement=locked, user=author, at=message.sent_at)
        audit_record(
            actor=author,
            action=AuditEvent.Action.CREATE,
            obj=message,
            detail=f"document={document.pk}" if document is not None else "",
        )
        for person in conversation_participants(locked):
            if person.pk != author.pk:
                _notify(user=person, subject=gettext_lazy("You have a new message"), route="dashboard")
    return message


def conversation_mark_read(*, placement: Placement, user: User, at=None) -> None:
    """Everything sent up to `at` (now) counts as read by the user; never moves the mark back."""
    at = at or timezone.now()
    updated = ConversationRead.objects.filter(placement=placement, user=user, read_at__lt=at).update(read_at=at)
    if updated or ConversationRead.objects.filter(placement=placement, user=user).exists():
        return
    try:
        with transaction.atomic():
            ConversationRead.objects.create(placement=placement, user=user, read_at=at)
    except IntegrityError:
        # Two tabs opening the conversation at once: the other one created the mark.
        ConversationRead.objects.filter(placement=placement, user=user, read_at__lt=at).update(read_at=at)
