"""Attorneys and mentors edit their own profiles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import policy
from ..forms import AttorneyProfileForm, MentorProfileForm
from ..services.profiles import (
    attorney_profile_ensure,
    attorney_profile_update,
    mentor_profile_ensure,
    mentor_profile_update,
)


@login_required
def attorney_profile(request: HttpRequest) -> HttpResponse:
    policy.require_attorney(request)
    profile = attorney_profile_ensure(user=request.user)
    form = AttorneyProfileForm(request.POST or None, initial=AttorneyProfileForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        attorney_profile_update(
            profile=profile,
            data=form.cleaned_data,
            languages=form.cleaned_data["languages"],
            relief=form.relief_levels(),
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("mentorship:attorney_profile")
    return render(request, "mentorship/attorney_profile.html", {"form": form, "profile": profile})


@login_required
def mentor_profile(request: HttpRequest) -> HttpResponse:
    policy.require_mentor(request)
    profile = mentor_profile_ensure(user=request.user)
    form = MentorProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        mentor_profile_update(profile=profile, data=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("mentorship:mentor_profile")
    return render(request, "mentorship/mentor_profile.html", {"form": form})
