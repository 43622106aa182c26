"""The private calendar feed (ICS) and the page where a user creates or revokes it.

The feed is read by calendar apps without a session, so the secret in its URL is the only
key: only its SHA-256 is stored, a new one revokes the old, and every read is audited.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from icalendar import Calendar, Event

from accounts.audit import audit_record
from accounts.models import AuditEvent
from accounts.services import recipient_language

from ..forms import CalendarFeedDetailForm
from ..models import CalendarFeedToken
from ..selectors.checkins import calendar_events_for
from ..services.reminders import (
    calendar_feed_create,
    calendar_feed_revoke,
    calendar_feed_set_detail,
    calendar_token_hash,
)

UID_DOMAIN = "probono-academy"


def _ics(events, *, now: datetime.datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Pro Bono Academy//Calendar feed//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Pro Bono Academy")
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{UID_DOMAIN}")
        event.add("dtstamp", now)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + datetime.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    if len(token) > 100:
        raise Http404
    feed = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token_hash=calendar_token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is None:
        audit_record(actor=None, action=AuditEvent.Action.DENIED, object_type="mentorship.calendarfeedtoken",
                     request=request)  # fmt: skip
        raise Http404
    audit_record(actor=feed.user, action=AuditEvent.Action.READ, obj=feed, request=request, detail="calendar feed")
    # A calendar app sends no session and its own Accept-Language: the feed speaks the
    # language its owner chose.
    with recipient_language(user=feed.user):
        events = calendar_events_for(user=feed.user, show_date_kinds=feed.show_date_kinds)
        body = _ics(events, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="probono-academy.ics"'
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """Create, replace or revoke the user's feed. The secret URL is shown once, right after creation."""
    new_url = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            token = calendar_feed_create(user=request.user)
            new_url = request.build_absolute_uri(reverse("mentorship:calendar_feed", args=[token]))
        elif action == "detail":
            form = CalendarFeedDetailForm(request.POST)
            if form.is_valid():
                shown = form.cleaned_data["show_date_kinds"]
                if calendar_feed_set_detail(user=request.user, show_date_kinds=shown):
                    messages.success(
                        request,
                        _("Your feed now names the kind of each date.")
                        if shown
                        else _("Your feed now says only “Case date”."),
                    )
            return redirect("mentorship:calendar_settings")
        elif action == "revoke":
            calendar_feed_revoke(user=request.user)
            messages.success(
                request, _("Your calendar feed is switched off. Calendar apps using it will stop updating.")
            )
            return redirect("mentorship:calendar_settings")
    active = (
        CalendarFeedToken.objects.filter(user=request.user, revoked_at__isnull=True).order_by("-created_at").first()
    )
    detail_form = CalendarFeedDetailForm(initial={"show_date_kinds": bool(active and active.show_date_kinds)})
    return render(
        request,
        "mentorship/checkins/calendar.html",
        {"active": active, "new_url": new_url, "detail_form": detail_form},
    )
