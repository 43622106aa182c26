"""What mentorship adds to the account page and to a new attorney's first steps (see mentorship/apps.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import AttorneyLanguage, CalendarFeedToken

if TYPE_CHECKING:
    from django.http import HttpRequest

    from accounts.models import User


def attorney_has_languages(user: User) -> bool:
    return AttorneyLanguage.objects.filter(profile__user=user).exists()


def calendar_feed_active_for(*, user: User) -> CalendarFeedToken | None:
    return CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at").first()


def account_sections_for(*, request: HttpRequest) -> list[tuple[str, dict]]:
    """The private calendar feed: whether one is on, how to subscribe, and a new address."""
    user = request.user
    if not user.is_authenticated:
        return []
    return [("mentorship/account_calendar_section.html", {"feed": calendar_feed_active_for(user=user)})]
