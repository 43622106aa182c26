"""Wagtail admin views for CLE administrators: revoke, reissue, reports, attendance record, ZIP export.

Wired in `wagtail_hooks.py` (registered admin URLs require admin access). Each view checks
its own permission; writes go through `services`, reads through `reports`.
"""

from __future__ import annotations

from functools import wraps

from allauth.account.decorators import reauthentication_required
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from accounts.audit import audit_record
from accounts.models import AuditEvent
from lms.forms import IdChoiceField

from . import reports
from .forms import ReissueForm, RevokeForm
from .models import Certificate
from .services import (
    certificate_pdf_bytes,
    certificate_reissue,
    certificate_revoke,
    certificates_issue_missing_queue,
)


def _require(request, codename: str) -> None:
    if not request.user.has_perm(f"certificates.{codename}"):
        raise PermissionDenied


class ReportFilterForm(forms.Form):
    course = IdChoiceField(queryset=None, required=False, label=gettext_lazy("Course"))
    grain = forms.ChoiceField(
        choices=[
            ("month", gettext_lazy("Month")),
            ("quarter", gettext_lazy("Quarter")),
            ("year", gettext_lazy("Year")),
        ],
        required=False,
        label=gettext_lazy("Period"),
    )
    start = forms.DateField(required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, course_required: bool = False, **kwargs):
        from courses.models import CoursePage

        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.order_by("title")
        self.fields["course"].required = course_required


def _csv(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def activity_report(request):
    _require(request, "view_cle_reports")
    form = ReportFilterForm(request.GET or None)
    rows, grain = [], "month"
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if form.is_bound else {}
        grain = data.get("grain") or "month"
        course = data.get("course")
        rows = reports.activity_by_course_and_period(
            grain=grain, start=data.get("start"), end=data.get("end"), course_id=course.pk if course else None
        )
    if request.GET.get("export") == "csv" and (form.is_valid() or not request.GET):
        audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, object_type="cle.activity", request=request)
        return _csv(reports.activity_csv(rows=rows, grain=grain), f"cle-activity-{grain}.csv")
    return TemplateResponse(
        request,
        "certificates/admin/activity.html",
        {"form": form, "rows": rows, "grain": grain, "query": request.GET.urlencode(), "title": _("CLE activity")},
    )


def _exporting(request) -> bool:
    return request.GET.get("export") in {"csv", "zip"}


def _permission_first(codename: str):
    # Refuse before the password confirmation: asking for it would tell them the export exists.
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            _require(request, codename)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Listing attorneys by name and bar number is a bulk export of personal data: confirm the password first.
@_permission_first("view_cle_reports")
@reauthentication_required(enabled=_exporting)
def attendance_report(request):
    form = ReportFilterForm(request.GET or None, course_required=True)
    rows = []
    if form.is_valid():
        course = form.cleaned_data["course"]
        rows = reports.attendance_record(
            course_id=course.pk, start=form.cleaned_data.get("start"), end=form.cleaned_data.get("end")
        )
        if request.GET.get("export") == "csv":
            audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, obj=course, request=request)
            return _csv(reports.attendance_csv(rows=rows), f"cle-attendance-record-course-{course.pk}.csv")
        if request.GET.get("export") == "zip":
            content, _count = reports.course_certificates_zip(course_id=course.pk)
            audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, obj=course, request=request, detail="zip")
            response = HttpResponse(content, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="cle-certificates-course-{course.pk}.zip"'
            response["X-Content-Type-Options"] = "nosniff"
            return response
    return TemplateResponse(
        request,
        "certificates/admin/attendance.html",
        {"form": form, "rows": rows, "query": request.GET.urlencode(), "title": _("CLE attendance record")},
    )


@require_POST
def course_certificates_issue_missing(request, course_id: int):
    """Queue the (idempotent) issue task for every completed enrolment of a course: certificates
    for attorneys who have since added a bar admission appear; existing ones are untouched."""
    _require(request, "reissue_certificate")
    from courses.models import CoursePage

    course = get_object_or_404(CoursePage, pk=course_id)
    queued = certificates_issue_missing_queue(course_id=course.pk)
    audit_record(
        actor=request.user, action=AuditEvent.Action.CREATE, obj=course, request=request, detail="issue missing"
    )
    messages.success(request, _("Checked %(count)s completed enrolments for missing certificates.") % {"count": queued})
    return redirect(reverse("certificates_cle:attendance") + f"?course={course.pk}")


def certificate_revoke_view(request, pk: int):
    _require(request, "revoke_certificate")
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate_revoke(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"], request=request
        )
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.display_code})
        return redirect("certificates_admin:index")
    return TemplateResponse(
        request,
        "certificates/admin/action.html",
        {"form": form, "certificate": certificate, "title": _("Revoke certificate"), "danger": True},
    )


def certificate_reissue_view(request, pk: int):
    _require(request, "reissue_certificate")
    certificate = get_object_or_404(Certificate, pk=pk)
    form = ReissueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if certificate.status != Certificate.Status.VALID:
            form.add_error(None, _("Only a valid certificate can be corrected."))
        else:
            new = certificate_reissue(
                certificate=certificate,
                by=request.user,
                reason=form.cleaned_data["reason"],
                attorney_name=form.cleaned_data["attorney_name"],
                bar_number=form.cleaned_data["bar_number"],
                request=request,
            )
            messages.success(
                request,
                _("Version %(version)s issued as %(code)s; %(old)s is now superseded.")
                % {"version": new.version, "code": new.display_code, "old": certificate.display_code},
            )
            return redirect("certificates_admin:index")
    return TemplateResponse(
        request,
        "certificates/admin/action.html",
        {"form": form, "certificate": certificate, "title": _("Correct and reissue certificate"), "danger": False},
    )


def certificate_pdf_view(request, pk: int):
    _require(request, "view_certificate")
    certificate = get_object_or_404(Certificate, pk=pk)
    audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, obj=certificate, request=request)
    response = HttpResponse(certificate_pdf_bytes(certificate=certificate), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="cle-certificate-{certificate.code}-v{certificate.version}.pdf"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def certificate_action_links(certificate: Certificate) -> list[tuple[str, str]]:
    links = [(_("PDF"), reverse("certificates_cle:pdf", args=[certificate.pk]))]
    if certificate.status == Certificate.Status.VALID:
        links.append((_("Correct and reissue"), reverse("certificates_cle:reissue", args=[certificate.pk])))
        links.append((_("Revoke"), reverse("certificates_cle:revoke", args=[certificate.pk])))
    return links
