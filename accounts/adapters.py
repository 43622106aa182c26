from allauth.account.adapter import DefaultAccountAdapter

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
