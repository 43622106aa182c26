"""Attorney and mentor pages about cases: my cases, one case, hours, open cases and interest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.audit import audit_record
from accounts.models import AuditEvent

from .. import policy
from ..forms import HoursForm, language_labels
from ..matching import (
    BAR_ADMISSION,
    BAR_JURISDICTION,
    CAPACITY,
    DEADLINE_EXPERIENCE,
    DETAINED,
    LANGUAGE,
    PAUSED,
    TRAINING,
)
from ..selectors.cases import (
    mentorships_ended_for_mentee,
    mentorships_for_mentee,
    mentorships_for_mentor,
    open_cases_for_attorney,
    placements_for_attorney,
)
from ..selectors.matching import open_case_exclusions
from ..selectors.offers import offers_pending_count, placement_override
from ..services.hours import HoursError, hours_log
from ..services.offers import OfferError, interest_express


def _audit_list(request: HttpRequest, object_type: str, count: int) -> None:
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.READ,
        object_type=object_type,
        request=request,
        detail=f"rows={count}",
    )


@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    policy.require_attorney(request)
    placements = list(placements_for_attorney(user=request.user))
    _audit_list(request, "mentorship.case_list", len(placements))
    return render(
        request,
        "mentorship/my_cases.html",
        {
            "placements": placements,
            "mentorships": mentorships_for_mentee(user=request.user),
            "ended_mentorships": mentorships_ended_for_mentee(user=request.user),
            "pending_offers": offers_pending_count(user=request.user),
        },
    )


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case, level = policy.case_for_request(request, pk)
    return _render_case_detail(request, case=case, level=level)


def _render_case_detail(request: HttpRequest, *, case, level, hours_form: HoursForm | None = None) -> HttpResponse:
    context = {
        "case": case,
        "level": level,
        "languages": language_labels(case.languages),
        "show_identifying": policy.can_see_identifying(level),
        "show_notes": policy.can_see_confidential_notes(level),
        "show_parties": policy.can_see_adverse_parties(level),
        "can_log_hours": policy.can_log_hours(request.user, case),
        "can_mark_filed": policy.can_mark_filed(request.user, case),
        "offer": policy.live_offer_for(request.user, case) if level in {policy.SUMMARY, policy.PARTIES} else None,
        "override_offer": placement_override(case=case) if policy.can_see_placement_override(level) else None,
        "conversation": policy.conversations_visible_to(request.user).filter(case=case, closed_at__isnull=True).first(),
        "show_documents": policy.document_role(request.user, case) is not None,
    }
    if context["show_identifying"]:
        context["dates"] = case.dates.all()
    if context["can_log_hours"]:
        context["hours_form"] = hours_form or HoursForm()
        context["hours"] = case.hours_entries.filter(attorney=request.user)
    return render(request, "mentorship/case_detail.html", context)


@login_required
@require_POST
def hours_add(request: HttpRequest, pk: int) -> HttpResponse:
    case, level = policy.case_for_request(request, pk, minimum=policy.FULL, audit=False)
    if not policy.can_log_hours(request.user, case):
        raise policy.deny(request, object_type="mentorship.case", object_id=pk)
    form = HoursForm(request.POST)
    if form.is_valid():
        try:
            hours_log(case=case, by=request.user, **form.cleaned_data)
        except HoursError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Hours logged."))
            return redirect("mentorship:case_detail", pk=case.pk)
    # The form again with what was typed and why it was refused; showing the file again is a read.
    audit_record(actor=request.user, action=AuditEvent.Action.READ, obj=case, request=request)
    return _render_case_detail(request, case=case, level=level, hours_form=form)


# What an attorney can do about each hard constraint that keeps open cases from them.
REMEDIES = {
    LANGUAGE: (gettext_lazy("Add your languages and levels to your profile"), "mentorship:attorney_profile"),
    TRAINING: (gettext_lazy("Complete the required course"), "courses:catalog"),
    CAPACITY: (gettext_lazy("Raise your maximum active cases in your profile"), "mentorship:attorney_profile"),
    PAUSED: (gettext_lazy("Change “not taking cases until” in your profile"), "mentorship:attorney_profile"),
    BAR_ADMISSION: (gettext_lazy("Add your bar admission"), "courses:bar_admissions"),
    BAR_JURISDICTION: (gettext_lazy("Add your bar admission"), "courses:bar_admissions"),
    DETAINED: (gettext_lazy("Say in your profile whether you can take detained cases"), "mentorship:attorney_profile"),
    DEADLINE_EXPERIENCE: (gettext_lazy("Record your experience in your profile"), "mentorship:attorney_profile"),
}


@login_required
def open_cases(request: HttpRequest) -> HttpResponse:
    policy.require_attorney(request)
    cases = list(open_cases_for_attorney(user=request.user).prefetch_related("dates"))
    interested = set(request.user.case_interests.values_list("case_id", flat=True))
    _audit_list(request, "mentorship.open_case_list", len(cases))
    rows = [
        {"case": case, "languages": language_labels(case.languages), "interested": case.pk in interested}
        for case in cases
    ]
    seeking, reasons = (0, []) if rows else open_case_exclusions(user_id=request.user.pk)
    exclusions = [
        {"text": reason.text, "count": count, "remedy": REMEDIES.get(reason.code)} for reason, count in reasons
    ]
    return render(request, "mentorship/open_cases.html", {"rows": rows, "seeking": seeking, "exclusions": exclusions})


@login_required
@require_POST
def interest_add(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_attorney(request)
    case = open_cases_for_attorney(user=request.user).filter(pk=pk).first()
    if case is None:
        raise policy.deny(request, object_type="mentorship.case", object_id=pk)
    try:
        interest_express(case=case, attorney=request.user)
    except OfferError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Program staff will see that you are interested."))
    return redirect("mentorship:open_cases")


@login_required
def mentor_home(request: HttpRequest) -> HttpResponse:
    policy.require_mentor(request)
    mentorships = list(mentorships_for_mentor(user=request.user))
    _audit_list(request, "mentorship.mentee_list", len(mentorships))
    return render(request, "mentorship/mentor_home.html", {"mentorships": mentorships})
