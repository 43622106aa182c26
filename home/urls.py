from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("safety/", views.browse_safely, name="browse_safely"),
    path("exit/", views.quick_exit, name="quick_exit"),
]
