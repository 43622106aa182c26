"""Account pages: the site's own overview, allauth's behind a fresh password confirmation, and Wagtail's, without email or password."""

from allauth.account import views as allauth_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language
from wagtail.admin.views.account import AccountView, ChangePasswordPanel, NameEmailSettingsPanel

from .forms import AccountDetailsForm
from .reauthentication import require_reauthentication
from .registry import account_sections_render
from .selectors import account_overview_for, onboarding_for
from .services import user_language_set, user_update_details

# Listing the addresses needs no confirmation; every change to them does.
email = require_reauthentication(allauth_views.email, allow_get=True, replay_post=True)
password_change = require_reauthentication(allauth_views.password_change, allow_get=False, replay_post=False)
password_set = require_reauthentication(allauth_views.password_set, allow_get=False, replay_post=False)


@login_required
@require_http_methods(["GET", "POST"])
def account_overview(request: HttpRequest) -> HttpResponse:
    """One page for the account: name, language, password, addresses, sign-in app, calendar."""
    user = request.user
    initial = {"full_name": user.full_name, "preferred_language": user.preferred_language}
    form = AccountDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = user_update_details(user=user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your details are saved.") if changed else _("Nothing to change."))
            return redirect("account_overview")
    context = {
        "form": form,
        "overview": account_overview_for(user=user),
        "sections": account_sections_render(request=request),
    }
    return render(request, "account/overview.html", context)


@login_required
def onboarding(request: HttpRequest) -> HttpResponse:
    """A new attorney's first steps; each ticks itself once the data is there."""
    items = onboarding_for(user=request.user)
    return render(
        request, "account/onboarding.html", {"onboarding": items, "complete": all(item.done for item in items)}
    )


class AdminAccountView(AccountView):
    """Wagtail's account page keeps the editor's admin preferences (picture, language, theme).

    Email and password are changed on the site's account pages only, where re-authentication,
    verification and notices apply; the page links there (accounts/wagtail_hooks.py). The
    name panel goes too: this user model has no first and last name, only ``full_name``,
    which is printed on CLE certificates and is not the editor's to change here.
    """

    def get_panels(self):
        hidden = (NameEmailSettingsPanel, ChangePasswordPanel)
        return [panel for panel in super().get_panels() if not isinstance(panel, hidden)]


@csrf_exempt
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's ``set_language`` (cookie, safe redirect back), and for a
    signed-in user the choice is kept on their account, so it follows them to other
    devices and to the emails they get.

    For a visitor who is not signed in, the switcher carries no CSRF token: all a forged
    request could change is the language cookie, and without a token the public pages
    stay the same for every visitor, so they can be cached. A signed-in user's switch
    writes to their account and is CSRF-checked as every other form."""
    if request.user.is_authenticated:
        return _language_set_for_user(request)
    return set_language(request)


@csrf_protect
def _language_set_for_user(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        user_language_set(user=request.user, language=language)
    return set_language(request)
