from allauth.account.signals import login_code_rejected
from allauth.mfa.signals import authentication_failed as mfa_authentication_failed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .audit import audit_record
from .models import AuditEvent
from .signin import REASON_LOGIN_CODE_FAILED, REASON_MFA_FAILED, REASON_MFA_REAUTH_FAILED, signin_failure_record


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def on_sign_in(sender, request, user, **kwargs):
    from .services import language_activate_for, session_start

    session_start(request=request)
    language_activate_for(request=request, user=user)
    audit_record(actor=user, action=AuditEvent.Action.SIGN_IN, obj=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def on_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action=AuditEvent.Action.SIGN_OUT, obj=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    # The attempted email is not stored: it may be a survivor's or a mistyped password.
    audit_record(actor=None, action=AuditEvent.Action.SIGN_IN_FAILED, request=request)


@receiver(mfa_authentication_failed, dispatch_uid="audit_mfa_failed")
def on_mfa_failed(sender, request, user, reauthentication=False, **kwargs):
    reason = REASON_MFA_REAUTH_FAILED if reauthentication else REASON_MFA_FAILED
    signin_failure_record(request=request, user=user, reason=reason)


@receiver(login_code_rejected, dispatch_uid="audit_login_code_failed")
def on_login_code_failed(sender, request, user, **kwargs):
    signin_failure_record(request=request, user=user, reason=REASON_LOGIN_CODE_FAILED)


@receiver(post_migrate, dispatch_uid="ensure_role_groups")
def on_post_migrate(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.label == "accounts":
        from .services import roles_ensure_groups

        roles_ensure_groups()
