from django.conf import settings
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView

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
    wagtail_admin,
    path("documents/", include("wagtail.documents.urls")),
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

urlpatterns += [path("", include("wagtail.urls"))]

refuse_impossible_ids(urlpatterns)

handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
handler429 = "home.errors.too_many_requests"
