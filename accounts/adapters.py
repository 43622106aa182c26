from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import Role
from .services import recipient_language, user_add_role
from .signin import FACTOR_PASSWORD, password_attempt_start, signin_attempts_clear


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up makes a volunteer attorney; every other role is granted by program staff."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Says neither which of the two was wrong (S9: no account enumeration).
        "email_password_mismatch": _("The email address or the password is not right. Check both and try again."),
        "enter_current_password": _("Enter your current password."),
    }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = form.cleaned_data.get("preferred_language") or "en"
        if commit:
            user.save()
            user_add_role(user=user, role=Role.VOLUNTEER)
        return user

    def send_mail(self, template_prefix, email, context):
        # allauth renders in the language of the request that caused the email (a password
        # reset asked from a shared computer, a staff member's action); the account holder
        # reads it in the language they chose. An address with no account keeps the request's.
        # The emails name the programme (settings.SITE_NAME), never the server's domain.
        context = {"site_name": settings.SITE_NAME, **context}
        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        if user is None:
            return super().send_mail(template_prefix, email, context)
        with recipient_language(user=user):
            return super().send_mail(template_prefix, email, context)

    def pre_authenticate(self, request, **credentials):
        # Past a failed-attempt limit the answer is 429 (slow down), never a lock-out: the
        # limits are per address and per account from one address, with a much higher
        # ceiling per account (accounts/signin.py), so the owner elsewhere is not refused.
        self._login_failed_rl_usage = password_attempt_start(
            request=request,
            account=self._get_login_attempts_cache_key(request, **credentials),
            login=credentials.get("email", ""),
        )

    def _delete_login_attempts_cached_email(self, request, **credentials):
        # allauth calls this after a password reset; the project keeps its own counts.
        account = self._get_login_attempts_cache_key(request, **credentials)
        signin_attempts_clear(request=request, factor=FACTOR_PASSWORD, account=account)
