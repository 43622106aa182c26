"""Wagtail admin wiring for CLE certificates: the certificate list, reports and actions."""

from django.urls import include, path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Certificate

READ_ONLY_ACTIONS = {"add", "change", "delete"}


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Issued certificates are never edited in place: staff revoke or reissue them instead."""

    def user_has_permission(self, user, action):
        return action not in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in READ_ONLY_ACTIONS])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


def _actions(certificate):
    return format_html_join(" · ", '<a href="{}">{}</a>', admin_views.certificate_action_links(certificate))


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("CLE certificates")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "display_code",
        "attorney_name",
        "course_title",
        "jurisdiction",
        "version",
        "status",
        "completed_on",
        "issued_at",
        Column("actions", label=_("Actions"), accessor=_actions),
    ]
    list_filter = ["status", "jurisdiction", "course", "completed_on"]
    search_fields = ["code", "user__full_name", "user__email"]
    search_backend_name = None
    # Required by ModelViewSet; the add and edit views are refused by the permission policy.
    form_fields = ["reissue_reason"]
    inspect_view_fields = [
        "code",
        "version",
        "status",
        "user",
        "course",
        "jurisdiction",
        "completed_on",
        "issued_at",
        "credit_total",
        "template_version",
        "reissue_reason",
        "revoked_at",
        "revoked_reason",
        "superseded_by",
    ]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates_admin")


@hooks.register("register_admin_urls")
def register_cle_urls():
    urls = [
        path("reports/activity/", admin_views.activity_report, name="activity"),
        path("reports/attendance/", admin_views.attendance_report, name="attendance"),
        path("certificates/<id:pk>/revoke/", admin_views.certificate_revoke_view, name="revoke"),
        path("certificates/<id:pk>/reissue/", admin_views.certificate_reissue_view, name="reissue"),
        path("certificates/<id:pk>/pdf/", admin_views.certificate_pdf_view, name="pdf"),
        path(
            "courses/<id:course_id>/issue-missing/",
            admin_views.course_certificates_issue_missing,
            name="issue_missing",
        ),
    ]
    return [path("cle/", include((urls, "certificates_cle"), namespace="certificates_cle"))]


class CleReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.view_cle_reports")


@hooks.register("register_reports_menu_item")
def register_activity_report():
    return CleReportMenuItem(
        _("CLE activity"), reverse("certificates_cle:activity"), name="cle-activity", icon_name="doc-full", order=950
    )


@hooks.register("register_reports_menu_item")
def register_attendance_report():
    return CleReportMenuItem(
        _("CLE attendance record"),
        reverse("certificates_cle:attendance"),
        name="cle-attendance",
        icon_name="list-ul",
        order=960,
    )
