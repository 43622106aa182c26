"""Reading conversations and the unread counts the dashboards show."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from accounts.models import User
from accounts.roles import ROLE_GROUP_NAMES, Role

from ..models import ConversationRead, DocumentVersion, Message, Placement
from ..policy import conversations_visible_to, documents_visible_to, is_staff


@dataclass(frozen=True)
class Attachment:
    """What a reader is shown of a message's document: its title and latest version, or only
    that it is there when the reader may no longer open it (the mentor after an unshare)."""

    title: str = ""
    version_id: int | None = None

    @property
    def visible(self) -> bool:
        return self.version_id is not None


def conversation_messages(*, placement: Placement) -> QuerySet[Message]:
    return Message.objects.filter(placement=placement).select_related("author").order_by("sent_at", "id")


def conversation_thread(*, placement: Placement, user) -> list[Message]:
    """The conversation's messages, each with `attachment` (an Attachment, or None) for this reader."""
    latest_first = DocumentVersion.objects.only("id", "document_id", "number").order_by("-number")
    thread = list(
        conversation_messages(placement=placement)
        .select_related("document")
        .prefetch_related(Prefetch("document__versions", queryset=latest_first))
    )
    attached = {m.document_id for m in thread if m.document_id}
    visible = (
        set(documents_visible_to(user, placement.case).filter(pk__in=attached).values_list("pk", flat=True))
        if attached
        else set()
    )
    for message in thread:
        message.attachment = None
        if message.document_id is None:
            continue
        versions = list(message.document.versions.all())
        if message.document_id in visible and versions:
            message.attachment = Attachment(title=message.document.title, version_id=versions[0].pk)
        else:
            message.attachment = Attachment()
    return thread


def unread_conversations_for(*, user) -> list[Placement]:
    """The user's conversations with messages from others since they last read them, each with
    `unread` set. Program staff share one inbox: for any staff member, the messages by attorneys
    and mentors since any staff member last read the conversation. One query."""
    placements = conversations_visible_to(user)
    if is_staff(user):
        readers = User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.PROGRAM_STAFF])
        authors_not_news = Q(messages__author__in=readers)
    else:
        readers = User.objects.filter(pk=user.pk)
        authors_not_news = Q(messages__author=user)
    read_at = (
        ConversationRead.objects.filter(placement=OuterRef("pk"), user__in=readers)
        .order_by("-read_at")
        .values("read_at")[:1]
    )
    unread_filter = ~authors_not_news & (Q(read_mark__isnull=True) | Q(messages__sent_at__gt=Subquery(read_at)))
    return list(
        placements.annotate(read_mark=Subquery(read_at))
        .annotate(unread=Count("messages", filter=unread_filter))
        .filter(unread__gt=0)
        .select_related("case")
        .order_by("-unread", "pk")
    )
