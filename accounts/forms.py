from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it appears on your bar registration; it is printed on CLE certificates."),
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES, initial="en")

    field_order = ["full_name", "email", "password1", "password2", "preferred_language"]

    def try_save(self, request):
        if self.account_already_exists:
            # A new account costs a password hash; hashing here too keeps the answer for a
            # registered email as slow as for a new one, so its timing tells nothing (S9).
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class AccountDetailsForm(forms.Form):
    """The user's own name and interface language, on the account page."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it appears on your bar registration; it is printed on CLE certificates."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Interface language"),
        choices=settings.LANGUAGES,
        help_text=_("The language of the site's pages and of the emails we send you."),
    )
