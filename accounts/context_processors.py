from django.conf import settings

from .navigation import navigation_for


def site_chrome(request):
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "nav_items": navigation_for(user) if user is not None else [],
    }
