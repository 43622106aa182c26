from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .audit import audit_record
from .models import AuditEvent


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def on_sign_in(sender, request, user, **kwargs):
    from .services import session_start

    session_start(request=request)
    audit_record(actor=user, action=AuditEvent.Action.SIGN_IN, obj=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def on_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action=AuditEvent.Action.SIGN_OUT, obj=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    # The attempted email is not stored: it may be a survivor's or a mistyped password.
    audit_record(actor=None, action=AuditEvent.Action.SIGN_IN_FAILED, request=request)


@receiver(post_migrate, dispatch_uid="ensure_role_groups")
def on_post_migrate(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.label == "accounts":
        from .services import roles_ensure_groups

        roles_ensure_groups()
