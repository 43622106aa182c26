from django.urls import path

from . import views

app_name = "certificates"
urlpatterns = [
    path("certificates/verify/", views.verify_form, name="verify_form"),
    path("certificates/verify/<str:code>/", views.verify, name="verify"),
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<id:pk>/download/", views.certificate_download, name="download"),
    path("certificates/transcript/", views.transcript, name="transcript"),
    path("certificates/transcript/download.<str:fmt>", views.transcript_download, name="transcript_download"),
]
