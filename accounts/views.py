"""Account pages: allauth's, behind a fresh password confirmation, and Wagtail's, without email or password."""

from allauth.account import views as allauth_views
from wagtail.admin.views.account import AccountView, ChangePasswordPanel, NameEmailSettingsPanel

from .reauthentication import require_reauthentication

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
