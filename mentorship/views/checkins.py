"""Check-ins, the pairing rating and the mentoring plan of one mentorship.

Only the mentor and the mentee may log; program staff may read. Anyone else gets a 404,
and the denial is audited through ``mentorship.policy``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import AuditEvent

from .. import policy
from ..models import CheckInMode, MentoringGoal
from ..selectors.checkins import (
    checkins_for_mentorship,
    goals_for_mentorship,
    mentorship_health,
    reason_texts,
)
from ..services.checkins import (
    CHECKIN_TOPICS,
    MAX_MINUTES,
    CheckInError,
    checkin_delete,
    checkin_log,
    checkin_rate,
    checkin_update,
    goal_create,
    goal_set_done,
)


class CheckInForm(forms.Form):
    occurred_on = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    mode = forms.ChoiceField(label=gettext_lazy("How you met"), choices=CheckInMode.choices)
    topics = forms.MultipleChoiceField(
        label=gettext_lazy("Topics"), choices=CHECKIN_TOPICS, widget=forms.CheckboxSelectMultiple, required=False
    )
    minutes = forms.IntegerField(label=gettext_lazy("Minutes"), min_value=0, max_value=MAX_MINUTES, initial=30)
    next_steps = forms.CharField(
        label=gettext_lazy("Next steps"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )
    needs_staff_attention = forms.BooleanField(
        label=gettext_lazy("This needs program staff's attention"), required=False
    )
    notes = forms.CharField(
        label=gettext_lazy("Private notes"),
        help_text=gettext_lazy("Kept encrypted; seen only by the two of you and program staff."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10000,
    )

    @classmethod
    def initial_for(cls, checkin) -> dict:
        return {name: getattr(checkin, name) for name in cls.base_fields}


RATING_CHOICES = [
    (5, gettext_lazy("5 — Working very well")),
    (4, gettext_lazy("4 — Working well")),
    (3, gettext_lazy("3 — Could be better")),
    (2, gettext_lazy("2 — Not working well")),
    (1, gettext_lazy("1 — Not working at all")),
]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Is this pairing working?"), choices=RATING_CHOICES, coerce=int, widget=forms.RadioSelect
    )


class GoalForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Goal"), max_length=200)
    due_on = forms.DateField(
        label=gettext_lazy("Due by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


@login_required
def mentorship_checkins(request: HttpRequest, pk: int) -> HttpResponse:
    mentorship = policy.mentorship_for_request(request, pk)
    current = policy.mentorship_is_current(mentorship)
    # An ended pairing is a read-only record: no health or due date, nothing to log or plan.
    health = mentorship_health(mentorship=mentorship, include_rating=policy.is_staff(request.user)) if current else None
    checkins = [
        (checkin, policy.can_see_checkin_notes(request.user, checkin), policy.can_change_checkin(request.user, checkin))
        for checkin in checkins_for_mentorship(mentorship=mentorship)
    ]
    can_log = policy.can_log_checkin(request.user, mentorship)
    context = {
        "mentorship": mentorship,
        "current": current,
        "show_case": mentorship.case_id is not None
        and policy.case_view_level(request.user, mentorship.case) != policy.NONE,
        "health": health,
        "reasons": reason_texts(health) if health else [],
        "checkins": checkins,
        "goals": goals_for_mentorship(mentorship=mentorship),
        "can_log": can_log,
        "can_plan": policy.can_change_plan(request.user, mentorship),
        "goal_form": GoalForm(),
        "topic_labels": dict(CHECKIN_TOPICS),
        "today": timezone.localdate(),
        "viewer_is_staff": policy.is_staff(request.user),
        "show_documents": current
        and mentorship.case_id is not None
        and policy.document_role(request.user, mentorship.case) is not None,
    }
    return render(request, "mentorship/checkins/mentorship.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_create(request: HttpRequest, pk: int) -> HttpResponse:
    mentorship = policy.mentorship_for_request(request, pk)
    if not policy.can_log_checkin(request.user, mentorship):
        raise policy.deny(request, object_type="mentorship.mentorship", object_id=pk)
    form = CheckInForm(request.POST or None, initial={"occurred_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            checkin = checkin_log(mentorship=mentorship, by=request.user, **form.cleaned_data)
        except CheckInError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Check-in saved. One more question:"))
            return redirect("mentorship:checkin_rate", pk=checkin.pk)
    return render(request, "mentorship/checkins/checkin_form.html", {"mentorship": mentorship, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_edit(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = policy.checkin_for_request(
        request, pk, action=AuditEvent.Action.CHANGE if request.method == "POST" else AuditEvent.Action.READ
    )
    if not policy.can_change_checkin(request.user, checkin):
        raise policy.deny(request, object_type="mentorship.checkin", object_id=pk)
    form = CheckInForm(request.POST or None, initial=CheckInForm.initial_for(checkin))
    if request.method == "POST" and form.is_valid():
        try:
            checkin_update(checkin=checkin, by=request.user, **form.cleaned_data)
        except CheckInError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Check-in updated."))
            return redirect("mentorship:mentorship_checkins", pk=checkin.mentorship_id)
    return render(
        request,
        "mentorship/checkins/checkin_form.html",
        {"mentorship": checkin.mentorship, "form": form, "checkin": checkin, "change_days": policy.CHECKIN_CHANGE_DAYS},
    )


@login_required
@require_POST
def checkin_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = policy.checkin_for_request(request, pk, action=AuditEvent.Action.CHANGE)
    if not policy.can_change_checkin(request.user, checkin):
        raise policy.deny(request, object_type="mentorship.checkin", object_id=pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Tick the box to confirm that the check-in should be deleted."))
        return redirect("mentorship:checkin_edit", pk=checkin.pk)
    try:
        checkin_delete(checkin=checkin, by=request.user)
    except CheckInError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Check-in deleted."))
    return redirect("mentorship:mentorship_checkins", pk=checkin.mentorship_id)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_rate_view(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = policy.checkin_for_request(request, pk)
    if not (
        policy.can_edit_checkin(request.user, checkin) and policy.can_log_checkin(request.user, checkin.mentorship)
    ):
        raise policy.deny(request, object_type="mentorship.checkin", object_id=pk)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            checkin_rate(checkin=checkin, by=request.user, rating=form.cleaned_data["rating"])
        except CheckInError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. Your answer helps program staff support you both."))
            return redirect("mentorship:mentorship_checkins", pk=checkin.mentorship_id)
    return render(request, "mentorship/checkins/rating_form.html", {"checkin": checkin, "form": form})


@login_required
@require_POST
def goal_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    mentorship = policy.mentorship_for_request(request, pk, action=AuditEvent.Action.CHANGE)
    if not policy.can_change_plan(request.user, mentorship):
        raise policy.deny(request, object_type="mentorship.mentorship", object_id=pk)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            goal_create(mentorship=mentorship, by=request.user, **form.cleaned_data)
        except CheckInError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Goal added to the mentoring plan."))
    else:
        messages.error(request, _("The goal needs a title (and a valid date, if any)."))
    return redirect("mentorship:mentorship_checkins", pk=mentorship.pk)


@login_required
@require_POST
def goal_toggle_view(request: HttpRequest, pk: int) -> HttpResponse:
    goal = (
        MentoringGoal.objects.filter(pk=pk, mentorship__in=policy.mentorships_visible_to(request.user))
        .select_related("mentorship")
        .first()
    )
    if goal is None or not policy.can_change_plan(request.user, goal.mentorship):
        raise policy.deny(request, object_type="mentorship.mentoringgoal", object_id=pk)
    try:
        goal_set_done(goal=goal, by=request.user, done=request.POST.get("done") == "1")
    except CheckInError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("mentorship:mentorship_checkins", pk=goal.mentorship_id)
