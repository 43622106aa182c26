from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .dashboard import dashboard_sections


def browse_safely(request):
    return render(request, "home/browse_safely.html")


@login_required
def dashboard(request):
    return render(request, "home/dashboard.html", {"sections": dashboard_sections(request=request)})


def quick_exit(request):
    """The no-script path of the quick exit: straight to the neutral site."""
    response = redirect(settings.QUICK_EXIT_URL)
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
