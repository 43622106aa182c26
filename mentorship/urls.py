"""Pages for attorneys and mentors (/mentorship/...) and the private calendar feed."""

from django.urls import path

from .views import calendar, cases, checkins, deadlines, documents, hours, messages, offers, profiles

app_name = "mentorship"
urlpatterns = [
    path("mentorship/cases/", cases.my_cases, name="my_cases"),
    path("mentorship/cases/<id:pk>/", cases.case_detail, name="case_detail"),
    path("mentorship/cases/<id:pk>/hours/", cases.hours_add, name="hours_add"),
    path("mentorship/open-cases/", cases.open_cases, name="open_cases"),
    path("mentorship/open-cases/<id:pk>/interest/", cases.interest_add, name="interest_add"),
    path("mentorship/offers/", offers.my_offers, name="my_offers"),
    path("mentorship/offers/<id:pk>/", offers.offer_detail, name="offer_detail"),
    path("mentorship/offers/<id:pk>/parties/", offers.offer_parties, name="offer_parties"),
    path("mentorship/offers/<id:pk>/conflict-check/", offers.offer_conflict_check, name="offer_conflict_check"),
    path("mentorship/offers/<id:pk>/accept/", offers.offer_accept_view, name="offer_accept"),
    path("mentorship/offers/<id:pk>/decline/", offers.offer_decline_view, name="offer_decline"),
    path("mentorship/profile/", profiles.attorney_profile, name="attorney_profile"),
    path("mentorship/mentor/", cases.mentor_home, name="mentor_home"),
    path("mentorship/mentor/profile/", profiles.mentor_profile, name="mentor_profile"),
    # Check-ins, mentoring plan, hours and the private calendar feed
    path("mentorship/mentorships/<id:pk>/", checkins.mentorship_checkins, name="mentorship_checkins"),
    path("mentorship/mentorships/<id:pk>/checkins/new/", checkins.checkin_create, name="checkin_create"),
    path("mentorship/mentorships/<id:pk>/goals/", checkins.goal_create_view, name="goal_create"),
    path("mentorship/checkins/<id:pk>/rating/", checkins.checkin_rate_view, name="checkin_rate"),
    path("mentorship/checkins/<id:pk>/edit/", checkins.checkin_edit, name="checkin_edit"),
    path("mentorship/checkins/<id:pk>/delete/", checkins.checkin_delete_view, name="checkin_delete"),
    path("mentorship/goals/<id:pk>/done/", checkins.goal_toggle_view, name="goal_toggle"),
    path("mentorship/placements/<id:pk>/messages/", messages.conversation, name="conversation"),
    # A case's documents: for its placed attorney, its current mentor (what is shared) and program staff
    path("mentorship/cases/<id:pk>/documents/", documents.case_documents, name="case_documents"),
    path("mentorship/cases/<id:pk>/documents/new/", documents.document_upload_view, name="document_upload"),
    path("mentorship/documents/<id:pk>/versions/new/", documents.document_version_new, name="document_version_new"),
    path("mentorship/documents/<id:pk>/share/", documents.document_share_view, name="document_share"),
    path("mentorship/documents/<id:pk>/unshare/", documents.document_unshare_view, name="document_unshare"),
    path("mentorship/documents/<id:pk>/delete/", documents.document_delete_view, name="document_delete"),
    path("mentorship/document-versions/<id:pk>/download/", documents.document_download, name="document_download"),
    path("mentorship/hours/", hours.my_hours, name="my_hours"),
    path("mentorship/hours/<id:pk>/delete/", hours.hours_delete_view, name="hours_delete"),
    path("mentorship/calendar/", calendar.calendar_settings, name="calendar_settings"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    # The placed attorney's "filed" mark on a hard date of their case
    path("mentorship/cases/<id:pk>/dates/<id:date_pk>/filed/", deadlines.case_date_filed, name="case_date_filed"),
    path("mentorship/cases/<id:pk>/dates/<id:date_pk>/unfiled/", deadlines.case_date_unfiled, name="case_date_unfiled"),
]
