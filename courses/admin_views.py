"""Wagtail admin views for courses: the anonymous course evaluation report, and the page create view."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages import create as wagtail_create
from wagtail.models import Page, PageSubscription

from . import evaluations, selectors, sessions

# Whoever may read the CLE reports (content editors, the CLE administrators) reads this one too.
EVALUATION_REPORT_PERMISSION = "certificates.view_cle_reports"


def evaluation_report(request):
    if not request.user.has_perm(EVALUATION_REPORT_PERMISSION):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "courses/admin/evaluations.html",
        {
            "rows": evaluations.evaluation_report(),
            "minimum": evaluations.EVALUATION_MIN_RESPONSES,
            "title": _("Course evaluations"),
        },
    )


class PageCreateView(wagtail_create.CreateView):
    """Wagtail's page create view, made safe against a second create of the same page.

    Autosave creates the page on its first save, and the editor switches to the edit view only
    when that answer arrives; a Publish pressed in between, or pressed twice, posts a second
    create of the same slug. Wagtail then either refuses it with a bare "slug already in use" or,
    when the two requests pass validation together, raises from the tree insert (a 500) with
    the parent's child count already raised. Here creates under one parent run one at a time
    in a transaction, and a create that meets the editor's own page at that slug leads to that
    page with a message instead of a second page or an error.
    """

    def post(self, request):
        parent = self.parent_page
        slug = (request.POST.get("slug") or "").strip()
        try:
            with transaction.atomic():
                # Creates under this parent wait for each other, so the second one sees the first.
                Page.objects.select_for_update().filter(pk=parent.pk).first()
                existing = selectors.page_own_sibling_at_slug(parent=parent, slug=slug, user=request.user)
                if existing is not None:
                    return self._already_created(existing)
                return super().post(request)
        except ValidationError as error:
            # A page took the slug between validation and save (the autosave's create landing).
            parent.refresh_from_db()
            existing = selectors.page_own_sibling_at_slug(parent=parent, slug=slug, user=request.user)
            if existing is not None:
                return self._already_created(existing)
            if self.expects_json_response:
                return self.json_error_response(
                    "validation_error",
                    _("The slug '%(slug)s' was taken a moment ago by another page here. Choose another.")
                    % {"slug": slug},
                )
            # Show the form again with Wagtail's own "slug already in use" error on it.
            self.page = self.page_class(owner=request.user, locale=parent.locale)
            self.subscription = PageSubscription(page=self.page, user=request.user, comment_notifications=True)
            self.form = self.form_class(
                request.POST,
                request.FILES,
                instance=self.page,
                subscription=self.subscription,
                parent_page=parent,
                for_user=request.user,
            )
            if self.form.is_valid():
                for text in error.messages:
                    self.form.add_error(None, text)
            return self.form_invalid(self.form)

    def _already_created(self, page: Page):
        if page.live:
            message = _("'%(title)s' is already created and published here; it was not created a second time.")
        else:
            message = _(
                "'%(title)s' had just been saved here as a draft (by autosave or an earlier click), so it was "
                "not created a second time, and it is not published yet. Check it below and publish it from here."
            )
        message = message % {"title": page.get_admin_display_title()}
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if self.expects_json_response:
            return self.json_error_response("already_created", message)
        messages.warning(request=self.request, message=message)
        return redirect(edit_url)


def session_attendance_report(request):
    """Who registered for each live session and what was recorded of their attendance (for the faculty)."""
    if not request.user.has_perm(EVALUATION_REPORT_PERMISSION):
        raise PermissionDenied
    choices = sessions.sessions_for_report()
    selected = None
    session_id = request.GET.get("session", "")
    if session_id.isdigit():
        selected = next((session for session in choices if session.pk == int(session_id)), None)
    return TemplateResponse(
        request,
        "courses/admin/session_attendance.html",
        {
            "choices": choices,
            "selected": selected,
            "registrations": sessions.session_attendance(session=selected) if selected else [],
            "title": _("Live session attendance"),
        },
    )
