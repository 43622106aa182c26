"""Staff matching pages (/staff/matching/...): batch proposal to review, per-case suggestions, mentor choice.

Program staff only (checked through `mentorship.policy`); every read of case data is audited.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..forms import OfferConfirmForm
from ..matching import BatchTooLarge, explain_assignment, rank_mentors, solve_batch, top_k
from ..matching.constraints import BY_CODE
from ..models import Placement
from ..selectors import exclusions
from ..selectors import matching as selectors
from ..services.matching import batch_publish
from ..services.offers import OfferError, mentorship_assign, offer_send

EXCLUDED_PER_PAGE = 50
_PAIR = re.compile(r"^(\d{1,10}):(\d{1,10})$")


class PublishForm(forms.Form):
    pair = forms.CharField(required=False)

    def __init__(self, *args, pairs: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.raw_pairs = pairs or []

    def clean(self):
        cleaned = super().clean()
        parsed = []
        for raw in self.raw_pairs:
            match = _PAIR.match(raw)
            if match is None:
                raise forms.ValidationError(gettext_lazy("The proposal could not be read. Reload the page."))
            parsed.append((int(match.group(1)), int(match.group(2))))
        if not parsed:
            raise forms.ValidationError(gettext_lazy("Select at least one proposed pair."))
        cleaned["pairs"] = parsed
        return cleaned


class ChooseForm(forms.Form):
    """Pick one person (attorney or mentor) by id among those shown."""

    person = forms.IntegerField(min_value=1, max_value=2**31 - 1)


def _name(user) -> str:
    if user is None:
        return _("(unknown)")
    return user.full_name or user.email


@login_required
@require_http_methods(["GET", "POST"])
def matching_batch(request: HttpRequest) -> HttpResponse:
    """The optimal assignment of every case seeking an attorney, for staff to review and publish."""
    policy.require_staff(request)
    if request.method == "POST":
        form = PublishForm(request.POST, pairs=request.POST.getlist("pair"))
        if form.is_valid():
            outcomes = batch_publish(by=request.user, pairs=form.cleaned_data["pairs"])
            sent = sum(o.sent for o in outcomes)
            messages.success(request, _("%(count)s offers sent.") % {"count": sent})
            refused = [o for o in outcomes if not o.sent]
            if refused:
                messages.warning(
                    request,
                    _("%(count)s pairs were not sent because they no longer fit; see the proposal again.")
                    % {"count": len(refused)},
                )
            return redirect("staff:matching_batch")
        for error in form.non_field_errors():
            messages.error(request, error)
        return redirect("staff:matching_batch")

    cases, pool, context = selectors.matching_inputs_for_batch()
    try:
        result = solve_batch(cases, pool, context=context)
    except BatchTooLarge:
        messages.error(request, _("Too many cases seek an attorney for one batch; match them case by case."))
        return redirect("staff:home")
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type="mentorship.matching_batch",
        request=request,
        detail=f"cases={len(cases)}",
    )
    by_case = {c.id: c for c in cases}
    case_objects = selectors.cases_by_id(ids=by_case)
    users = selectors.attorneys_by_id(ids={a.attorney_id for a in result.assignments})
    rows = [
        {
            "case": case_objects.get(a.case_id),
            "case_input": by_case[a.case_id],
            "attorney": users.get(a.attorney_id),
            "attorney_name": _name(users.get(a.attorney_id)),
            "assignment": a,
            "evaluation": explain_assignment(by_case[a.case_id], pool, a.attorney_id, slot=a.slot, context=context),
            "pair": f"{a.case_id}:{a.attorney_id}",
        }
        for a in result.assignments
    ]
    unassigned = [{"case": case_objects.get(u.case_id), "item": u} for u in result.unassigned]
    return render(
        request,
        "mentorship/matching/batch.html",
        {
            "rows": rows,
            "unassigned": unassigned,
            "result": result,
            "case_count": len(cases),
            "attorney_count": len(pool),
            "waiting_for_mentor": selectors.placements_without_mentor(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def matching_case(request: HttpRequest, pk: int) -> HttpResponse:
    """Top suggestions for one case with every term explained, and who was excluded and why."""
    policy.require_staff(request)
    case, _level = policy.case_for_request(request, pk, minimum=policy.STAFF)

    if request.method == "POST":
        # `offer_send` asks every hard constraint on fresh data (placement_rules); a pair that no
        # longer fits is refused there with the constraints named.
        form = ChooseForm(request.POST)
        attorney_id = form.cleaned_data["person"] if form.is_valid() else None
        attorney = selectors.attorneys_by_id(ids=[attorney_id]).get(attorney_id) if attorney_id else None
        if attorney is None:
            messages.error(request, _("Choose one of the attorneys shown."))
            return redirect("staff:matching_case", pk=case.pk)
        # First the choice, then a confirmation with the expiry: an offer never goes out on one click.
        confirm = OfferConfirmForm(request.POST) if request.POST.get("confirm") == "1" else None
        if confirm is None or not confirm.is_valid():
            confirm = confirm or OfferConfirmForm(initial=OfferConfirmForm.initial_for(attorney.pk))
            return render(
                request,
                "mentorship/matching/offer_confirm.html",
                {"case": case, "attorney_name": _name(attorney), "form": confirm},
            )
        try:
            offer_send(
                case=case,
                attorney=attorney,
                by=request.user,
                rank=1,
                expires_in_days=confirm.cleaned_data["expires_in_days"],
                cascade=confirm.cleaned_data["cascade"],
            )
        except OfferError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Offer sent."))
        return redirect("staff:matching_case", pk=case.pk)

    # Suggestions need only the attorneys SQL finds able to take the case; who was excluded and
    # why (every attorney's facts) is its own page, so this one stays quick with thousands of attorneys.
    case_input, pool, context = selectors.matching_inputs_for_case(case_id=case.pk, candidates_only=True)
    suggestions, excluded_candidates = top_k(case_input, pool, 10, context=context)
    attorney_count = selectors.matching_pool_size()
    fitting = len(pool) - len(excluded_candidates)
    users = selectors.attorneys_by_id(ids=[s.attorney_id for s in suggestions])
    return render(
        request,
        "mentorship/matching/case.html",
        {
            "case": case,
            "case_input": case_input,
            "suggestions": [{"evaluation": s, "name": _name(users.get(s.attorney_id))} for s in suggestions],
            "excluded_total": max(attorney_count - fitting, 0),
            "attorney_count": attorney_count,
        },
    )


@login_required
@require_http_methods(["GET"])
def matching_case_excluded(request: HttpRequest, pk: int) -> HttpResponse:
    """Every attorney matching excluded for one case and the constraints that excluded them: counts
    per constraint, then a page of names at a time, optionally of one constraint."""
    policy.require_staff(request)
    case, _level = policy.case_for_request(request, pk, minimum=policy.STAFF)
    context = selectors.matching_context()
    cases, parties = selectors.case_inputs(case_ids=[case.pk])
    case_input, case_parties = cases[0], parties[case.pk]
    counts = exclusions.exclusion_counts(case_input, case_parties, context)
    constraint = request.GET.get("constraint", "")
    if constraint not in counts.by_constraint:
        constraint = ""
    paginator = Paginator(
        exclusions.excluded_user_ids(case_input, case_parties, context, constraint=constraint), EXCLUDED_PER_PAGE
    )
    # Already counted with the constraints: spare the paginator a second pass over every attorney.
    paginator.count = counts.by_constraint[constraint] if constraint else counts.excluded
    page = paginator.get_page(request.GET.get("page"))
    shown = list(page.object_list)
    rows = exclusions.exclusions_for(case_input, case_parties, context, user_ids=shown)
    users = selectors.attorneys_by_id(ids=shown)
    return render(
        request,
        "mentorship/matching/case_excluded.html",
        {
            "case": case,
            "constraint": constraint,
            "excluded_counts": [
                (code, BY_CODE[code].reason(case_input, context).text, n) for code, n in counts.by_constraint.items()
            ],
            "page": page,
            "rows": [{"exclusion": e, "name": _name(users.get(e.attorney_id))} for e in rows],
            "attorney_count": counts.compared,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def matching_mentor(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggested mentors for a placed attorney (expertise, language, load); staff confirm one."""
    policy.require_staff(request)
    placement = Placement.objects.select_related("case", "attorney").filter(pk=pk, closed_at__isnull=True).first()
    if placement is None:
        raise Http404
    policy.case_for_request(request, placement.case_id, minimum=policy.STAFF)
    data = selectors.placement_for_mentor(placement=placement)
    suggestions = rank_mentors(
        data.case,
        selectors.mentor_inputs(exclude_user_id=placement.attorney_id, case_id=placement.case_id),
        mentee_id=placement.attorney_id,
        mentee_languages=data.mentee_languages,
        k=10,
        context=selectors.matching_context(),
    )
    if request.method == "POST":
        form = ChooseForm(request.POST)
        mentor_id = form.cleaned_data["person"] if form.is_valid() else None
        if mentor_id is None or mentor_id not in {s.mentor_id for s in suggestions}:
            messages.error(request, _("Choose one of the mentors shown."))
            return redirect("staff:matching_mentor", pk=placement.pk)
        mentor = selectors.attorneys_by_id(ids=[mentor_id])[mentor_id]
        try:
            mentorship_assign(placement=placement, mentor=mentor, by=request.user)
        except OfferError as exc:
            messages.error(request, str(exc))
            return redirect("staff:matching_mentor", pk=placement.pk)
        messages.success(request, _("Mentor assigned."))
        return redirect("staff:matching_batch")

    users = selectors.attorneys_by_id(ids=[s.mentor_id for s in suggestions])
    return render(
        request,
        "mentorship/matching/mentor.html",
        {
            "placement": placement,
            "case": placement.case,
            "attorney_name": _name(placement.attorney),
            "suggestions": [{"suggestion": s, "name": _name(users.get(s.mentor_id))} for s in suggestions],
        },
    )
