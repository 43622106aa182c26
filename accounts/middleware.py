from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from .audit import current_request
from .services import SESSION_STARTED_KEY, user_language, user_needs_mfa_enrolment

SESSION_REFRESHED_KEY = "session_refreshed_at"


class AuditRequestMiddleware:
    """Audit rows written while a request is served record its address and view, whoever writes them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The request itself is kept, not its fields: the view name is known only after
        # URL resolution, which happens after every middleware has been entered.
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


class UserLanguageMiddleware:
    """A signed-in user's chosen language wins over the browser's and the cookie.

    LocaleMiddleware runs first (it needs only the session and the cookie) and picks the
    language for anonymous visitors; once the user is known, their ``preferred_language``
    replaces it for the rest of the request. URLs carry no language prefix, so a
    browser's history never shows which language a survivor's advocate reads in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = user_language(user=user) if user is not None and user.is_authenticated else None
        # An override, not activate(): the language ends with the request (a sign-in that
        # switches it included), so nothing run later in this thread inherits it.
        with translation.override(language or translation.get_language()):
            if language:
                request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            if language:
                response.headers["Content-Language"] = translation.get_language()
        return response


class SessionTimeoutMiddleware:
    """End a session at the absolute limit, however active it has been; move its idle limit on
    with activity, writing it at most once a ``SESSION_REFRESH_SECONDS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = timezone.now().timestamp()
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, _("Your session ended. Please sign in again."))
                return redirect(f"{reverse('account_login')}")
            refreshed = request.session.get(SESSION_REFRESHED_KEY)
            if refreshed is None or now - refreshed >= settings.SESSION_REFRESH_SECONDS:
                # A change to the session saves it, and saving sets its expiry from now.
                request.session[SESSION_REFRESHED_KEY] = now
        return self.get_response(request)


class MfaRequiredMiddleware:
    """Mentors, staff, editors and admin users enrol an authenticator before case data or the admin.

    Every URL under the gated prefixes, the admin's JSON endpoints included, answers with
    a bare redirect to the enrolment page: no content, whatever the view would have done.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if any(path.startswith(prefix) for prefix in settings.MFA_REQUIRED_PATH_PREFIXES):
            if user_needs_mfa_enrolment(user=request.user):
                messages.warning(
                    request,
                    _(
                        "Your role gives access to survivors' case data or to the site's administration: set up an authenticator app first."
                    ),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


class AdminAccessMiddleware:
    """Signed-in people who may not use the Wagtail admin get 404 from it.

    Wagtail sends them to sign in, and the sign-in page sends a signed-in user straight
    back: a redirect loop. Anonymous visitors still go to the sign-in page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith("/cms/")
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            raise Http404
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Signed-in pages are never stored by browsers or shared caches; logout clears the browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_authenticated = request.user.is_authenticated
        response = self.get_response(request)
        if was_authenticated or request.user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
            patch_vary_headers(response, ["Cookie"])
        if (
            was_authenticated
            and request.method == "POST"
            and not request.user.is_authenticated
            and request.path_info == reverse("account_logout")
        ):
            response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response
