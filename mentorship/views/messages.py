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
from ..selectors.messages import conversation_thread
from ..services.messages import (
    MESSAGE_MAX_LENGTH,
    MessageError,
    attachable_documents,
    conversation_mark_read,
    message_send,
)


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen only by the case's attorney, its mentor and program staff. No email quotes it."),
    )
    document = DocumentChoiceField(
        label=_("Attach a case document"),
        queryset=None,
        required=False,
        empty_label=_("No attachment"),
        help_text=_(
            "Documents of this case shared with the mentor, so that everyone here can open them. "
            "Upload or share one on the case's documents page."
        ),
    )

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
        if not documents.exists():
            del self.fields["document"]


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    placement = policy.conversation_for_request(request, pk)
    documents = attachable_documents(placement=placement, user=request.user).order_by("-created_at", "-id")
    form = MessageForm(request.POST or None, documents=documents)
    if request.method == "POST" and form.is_valid():
        try:
            message_send(
                placement=placement,
                author=request.user,
                body=form.cleaned_data["body"],
                document=form.cleaned_data.get("document"),
            )
        except MessageError as exc:
            form.add_error(None, str(exc))
        else:
            flash.success(request, _("Message sent."))
            return redirect("mentorship:conversation", pk=placement.pk)
    thread = conversation_thread(placement=placement, user=request.user)
    conversation_mark_read(placement=placement, user=request.user)
    return render(
        request,
        "mentorship/conversation.html",
        {
            "placement": placement,
            "case": placement.case,
            "thread": thread,
            "form": form,
            "show_documents": policy.document_role(request.user, placement.case) is not None,
        },
    )
