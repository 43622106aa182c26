"""The attorney's offers: staged summary, party names, conflict attestation, accept or decline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..forms import DeclineForm, language_labels
from ..models import OfferStatus
from ..selectors.offers import offers_for_attorney
from ..services.offers import (
    OfferError,
    offer_accept,
    offer_confirm_no_conflict,
    offer_decline,
    offer_report_conflict,
    offer_view_parties,
)


def _own_offer(request: HttpRequest, pk: int, *, action=AuditEvent.Action.READ):
    policy.require_attorney(request)
    offer = policy.offer_for_request(request, pk, action=action)
    if offer.attorney_id != request.user.pk:
        raise policy.deny(request, object_type="mentorship.caseoffer", object_id=pk)
    return offer


@login_required
def my_offers(request: HttpRequest) -> HttpResponse:
    policy.require_attorney(request)
    offers = list(offers_for_attorney(user=request.user))
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type="mentorship.offer_list",
        request=request,
        detail=f"rows={len(offers)}",
    )
    return render(request, "mentorship/my_offers.html", {"offers": offers})


@login_required
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk)
    case = offer.case
    live = policy.can_respond_to_offer(request.user, offer)
    stage = "closed"
    if live:
        stage = "summary"
        if offer.party_names_viewed_at:
            stage = "parties"
        if offer.conflict_check_confirmed_at:
            stage = "confirmed"
    # Dates are not client details: the attorney weighs them before answering, hearings included.
    case_dates = list(case.dates.all()) if live else []
    return render(
        request,
        "mentorship/offer_detail.html",
        {
            "offer": offer,
            "case": case,
            "stage": stage,
            "languages": language_labels(case.languages),
            "case_dates": case_dates,
            "party_names": case.adverse_party_names() if stage in {"parties", "confirmed"} else [],
            "decline_form": DeclineForm(),
            "accepted": offer.status == OfferStatus.ACCEPTED,
            # Staff's written reason may touch on the case: shown once the file is open to the attorney.
            "show_override_reason": stage == "confirmed" or offer.status == OfferStatus.ACCEPTED,
        },
    )


@login_required
@require_POST
def offer_parties(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk, action=AuditEvent.Action.READ)
    try:
        offer_view_parties(offer=offer, by=request.user)
    except OfferError as exc:
        messages.error(request, str(exc))
    return redirect("mentorship:offer_detail", pk=offer.pk)


@login_required
@require_POST
def offer_conflict_check(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk, action=AuditEvent.Action.CHANGE)
    answer = request.POST.get("answer")
    try:
        if answer == "no_conflict":
            offer_confirm_no_conflict(offer=offer, by=request.user)
            messages.success(request, _("Thank you. The case file is now open to you."))
        elif answer == "conflict":
            offer_report_conflict(offer=offer, by=request.user)
            messages.info(request, _("Thank you. The offer is declined and the conflict recorded."))
            return redirect("mentorship:my_offers")
        else:
            messages.error(request, _("Choose whether you have a conflict."))
    except OfferError as exc:
        messages.error(request, str(exc))
    return redirect("mentorship:offer_detail", pk=offer.pk)


@login_required
@require_POST
def offer_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk, action=AuditEvent.Action.CHANGE)
    try:
        placement = offer_accept(offer=offer, by=request.user)
    except OfferError as exc:
        messages.error(request, str(exc))
        return redirect("mentorship:offer_detail", pk=offer.pk)
    messages.success(request, _("You have accepted the case. Program staff will assign a mentor."))
    return redirect("mentorship:case_detail", pk=placement.case_id)


@login_required
def offer_decline_view(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk, action=AuditEvent.Action.CHANGE if request.method == "POST" else "read")
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer_decline(offer=offer, by=request.user, reason=form.cleaned_data["reason"])
        except OfferError as exc:
            messages.error(request, str(exc))
        else:
            messages.info(request, _("You declined the offer. Thank you for the quick answer."))
            return redirect("mentorship:my_offers")
    return render(request, "mentorship/offer_decline.html", {"offer": offer, "form": form})
