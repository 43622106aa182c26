"""Pro bono hours: an attorney logs hours on a case they are placed on and sees their own list."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from home.charts import column_chart, hours_text, last_months

from .. import policy
from ..models import Case, HoursEntry
from ..selectors.hours import (
    APPROVED,
    PENDING,
    attorney_hours_by_month,
    hours_entries_for,
    hours_pending_for_staff,
    pro_bono_hours_for,
)
from ..services.hours import (
    MAX_HOURS,
    MIN_HOURS,
    HoursError,
    hours_approve,
    hours_delete,
    hours_log,
    hours_reject,
)


class HoursForm(forms.Form):
    case = forms.ModelChoiceField(label=gettext_lazy("Case"), queryset=Case.objects.none(), empty_label=None)
    worked_on = forms.DateField(label=gettext_lazy("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(
        label=gettext_lazy("Hours"), min_value=MIN_HOURS, max_value=MAX_HOURS, max_digits=5, decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25"}),
    )  # fmt: skip
    description = forms.CharField(
        label=gettext_lazy("What you did"),
        help_text=gettext_lazy("A few words, without client details (e.g. 'drafted declaration')."),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only cases the attorney is placed on now; any other id is an invalid choice.
        self.fields["case"].queryset = Case.objects.filter(
            placements__attorney=user, placements__closed_at__isnull=True
        ).distinct()
        self.fields["case"].label_from_instance = lambda case: case.reference


@login_required
@require_http_methods(["GET", "POST"])
def my_hours(request: HttpRequest) -> HttpResponse:
    policy.require_attorney(request)
    form = HoursForm(request.POST or None, user=request.user, initial={"worked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            hours_log(by=request.user, **form.cleaned_data)
        except HoursError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Hours saved. Thank you for your pro bono work."))
            return redirect("mentorship:my_hours")
    today = timezone.localdate()
    context = {
        "form": form,
        "can_log": form.fields["case"].queryset.exists(),
        "entries": hours_entries_for(user=request.user),
        "total": pro_bono_hours_for(user=request.user),
        "year_total": pro_bono_hours_for(user=request.user, start=today.replace(month=1, day=1), end=today),
        "approved_total": pro_bono_hours_for(user=request.user, status=APPROVED),
        "pending_total": pro_bono_hours_for(user=request.user, status=PENDING),
        "hours_chart": column_chart(
            [
                (date_format(month, "M y"), hours)
                for month, hours in attorney_hours_by_month(user=request.user, months=last_months(today))
            ],
            css="chart-bar--hours",
            fmt=hours_text,
        ),
    }
    return render(request, "mentorship/checkins/my_hours.html", context)


@login_required
@require_POST
def hours_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    entry = HoursEntry.objects.filter(pk=pk, attorney=request.user).first()
    if entry is None:
        raise policy.deny(request, object_type="mentorship.hoursentry", object_id=pk)
    try:
        hours_delete(entry=entry, by=request.user)
    except HoursError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Entry removed."))
    return redirect("mentorship:my_hours")


# --- Staff: approving hours is the provider's affirmation that they count toward CLE ----------

PENDING_LIMIT = 200


@login_required
def hours_pending(request: HttpRequest) -> HttpResponse:
    policy.require_staff(request)
    entries = hours_pending_for_staff()
    return render(
        request,
        "mentorship/staff/hours_pending.html",
        {"entries": entries[:PENDING_LIMIT], "count": entries.count(), "limit": PENDING_LIMIT},
    )


@login_required
@require_POST
def hours_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    entry = get_object_or_404(HoursEntry, pk=pk)
    try:
        hours_approve(entry=entry, by=request.user)
    except HoursError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Hours approved: they now count toward CLE credit."))
    return redirect("staff:hours_pending")


@login_required
@require_POST
def hours_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_staff(request)
    entry = get_object_or_404(HoursEntry, pk=pk)
    try:
        hours_reject(entry=entry, by=request.user, reason=request.POST.get("reason", ""))
    except HoursError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Hours rejected; the attorney sees the reason."))
    return redirect("staff:hours_pending")
