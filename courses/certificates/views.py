"""Certificate pages: public verification, the attorney's certificates and CLE transcript."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.audit import audit_record
from accounts.models import AuditEvent
from home.page_cache import public_cache_guarded, public_cache_mark

from . import selectors, transcripts
from .forms import TranscriptForm, VerifyForm
from .ratelimit import verification_allowed, verification_miss_record
from .services import certificate_pdf_bytes


def _too_many(request):
    return render(request, "429.html", status=429)


@require_GET
def verify_form(request):
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


@public_cache_guarded(namespace="verify", admit=verification_allowed)
@require_GET
def verify(request, code: str):
    # For a visitor without a session the page cache has asked already (and counted the lookup);
    # asked again about the same request, the limit gives the same answer without a second count.
    if not verification_allowed(request=request):
        return _too_many(request)
    return public_cache_mark(_verification(request, code))


def _verification(request, code: str):
    certificate = selectors.certificate_for_verification(code=code)
    if certificate is None:
        verification_miss_record(request=request)
        raise Http404(_("No certificate has that code."))
    superseded_on = None
    if certificate.superseded_by is not None:
        superseded_on = certificate.superseded_by.issued_at.date()
    context = {
        "certificate": certificate,
        "facts": selectors.verification_facts(certificate=certificate),
        "superseded_on": superseded_on,
    }
    return render(request, "certificates/verify.html", context)


@login_required
@require_GET
def my_certificates(request):
    context = {
        "certificates": selectors.certificates_for_user(user=request.user),
        "missing_admissions": transcripts.accredited_jurisdictions_without_admission(user=request.user),
    }
    return render(request, "certificates/mine.html", context)


def _attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_download(request, pk: int):
    certificate = get_object_or_404(selectors.certificate_for_owner(user=request.user, pk=pk))
    content = certificate_pdf_bytes(certificate=certificate)
    audit_record(actor=request.user, action=AuditEvent.Action.EXPORT, obj=certificate, request=request)
    return _attachment(
        content,
        content_type="application/pdf",
        filename=f"cle-certificate-{certificate.code}-v{certificate.version}.pdf",
    )


def _transcript_context(request):
    options = transcripts.transcript_options(user=request.user)
    form = TranscriptForm(request.GET or None, periods=transcripts.period_choices(options=options))
    period = None
    if request.GET:
        if form.is_valid():
            period = transcripts.period_choose(options=options, key=form.cleaned_data["period"])
    elif options:
        period = options[0].default_choice()
        form = TranscriptForm(initial={"period": period.key}, periods=transcripts.period_choices(options=options))
    data = transcripts.transcript_for(user=request.user, period=period) if period else None
    if data is not None:
        data.period_note = next((o.note for o in options if o.jurisdiction_id == data.jurisdiction_id), "")
    return form, data


@login_required
@require_GET
def transcript(request):
    form, data = _transcript_context(request)
    query = request.GET.urlencode() if data else ""
    return render(request, "certificates/transcript.html", {"form": form, "transcript": data, "query": query})


@login_required
@require_GET
def transcript_download(request, fmt: str):
    if fmt not in ("csv", "pdf"):
        raise Http404
    _form, data = _transcript_context(request)
    if data is None:
        raise Http404
    stem = f"cle-transcript-{data.jurisdiction_code}-{data.start.isoformat()}-{data.end.isoformat()}"
    if fmt == "csv":
        content = transcripts.transcript_csv(transcript=data)
        return _attachment(content.encode("utf-8"), content_type="text/csv; charset=utf-8", filename=f"{stem}.csv")
    content = transcripts.transcript_pdf(transcript=data, user=request.user)
    return _attachment(content, content_type="application/pdf", filename=f"{stem}.pdf")
