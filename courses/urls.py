from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("learn/catalog/", views.catalog, name="catalog"),
    path("learn/", views.my_learning, name="my_learning"),
    path("learn/courses/<id:course_id>/enrol/", views.enroll, name="enroll"),
    path("learn/courses/<id:course_id>/resume/", views.resume, name="resume"),
    path("learn/courses/<id:course_id>/assessment/", views.assessment, name="assessment"),
    path(
        "learn/courses/<id:course_id>/assessment/<id:number>/",
        views.assessment_result,
        name="assessment_result",
    ),
    path("learn/courses/<id:course_id>/affirm/", views.affirm, name="affirm"),
    path("learn/courses/<id:course_id>/law-update/", views.law_update, name="law_update"),
    path("learn/courses/<id:course_id>/evaluation/", views.evaluation, name="evaluation"),
    path("learn/lessons/<id:lesson_id>/heartbeat/", views.heartbeat, name="heartbeat"),
    path("learn/lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("learn/lessons/<id:lesson_id>/code/", views.attendance_code, name="attendance_code"),
    path("learn/lessons/<id:lesson_id>/check/", views.knowledge_check, name="knowledge_check"),
    path("learn/lessons/<id:lesson_id>/question/", views.lesson_question, name="lesson_question"),
    path("learn/sessions/<id:session_id>/", views.session_detail, name="session"),
    path("learn/sessions/<id:session_id>/register/", views.session_register, name="session_register"),
    path("learn/sessions/<id:session_id>/cancel/", views.session_cancel, name="session_cancel"),
    path("learn/sessions/<id:session_id>/sign-in/", views.session_sign_in, name="session_sign_in"),
    path("learn/sessions/<id:session_id>/code/", views.session_code, name="session_code"),
    path("learn/sessions/<id:session_id>/sign-out/", views.session_sign_out, name="session_sign_out"),
    path("learn/sessions/<id:session_id>/calendar.ics", views.session_calendar, name="session_calendar"),
    path("learn/profile/bar/", views.bar_admissions, name="bar_admissions"),
    path("learn/profile/bar/<id:admission_id>/", views.bar_admission_edit, name="bar_admission_edit"),
    path("learn/profile/bar/<id:admission_id>/delete/", views.bar_admission_delete, name="bar_admission_delete"),
]
