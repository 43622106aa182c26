"""Wagtail admin views for courses: the anonymous course evaluation report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import evaluations, sessions

# Whoever may read the CLE reports (content editors, the CLE administrators) reads this one too.
EVALUATION_REPORT_PERMISSION = "certificates.view_cle_reports"


def evaluation_report(request):
    if not request.user.has_perm(EVALUATION_REPORT_PERMISSION):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "courses/admin/evaluations.html",
        {
            "rows": evaluations.evaluation_report(),
            "minimum": evaluations.EVALUATION_MIN_RESPONSES,
            "title": _("Course evaluations"),
        },
    )


def session_attendance_report(request):
    """Who registered for each live session and what was recorded of their attendance (for the faculty)."""
    if not request.user.has_perm(EVALUATION_REPORT_PERMISSION):
        raise PermissionDenied
    choices = sessions.sessions_for_report()
    selected = None
    session_id = request.GET.get("session", "")
    if session_id.isdigit():
        selected = next((session for session in choices if session.pk == int(session_id)), None)
    return TemplateResponse(
        request,
        "courses/admin/session_attendance.html",
        {
            "choices": choices,
            "selected": selected,
            "registrations": sessions.session_attendance(session=selected) if selected else [],
            "title": _("Live session attendance"),
        },
    )
