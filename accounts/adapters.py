from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit

from .roles import Role
from .services import user_add_role


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up makes a volunteer attorney; every other role is granted by program staff."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = form.cleaned_data.get("preferred_language") or "en"
        if commit:
            user.save()
            user_add_role(user=user, role=Role.VOLUNTEER)
        return user

    def pre_authenticate(self, request, **credentials):
        # Past the failed-attempt limit the answer is 429 (slow down), never a lock-out:
        # the account stays usable once the window passes.
        cache_key = self._get_login_attempts_cache_key(request, **credentials)
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=cache_key
        )
        if not self._login_failed_rl_usage:
            raise ImmediateHttpResponse(ratelimit.respond_429(request))
