"""A placement's conversation: its attorney, its current mentor and program staff."""

from __future__ import annotations

from django import forms
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .. import policy
from ..selectors.messages import conversation_messages
from ..services.messages import MESSAGE_MAX_LENGTH, MessageError, conversation_mark_read, message_send


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen only by the case's attorney, its mentor and program staff. No email quotes it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    placement = policy.conversation_for_request(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(placement=placement, author=request.user, body=form.cleaned_data["body"])
        except MessageError as exc:
            form.add_error("body", str(exc))
        else:
            flash.success(request, _("Message sent."))
            return redirect("mentorship:conversation", pk=placement.pk)
    thread = list(conversation_messages(placement=placement))
    conversation_mark_read(placement=placement, user=request.user)
    return render(
        request,
        "mentorship/conversation.html",
        {"placement": placement, "case": placement.case, "thread": thread, "form": form},
    )
