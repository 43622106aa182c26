"""A case's documents: the list, uploads and new versions, downloads, sharing with the mentor, deletion.

Who sees what is decided in ``mentorship.policy`` (program staff, the placed attorney, the
current mentor for what is shared); anyone else gets the audited 404. A download is always an
attachment that the browser may neither show as a page nor sniff into one.
"""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..models import Case, CaseDocument, DocumentKind, DocumentSensitivity
from ..selectors.documents import (
    DocumentBytesMissing,
    document_version_content,
    documents_for_case,
    download_filename,
    served_content_type,
)
from ..services.documents import (
    TITLE_MAX_LENGTH,
    DocumentError,
    accepted_kinds_text,
    document_delete,
    document_new_version,
    document_share,
    document_unshare,
    document_upload,
)

logger = logging.getLogger(__name__)

# What a download answers with: a file to save, which, opened anyway, may run nothing.
DOWNLOAD_CSP = "sandbox; default-src 'none'"


def _accept_attribute() -> str:
    extensions = [".pdf", ".jpg", ".jpeg", ".png", ".heic", ".heif"]
    if settings.CASE_DOCUMENT_ALLOW_OFFICE:
        extensions.append(".docx")
    return ",".join(extensions)


def _file_field() -> forms.FileField:
    limit = settings.CASE_DOCUMENT_MAX_BYTES / (1024 * 1024)
    return forms.FileField(
        label=_("File"),
        help_text=_(
            "Accepted: %(kinds)s, up to %(limit)s MB. Photos lose their location and other details; "
            "HEIC photos are kept as JPEG."
        )
        % {"kinds": accepted_kinds_text(), "limit": f"{limit:g}"},
        widget=forms.ClearableFileInput(attrs={"accept": _accept_attribute()}),
    )


class DocumentUploadForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=gettext_lazy("For example “Declaration, second draft”. Kept encrypted."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind of document"), choices=DocumentKind.choices)
    sensitivity = forms.ChoiceField(label=gettext_lazy("Sensitivity"), choices=DocumentSensitivity.choices)
    file = forms.FileField()
    shared_with_mentor = forms.BooleanField(
        label=gettext_lazy("Share with the case's mentor"),
        required=False,
        help_text=gettext_lazy("The mentor sees only the documents shared with them. You can change this later."),
    )

    def __init__(self, *args, can_share: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: its help text names the accepted kinds and the limit, in the reader's language.
        self.fields["file"] = _file_field()
        if not can_share:
            del self.fields["shared_with_mentor"]


class DocumentVersionForm(forms.Form):
    file = forms.FileField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = _file_field()


def _case_page_url(case: Case, role: str) -> str:
    if role == policy.DOCUMENTS_STAFF:
        return reverse("staff:case_detail", args=[case.pk])
    return reverse("mentorship:case_detail", args=[case.pk])


@login_required
@require_GET
def case_documents(request: HttpRequest, pk: int) -> HttpResponse:
    case, role = policy.case_documents_for_request(request, pk)
    rows = [
        {
            "document": document,
            "versions": list(document.versions.all()),
            "can_share": policy.can_share_document(request.user, document, role=role),
            "can_change": policy.can_change_document(request.user, document, role=role),
        }
        for document in documents_for_case(user=request.user, case=case)
    ]
    context = {
        "case": case,
        "rows": rows,
        "role": role,
        "case_url": _case_page_url(case, role),
        "mentor_view": role == policy.DOCUMENTS_MENTOR,
    }
    return render(request, "mentorship/documents/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def document_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    # A refused or invalid upload shows the form again; the service audits what it writes.
    case, role = policy.case_documents_for_request(request, pk, audit=request.method == "GET")
    can_share = role != policy.DOCUMENTS_MENTOR
    form = DocumentUploadForm(request.POST or None, request.FILES or None, can_share=can_share)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document_upload(
                case=case,
                by=request.user,
                file=upload,
                name=upload.name,
                size=upload.size,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                sensitivity=form.cleaned_data["sensitivity"],
                # What a mentor uploads is theirs and the attorney's to see from the start.
                shared_with_mentor=form.cleaned_data.get("shared_with_mentor", False) or not can_share,
            )
        except DocumentError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Document uploaded."))
            return redirect("mentorship:case_documents", pk=case.pk)
    if request.method == "POST":
        # The form again, with why it was refused: showing the case again is a read.
        audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=case, request=request, detail="documents")
    context = {"case": case, "form": form, "case_url": _case_page_url(case, role)}
    return render(request, "mentorship/documents/upload.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def document_version_new(request: HttpRequest, pk: int) -> HttpResponse:
    document = policy.document_for_request(request, pk, may=policy.can_change_document, audit=request.method == "GET")
    form = DocumentVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            version = document_new_version(
                document=document, by=request.user, file=upload, name=upload.name, size=upload.size
            )
        except DocumentError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Version %(number)s uploaded.") % {"number": version.number})
            return redirect("mentorship:case_documents", pk=document.case_id)
    if request.method == "POST":
        audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=document, request=request)
    return render(request, "mentorship/documents/version_form.html", {"document": document, "form": form})


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    version = policy.document_version_for_request(request, pk)
    try:
        content = document_version_content(version=version)
    except DocumentBytesMissing as exc:
        logger.error("Case document version %s: its bytes are missing from private storage.", version.pk)
        raise Http404 from exc
    response = HttpResponse(content, content_type=served_content_type(version))
    response["Content-Disposition"] = content_disposition_header(True, download_filename(version))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def _shared_set_view(request: HttpRequest, pk: int, *, shared: bool) -> HttpResponse:
    document = policy.document_for_request(request, pk, may=policy.can_share_document, audit=False)
    if shared:
        document_share(document=document, by=request.user)
        messages.success(request, _("The mentor can now see this document."))
    else:
        document_unshare(document=document, by=request.user)
        messages.success(request, _("The mentor can no longer see this document."))
    return redirect("mentorship:case_documents", pk=document.case_id)


@login_required
@require_POST
def document_share_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _shared_set_view(request, pk, shared=True)


@login_required
@require_POST
def document_unshare_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _shared_set_view(request, pk, shared=False)


@login_required
@require_http_methods(["GET", "POST"])
def document_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    document: CaseDocument = policy.document_for_request(
        request, pk, may=policy.can_change_document, audit=request.method == "GET"
    )
    if request.method == "POST":
        if request.POST.get("confirm") != "1":
            messages.error(request, _("Tick the box to confirm that the document should be deleted."))
            return redirect("mentorship:document_delete", pk=document.pk)
        document_delete(document=document, by=request.user)
        messages.success(request, _("Document deleted, with every version."))
        return redirect("mentorship:case_documents", pk=document.case_id)
    versions = document.versions.count()
    return render(request, "mentorship/documents/delete.html", {"document": document, "versions": versions})
