"""The program staff area (/staff/...): cases, matching, placement, check-ins, reports."""

from django.urls import path

from .views import dashboards, deadlines, hours, reports, staff
from .views import matching as matching_views

app_name = "staff"
urlpatterns = [
    path("", staff.home, name="home"),
    path("cases/export.csv", staff.cases_export, name="cases_export"),
    path("cases/new/", staff.case_create_view, name="case_create"),
    path("cases/<id:pk>/", staff.case_detail, name="case_detail"),
    path("cases/<id:pk>/edit/", staff.case_edit, name="case_edit"),
    path("cases/<id:pk>/status/", staff.case_status, name="case_status"),
    path("cases/<id:pk>/purge/", staff.case_purge_view, name="case_purge"),
    path("cases/<id:pk>/dates/", staff.case_date_add_view, name="case_date_add"),
    path("cases/<id:pk>/dates/<id:date_pk>/verify/", staff.case_date_verify_view, name="case_date_verify"),
    path("cases/<id:pk>/dates/<id:date_pk>/delete/", staff.case_date_delete_view, name="case_date_delete"),
    path("cases/<id:pk>/offers/", staff.offer_send_view, name="offer_send"),
    path("cases/<id:pk>/conflicts/", staff.case_conflict_add, name="case_conflict_add"),
    path("offers/<id:pk>/withdraw/", staff.offer_withdraw_view, name="offer_withdraw"),
    path("conflicts/", staff.conflicts, name="conflicts"),
    path("conflicts/<id:pk>/delete/", staff.conflict_delete_view, name="conflict_delete"),
    path("placements/<id:pk>/mentor/", staff.mentor_assign, name="mentor_assign"),
    path("cases/<id:pk>/team/", staff.team_offer_view, name="team_offer"),
    path("placements/<id:pk>/close/", staff.placement_close_view, name="placement_close"),
    path("placements/<id:pk>/outcome/", staff.placement_outcome_view, name="placement_outcome"),
    path("reports/outcomes/", reports.outcomes_report, name="outcomes_report"),
    path("mentorships/<id:pk>/end/", staff.mentorship_end_view, name="mentorship_end"),
    path("attorneys/", staff.attorneys, name="attorneys"),
    path("attorneys/<id:pk>/", staff.attorney_detail, name="attorney_detail"),
    path("mentors/", staff.mentors, name="mentors"),
    path("mentors/<id:pk>/", staff.mentor_detail, name="mentor_detail"),
    path("settings/", staff.matching_settings, name="matching_settings"),
    path("settings/training/", staff.relief_requirement_add_view, name="relief_requirement_add"),
    path("settings/training/<id:pk>/delete/", staff.relief_requirement_delete_view, name="relief_requirement_delete"),
    path("dashboard/", dashboards.staff_dashboard, name="dashboard"),
    path("hours/", hours.hours_pending, name="hours_pending"),
    path("hours/<id:pk>/approve/", hours.hours_approve_view, name="hours_approve"),
    path("hours/<id:pk>/reject/", hours.hours_reject_view, name="hours_reject"),
    path("reports/<slug:kind>.csv", reports.report_csv, name="report_csv"),
    path("matching/", matching_views.matching_batch, name="matching_batch"),
    path("matching/cases/<id:pk>/", matching_views.matching_case, name="matching_case"),
    path("matching/cases/<id:pk>/excluded/", matching_views.matching_case_excluded, name="matching_case_excluded"),
    path("matching/placements/<id:pk>/mentor/", matching_views.matching_mentor, name="matching_mentor"),
    # The deadline watch and the "filed" mark on hard dates
    path("deadlines/", deadlines.deadline_watch, name="deadline_watch"),
    path("cases/<id:pk>/dates/<id:date_pk>/filed/", deadlines.case_date_filed, name="case_date_filed"),
    path("cases/<id:pk>/dates/<id:date_pk>/unfiled/", deadlines.case_date_unfiled, name="case_date_unfiled"),
]
