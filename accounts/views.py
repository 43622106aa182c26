"""Account pages: allauth's, behind a fresh password confirmation, and Wagtail's, without email or password."""

from allauth.account import views as allauth_views
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from wagtail.admin.views.account import AccountView, ChangePasswordPanel, NameEmailSettingsPanel

from .reauthentication import require_reauthentication
from .services import user_language_set

# Listing the addresses needs no confirmation; every change to them does.
email = require_reauthentication(allauth_views.email, allow_get=True, replay_post=True)
password_change = require_reauthentication(allauth_views.password_change, allow_get=False, replay_post=False)
password_set = require_reauthentication(allauth_views.password_set, allow_get=False, replay_post=False)


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


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's ``set_language`` (cookie, safe redirect back), and for a
    signed-in user the choice is kept on their account, so it follows them to other
    devices and to the emails they get."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_language_set(user=request.user, language=language)
    return set_language(request)
