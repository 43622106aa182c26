"""The program staff area: cases, intake, history, dates, offers, conflicts, placements, profiles, settings.

Every view asks ``mentorship.policy`` first; anyone who is not program staff gets a 404.
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import audit_record
from accounts.models import AuditEvent
from courses.vocabulary import ReliefType

from .. import policy
from ..forms import (
    CaseDateForm,
    CaseForm,
    CasePurgeForm,
    CaseStatusForm,
    ConflictForm,
    MatchingSettingsForm,
    MentorAssignForm,
    OfferSendForm,
    PlacementCloseForm,
    PlacementOutcomeForm,
    ReliefRequirementForm,
    TeamMemberRemoveForm,
    TeamOfferForm,
    language_labels,
)
from ..models import (
    CaseDate,
    CaseOffer,
    CaseStatus,
    Conflict,
    MatchingSettings,
    Mentorship,
    Placement,
    ReliefTypeRequirement,
    TeamRole,
)
from ..selectors.cases import case_status_counts, case_timeline, cases_for_staff
from ..selectors.messages import unread_conversations_for
from ..selectors.profiles import attorneys_for_staff, mentors_for_staff, mentors_suggested_for
from ..services.cases import (
    CaseError,
    case_change_status,
    case_create,
    case_date_add,
    case_date_delete,
    case_date_verify,
    case_update,
)
from ..services.conflicts import ConflictError, conflict_delete, conflict_record
from ..services.offers import (
    ConstraintsFailed,
    OfferError,
    mentorship_assign,
    mentorship_end,
    offer_send,
    offer_withdraw,
    placement_close,
)
from ..services.outcomes import OutcomeError, outcomes_save
from ..services.profiles import matching_settings_update, relief_requirement_add, relief_requirement_remove
from ..services.retention import case_purge
from ..services.team import TeamError, team_offer_send

FILTERS = ("status", "relief_type", "language", "detained", "reference")
CASES_PER_PAGE = 100
EXPORT_COLUMNS = ("reference", "status", "relief_types", "languages", "detained", "created_at")


def _filters(request: HttpRequest) -> dict[str, str]:
    return {name: request.GET.get(name, "").strip()[:40] for name in FILTERS}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    filters = _filters(request)
    cases = cases_for_staff(user=request.user, **filters)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type="mentorship.case_list",
        request=request,
        detail=f"rows={len(page.object_list)}",
    )
    return render(
        request,
        "mentorship/staff/home.html",
        {
            "cases": page.object_list,
            "page": page,
            "page_query": urlencode({name: value for name, value in filters.items() if value}),
            "filters": filters,
            "statuses": CaseStatus.choices,
            "relief_types": ReliefType.choices,
            "counts": case_status_counts(),
            "unread": unread_conversations_for(user=request.user),
        },
    )


@login_required
@policy.staff_required
@reauthentication_required
def cases_export(request: HttpRequest) -> HttpResponse:
    """A CSV of the filtered case list: allowlisted columns, no initials, notes or parties."""
    cases = cases_for_staff(user=request.user, **_filters(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    for case in cases:
        writer.writerow(
            [
                case.reference,
                case.status,
                " ".join(case.relief_types),
                " ".join(case.languages),
                "yes" if case.detained else "no",
                case.created_at.date().isoformat(),
            ]
        )
    policy.audit_export(request, object_type="mentorship.case_list", count=len(cases))
    return response


@login_required
def case_create_view(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = case_create(by=request.user, data=form.cleaned_data)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Case %(ref)s created.") % {"ref": case.reference})
            return redirect("staff:case_detail", pk=case.pk)
    return render(request, "mentorship/staff/case_form.html", {"form": form, "case": None})


@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    case, _level = policy.case_for_request(
        request, pk, minimum=policy.STAFF, action=AuditEvent.Action.READ, audit=request.method != "POST"
    )
    form = CaseForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            case_update(case=case, by=request.user, data=form.cleaned_data)
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Case saved."))
        return redirect("staff:case_detail", pk=case.pk)
    return render(request, "mentorship/staff/case_form.html", {"form": form, "case": case})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    case, level = policy.case_for_request(request, pk, minimum=policy.STAFF)
    return _case_page(request, case, level)


def _case_page(
    request: HttpRequest,
    case,
    level: str,
    *,
    offer_form: OfferSendForm | None = None,
    team_form: TeamOfferForm | None = None,
) -> HttpResponse:
    if offer_form is None:
        settings_row = MatchingSettings.load()
        offer_form = OfferSendForm(
            initial={"expires_in_days": settings_row.offer_expiry_days, "cascade": settings_row.cascade_default}
        )
    return render(
        request,
        "mentorship/staff/case_detail.html",
        {
            "case": case,
            "level": level,
            "languages": language_labels(case.languages),
            "status_form": CaseStatusForm(initial={"to_status": case.status}),
            "purge_form": CasePurgeForm(),
            "date_form": CaseDateForm(),
            "offer_form": offer_form,
            "conflict_form": ConflictForm(),
            "can_offer": case.status == CaseStatus.SEEKING,
            "team_form": team_form
            or TeamOfferForm(initial={"expires_in_days": MatchingSettings.load().offer_expiry_days}),
            "can_add_team": case.status == CaseStatus.PLACED,
            **case_timeline(case=case),
        },
    )


def _staff_case(request: HttpRequest, pk: int):
    policy.require_staff(request)
    case, _level = policy.case_for_request(request, pk, minimum=policy.STAFF, audit=False)
    return case


@login_required
@require_POST
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = _staff_case(request, pk)
    form = CaseStatusForm(request.POST)
    if form.is_valid():
        try:
            case_change_status(case=case, by=request.user, **form.cleaned_data)
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("Choose a status and give a reason."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
@policy.staff_required
@reauthentication_required
def case_purge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff purge a closed case's client details now instead of waiting for retention."""
    case = _staff_case(request, pk)
    form = CasePurgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm that the details cannot be restored."))
        return redirect("staff:case_detail", pk=case.pk)
    try:
        case_purge(case=case, by=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The client details of this case are purged."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def case_date_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _staff_case(request, pk)
    form = CaseDateForm(request.POST)
    if form.is_valid():
        case_date_add(case=case, by=request.user, **form.cleaned_data)
        messages.success(request, _("Date added."))
    else:
        messages.error(request, _("Give the kind of date and a valid date."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def case_date_verify_view(request: HttpRequest, pk: int, date_pk: int) -> HttpResponse:
    case = _staff_case(request, pk)
    case_date = get_object_or_404(CaseDate, pk=date_pk, case=case)
    case_date_verify(case_date=case_date, by=request.user)
    messages.success(request, _("Date verified."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def case_date_delete_view(request: HttpRequest, pk: int, date_pk: int) -> HttpResponse:
    case = _staff_case(request, pk)
    case_date = get_object_or_404(CaseDate, pk=date_pk, case=case)
    case_date_delete(case_date=case_date, by=request.user)
    messages.success(request, _("Date removed."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def offer_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Send an offer; a pair failing hard constraints is refused and the case page shows them,
    with a box for the written reason that overrides them where an override is allowed."""
    policy.require_staff(request)
    case, level = policy.case_for_request(request, pk, minimum=policy.STAFF, audit=False)
    form = OfferSendForm(request.POST)
    if not form.is_valid():
        if "override_reason" in form.errors:
            messages.error(request, _("Write the reason for the override in at most 1,000 characters of plain text."))
        elif set(form.errors) == {"confirm"}:
            messages.error(request, _("Tick the box to confirm the offer: nothing was sent."))
        else:
            messages.error(request, _("Choose an attorney and an expiry between 1 and 30 days."))
        return redirect("staff:case_detail", pk=case.pk)
    try:
        data = {name: value for name, value in form.cleaned_data.items() if name != "confirm"}
        offer = offer_send(case=case, by=request.user, **data)
    except ConstraintsFailed as exc:
        messages.error(request, str(exc))
        # The case page is shown again (not redirected to), so its read is audited here.
        audit_record(
            actor=request.user, action=AuditEvent.Action.READ, obj=case, request=request, detail=f"level={level}"
        )
        form = OfferSendForm.after_refusal(request.POST, reasons=exc.reasons, overridable=exc.overridable)
        return _case_page(request, case, level, offer_form=form)
    except OfferError as exc:
        messages.error(request, str(exc))
    else:
        if offer.has_override:
            messages.success(request, _("Offer sent with an override of the failed constraints."))
        else:
            messages.success(request, _("Offer sent."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def team_offer_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Offer a co-counsel's or supervising attorney's place on a placed case's team."""
    policy.require_staff(request)
    case, _level = policy.case_for_request(request, pk, minimum=policy.STAFF, audit=False)
    form = TeamOfferForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an attorney, their role and an expiry between 1 and 30 days."))
        return redirect("staff:case_detail", pk=case.pk)
    try:
        team_offer_send(case=case, by=request.user, **form.cleaned_data)
    except TeamError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Team offer sent."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
@require_POST
def offer_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    offer = get_object_or_404(CaseOffer, pk=pk)
    try:
        offer_withdraw(offer=offer, by=request.user)
    except OfferError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Offer withdrawn."))
    return redirect("staff:case_detail", pk=offer.case_id)


@login_required
@require_POST
def case_conflict_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _staff_case(request, pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            conflict_record(
                by=request.user,
                attorney=data["attorney"],
                firm_name=data["firm_name"],
                case=case,
                adverse_party=data["adverse_party"],
                reason=data["reason"],
            )
        except ConflictError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Conflict recorded."))
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Check the conflict form."))
    return redirect("staff:case_detail", pk=case.pk)


@login_required
def conflicts(request: HttpRequest) -> HttpResponse:
    """Conflicts with an adverse party, across every case, and the full list."""
    policy.require_staff(request)
    form = ConflictForm(request.POST or None, require_party=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conflict_record(
                by=request.user,
                attorney=data["attorney"],
                firm_name=data["firm_name"],
                adverse_party=data["adverse_party"],
                reason=data["reason"],
            )
        except ConflictError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Conflict recorded."))
            return redirect("staff:conflicts")
    rows = Conflict.objects.select_related("attorney", "case", "recorded_by")[:500]
    return render(request, "mentorship/staff/conflicts.html", {"form": form, "conflicts": rows})


@login_required
@require_POST
def conflict_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    conflict = get_object_or_404(Conflict, pk=pk)
    case_id = conflict.case_id
    conflict_delete(conflict=conflict, by=request.user)
    messages.success(request, _("Conflict removed."))
    if case_id:
        return redirect("staff:case_detail", pk=case_id)
    return redirect("staff:conflicts")


@login_required
def mentor_assign(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    placement = get_object_or_404(Placement.objects.select_related("case", "attorney"), pk=pk, closed_at__isnull=True)
    suggestions = mentors_suggested_for(placement=placement)
    initial = {"mentor": suggestions[0].mentor.pk} if suggestions else {}
    form = MentorAssignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mentorship_assign(
                placement=placement,
                mentor=form.cleaned_data["mentor"],
                by=request.user,
                cadence_days=form.cleaned_data["cadence_days"],
            )
        except OfferError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Mentor assigned."))
            return redirect("staff:case_detail", pk=placement.case_id)
    audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=placement.case, request=request)
    return render(
        request,
        "mentorship/staff/mentor_assign.html",
        {"placement": placement, "suggestions": suggestions, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def placement_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """End a placement with its structured outcome: the reason, each relief's result, and
    whether the survivor stayed represented. Errors come back with everything kept."""
    policy.require_staff(request)
    placement = get_object_or_404(Placement.objects.select_related("attorney"), pk=pk)
    case, _level = policy.case_for_request(request, placement.case_id, minimum=policy.STAFF)
    if placement.closed_at is not None:
        if placement.role != TeamRole.LEAD:
            return redirect("staff:case_detail", pk=case.pk)
        return redirect("staff:placement_outcome", pk=placement.pk)
    if placement.role != TeamRole.LEAD:
        return _team_member_remove(request, case=case, placement=placement)
    form = PlacementCloseForm(request.POST or None, relief_types=case.relief_types)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            placement_close(
                placement=placement,
                by=request.user,
                reason=data["reason"],
                reopen=data["reopen"],
                outcomes=form.outcomes(),
                remained_represented=data["remained_represented"],
            )
        except OfferError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Placement ended and its outcome recorded."))
            return redirect("staff:case_detail", pk=case.pk)
    return render(
        request,
        "mentorship/staff/placement_outcome.html",
        {"case": case, "placement": placement, "form": form, "closing": True},
    )


def _team_member_remove(request: HttpRequest, *, case, placement: Placement) -> HttpResponse:
    form = TeamMemberRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            placement_close(placement=placement, by=request.user, reason=form.cleaned_data["reason"])
        except OfferError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Removed from the case team."))
            return redirect("staff:case_detail", pk=case.pk)
    return render(
        request,
        "mentorship/staff/team_member_remove.html",
        {"case": case, "placement": placement, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def placement_outcome_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record or correct the outcome of an ended placement (a decision or appeal that came later)."""
    policy.require_staff(request)
    placement = get_object_or_404(Placement.objects.select_related("attorney"), pk=pk)
    case, _level = policy.case_for_request(request, placement.case_id, minimum=policy.STAFF)
    if placement.role != TeamRole.LEAD:
        return redirect("staff:case_detail", pk=case.pk)
    if placement.closed_at is None:
        return redirect("staff:placement_close", pk=placement.pk)
    form = PlacementOutcomeForm(
        request.POST or None,
        relief_types=case.relief_types,
        initial={"remained_represented": placement.remained_represented},
        initial_outcomes=placement.outcomes.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcomes_save(
                placement=placement,
                by=request.user,
                outcomes=form.outcomes(),
                remained_represented=form.cleaned_data["remained_represented"],
            )
        except OutcomeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("staff:case_detail", pk=case.pk)
    return render(
        request,
        "mentorship/staff/placement_outcome.html",
        {"case": case, "placement": placement, "form": form, "closing": False},
    )


@login_required
@require_POST
def mentorship_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    mentorship = get_object_or_404(Mentorship, pk=pk)
    try:
        mentorship_end(mentorship=mentorship, by=request.user)
    except OfferError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Mentorship ended."))
    if mentorship.case_id:
        return redirect("staff:case_detail", pk=mentorship.case_id)
    return redirect("staff:home")


@login_required
def attorneys(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    return render(request, "mentorship/staff/attorneys.html", {"attorneys": attorneys_for_staff()})


@login_required
def attorney_detail(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    person = get_object_or_404(attorneys_for_staff(), pk=pk)
    profile = getattr(person, "attorney_profile", None)
    audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=person, request=request)
    return render(
        request,
        "mentorship/staff/attorney_detail.html",
        {
            "person": person,
            "profile": profile,
            "languages": profile.languages.all() if profile else [],
            "relief": profile.relief_experience.all() if profile else [],
            "placements": person.placements.select_related("case").order_by("-placed_at"),
            "offers": person.case_offers.select_related("case").order_by("-offered_at")[:50],
            "conflicts": person.conflicts.select_related("case"),
        },
    )


@login_required
def mentors(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    return render(request, "mentorship/staff/mentors.html", {"mentors": mentors_for_staff()})


@login_required
def mentor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    person = get_object_or_404(mentors_for_staff(), pk=pk)
    audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=person, request=request)
    profile = getattr(person, "mentor_profile", None)
    return render(
        request,
        "mentorship/staff/mentor_detail.html",
        {
            "person": person,
            "profile": profile,
            "languages": language_labels(profile.languages) if profile else [],
            "mentorships": person.mentorships_as_mentor.select_related("case", "mentee").order_by("-started_at"),
        },
    )


@login_required
def matching_settings(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    form = MatchingSettingsForm(request.POST or None, instance=MatchingSettings.load())
    if request.method == "POST" and form.is_valid():
        matching_settings_update(form=form, by=request.user)
        messages.success(request, _("Matching settings saved."))
        return redirect("staff:matching_settings")
    return render(
        request,
        "mentorship/staff/matching_settings.html",
        {
            "form": form,
            "requirement_form": ReliefRequirementForm(),
            "requirements": ReliefTypeRequirement.objects.select_related("course"),
        },
    )


@login_required
@require_POST
def relief_requirement_add_view(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    form = ReliefRequirementForm(request.POST)
    if form.is_valid():
        relief_requirement_add(by=request.user, **form.cleaned_data)
        messages.success(request, _("Training requirement added."))
    else:
        messages.error(request, _("Choose a relief type and a course."))
    return redirect("staff:matching_settings")


@login_required
@require_POST
def relief_requirement_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    requirement = get_object_or_404(ReliefTypeRequirement, pk=pk)
    relief_requirement_remove(requirement=requirement, by=request.user)
    messages.success(request, _("Training requirement removed."))
    return redirect("staff:matching_settings")
