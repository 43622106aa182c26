"""The program staff area (/staff/...): cases, matching, placement, check-ins, reports."""

from django.urls import path

from .views import dashboards, reports, staff
from .views import matching as matching_views

app_name = "staff"
urlpatterns = [
    path("", staff.home, name="home"),
    path("cases/export.csv", staff.cases_export, name="cases_export"),
    path("cases/new/", staff.case_create_view, name="case_create"),
    path("cases/<int:pk>/", staff.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", staff.case_edit, name="case_edit"),
    path("cases/<int:pk>/status/", staff.case_status, name="case_status"),
    path("cases/<int:pk>/purge/", staff.case_purge_view, name="case_purge"),
    path("cases/<int:pk>/dates/", staff.case_date_add_view, name="case_date_add"),
    path("cases/<int:pk>/dates/<int:date_pk>/verify/", staff.case_date_verify_view, name="case_date_verify"),
    path("cases/<int:pk>/dates/<int:date_pk>/delete/", staff.case_date_delete_view, name="case_date_delete"),
    path("cases/<int:pk>/offers/", staff.offer_send_view, name="offer_send"),
    path("cases/<int:pk>/conflicts/", staff.case_conflict_add, name="case_conflict_add"),
    path("offers/<int:pk>/withdraw/", staff.offer_withdraw_view, name="offer_withdraw"),
    path("conflicts/", staff.conflicts, name="conflicts"),
    path("conflicts/<int:pk>/delete/", staff.conflict_delete_view, name="conflict_delete"),
    path("placements/<int:pk>/mentor/", staff.mentor_assign, name="mentor_assign"),
    path("placements/<int:pk>/close/", staff.placement_close_view, name="placement_close"),
    path("mentorships/<int:pk>/end/", staff.mentorship_end_view, name="mentorship_end"),
    path("attorneys/", staff.attorneys, name="attorneys"),
    path("attorneys/<int:pk>/", staff.attorney_detail, name="attorney_detail"),
    path("mentors/", staff.mentors, name="mentors"),
    path("mentors/<int:pk>/", staff.mentor_detail, name="mentor_detail"),
    path("settings/", staff.matching_settings, name="matching_settings"),
    path("settings/training/", staff.relief_requirement_add_view, name="relief_requirement_add"),
    path("settings/training/<int:pk>/delete/", staff.relief_requirement_delete_view, name="relief_requirement_delete"),
    path("dashboard/", dashboards.staff_dashboard, name="dashboard"),
    path("reports/<slug:kind>.csv", reports.report_csv, name="report_csv"),
    path("matching/", matching_views.matching_batch, name="matching_batch"),
    path("matching/cases/<int:pk>/", matching_views.matching_case, name="matching_case"),
    path("matching/placements/<int:pk>/mentor/", matching_views.matching_mentor, name="matching_mentor"),
]
