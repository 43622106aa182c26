"""Reading conversations and the unread counts the dashboards show."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from ..models import ConversationRead, Message, Placement
from ..policy import conversations_visible_to, is_staff


def conversation_messages(*, placement: Placement) -> QuerySet[Message]:
    return Message.objects.filter(placement=placement).select_related("author").order_by("sent_at", "id")


def unread_conversations_for(*, user) -> list[Placement]:
    """The user's conversations with messages from others since they last read them, each with
    `unread` set; staff count only the conversations they have written in. One query."""
    placements = conversations_visible_to(user)
    if is_staff(user):
        placements = placements.filter(pk__in=Message.objects.filter(author=user).values("placement_id"))
    read_at = ConversationRead.objects.filter(placement=OuterRef("pk"), user=user).values("read_at")[:1]
    unread_filter = ~Q(messages__author=user) & (Q(read_mark__isnull=True) | Q(messages__sent_at__gt=Subquery(read_at)))
    return list(
        placements.annotate(read_mark=Subquery(read_at))
        .annotate(unread=Count("messages", filter=unread_filter))
        .filter(unread__gt=0)
        .select_related("case")
        .order_by("-unread", "pk")
    )
