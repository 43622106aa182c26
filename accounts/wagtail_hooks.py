from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def account_email_and_password(request):
    return {
        "url": reverse("account_email"),
        "label": _("Email addresses"),
        "help_text": _("Add, verify or change your sign-in email. You confirm your password first."),
    }


@hooks.register("register_account_menu_item")
def account_password(request):
    return {
        "url": reverse("account_change_password"),
        "label": _("Password"),
        "help_text": _("Change your password. You confirm your current password first."),
    }


@hooks.register("register_account_menu_item")
def account_authenticator(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
