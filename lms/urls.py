from django.conf import settings
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views

urlpatterns = [
    # The Wagtail admin signs in through allauth, so rate limits and MFA apply there too.
    path(
        "cms/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    # Wagtail's account page without its email and password panels (accounts/views.py); it
    # keeps the path of "wagtailadmin_account" and Wagtail's admin-access check.
    path("cms/account/", require_admin_access(account_views.AdminAccountView.as_view())),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # allauth's email and password pages, behind a fresh password confirmation.
    path("accounts/email/", account_views.email, name="account_email"),
    path("accounts/password/change/", account_views.password_change, name="account_change_password"),
    path("accounts/password/set/", account_views.password_set, name="account_set_password"),
    path("accounts/", include("allauth.urls")),
    path("", include("home.urls")),
    path("", include("courses.urls")),
    path("", include("courses.certificates.urls")),
    path("", include("mentorship.urls")),
    path("staff/", include("mentorship.staff_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
handler429 = "home.errors.too_many_requests"
