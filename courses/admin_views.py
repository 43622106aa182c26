"""Wagtail admin views for courses: the anonymous course evaluation report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import evaluations

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
