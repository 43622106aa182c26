from django.conf import settings
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail.admin.auth import require_admin_access
from wagtail.documents.views.serve import authenticate_with_password

from accounts import views as account_views
from courses.admin_views import PageCreateView
from courses.documents import document_serve, media_serve

# Registers the `id` converter before the URLconfs below are read.
from lms.converters import refuse_impossible_ids

# Ids in the URLs of Wagtail and allauth are held to the same range as the project's own
# (see lms/converters.py).
wagtail_admin = path("cms/", include("wagtail.admin.urls"))
refuse_impossible_ids([wagtail_admin], string_keys=True)

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
    # Wagtail's page create view, safe against a create sent twice (autosave, a double Publish).
    path(
        "cms/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<id:parent_page_id>/",
        require_admin_access(PageCreateView.as_view()),
    ),
    wagtail_admin,
    # Wagtail's own front-end sign-in would skip allauth's rate limits and MFA.
    path("_util/login/", RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)),
    # Wagtail's document routes, names kept; a document is always a sandboxed download.
    path("documents/<id:document_id>/<str:document_filename>", document_serve, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # The site's account page and a new attorney's first steps; allauth's pages hang off it.
    path("account/", account_views.account_overview, name="account_overview"),
    path("account/welcome/", account_views.onboarding, name="account_onboarding"),
    # allauth's email and password pages, behind a fresh password confirmation.
    path("accounts/email/", account_views.email, name="account_email"),
    path("accounts/password/change/", account_views.password_change, name="account_change_password"),
    path("accounts/password/set/", account_views.password_set, name="account_set_password"),
    path("accounts/", include("allauth.urls")),
    # No /es/ prefix anywhere: the language lives in a cookie and on the account.
    path("language/", account_views.language_set, name="set_language"),
    path("", include("home.urls")),
    path("", include("courses.urls")),
    path("", include("courses.certificates.urls")),
    path("", include("mentorship.urls")),
    path("staff/", include("mentorship.staff_urls")),
]

if settings.DEBUG:
    # Uploaded media for the development server, documents excepted (see courses/documents.py).
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media_serve)]

urlpatterns += [path("", include("wagtail.urls"))]

refuse_impossible_ids(urlpatterns)

handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
handler429 = "home.errors.too_many_requests"
